import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from './config';

const DEPLOY = resolve(__dirname, '../../../deploy/systemd');

/** KEY=value lines of an environment file as systemd reads them (comments and blank lines skipped). */
const envFile = (file: string): Record<string, string> =>
  Object.fromEntries(readFileSync(file, 'utf8').split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

describe('the systemd unit and its environment file', () => {
  it('OP4: the shipped environment file is a valid configuration, listening on loopback behind nginx', () => {
    const file = resolve(DEPLOY, 'diem-cau.env');
    const config = loadConfig(envFile(file));
    expect(config).toMatchObject({ HOST: '127.0.0.1', SEED_DEMO: 'never', DATA_DIR: '/var/lib/diem-cau', METRICS_HOST: '127.0.0.1' });
  });

  it('OP4: systemd-analyze finds nothing wrong with the unit, which runs the built hub as its own user from the env file', () => {
    const unit = resolve(DEPLOY, 'diem-cau.service');
    // Warnings and errors go to stderr; a clean unit prints nothing and exits 0.
    const verified = spawnSync('systemd-analyze', ['verify', unit], { encoding: 'utf8' });
    expect([verified.status, verified.stdout, verified.stderr]).toEqual([0, '', '']);
    const text = readFileSync(unit, 'utf8');
    expect(text).toMatch(/^ExecStart=\/usr\/bin\/node --enable-source-maps server\/dist\/main\.cjs$/m);
    expect(text).toMatch(/^EnvironmentFile=\/etc\/diem-cau\/diem-cau\.env$/m);
    expect(text).toMatch(/^User=diemcau$/m);
    expect(text).toMatch(/^ReadWritePaths=\/var\/lib\/diem-cau$/m);
  });
});
