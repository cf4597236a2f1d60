import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { ConferenceSetupSchema, type DomainEvent } from '@diem-cau/shared';
import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { openSqliteEventStore } from '../store/sqliteEventStore';

const ROOT = resolve(__dirname, '../../..');
const run = promisify(execFile);
const npmRun = (name: string, args: string[]) =>
  run(process.execPath, ['--import', 'tsx', `scripts/archive/${name}.ts`, ...args], { cwd: ROOT, env: { ...process.env, REDIS_URL: '' } })
    .then(({ stdout }) => ({ code: 0, stdout }), (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout + error.stderr }));

describe('npm run archive and npm run verify (AR1, AR2)', () => {
  it('AR2: archive writes a tar from DATA_DIR\'s store; verify says OK (exit 0), then names an altered event (exit 1)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'diem-cau-archive-cli-'));
    const store = openSqliteEventStore(new Database(join(dataDir, 'diem-cau.db')));
    const actor = { role: 'organiser' as const, sessionId: 'o' };
    const events: DomainEvent[] = [
      { type: 'conference.created', payload: { conferenceId: 'hn-cli', setup: ConferenceSetupSchema.parse(FIXTURE_SETUP) } },
      { type: 'conference.started', payload: {} },
      { type: 'conference.ended', payload: {} },
    ];
    for (const [i, e] of events.entries()) await store.append('hn-cli', i, `00000000-0000-4000-8000-00000000000${i}`, [{ ...e, at: 1_000 * (i + 1), actor }]);
    await store.close();

    const out = join(dataDir, 'hn-cli.tar');
    const made = await npmRun('archive', ['hn-cli', '--data-dir', dataDir, '--out', out]);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/log of 3 events, head hash [0-9a-f]{64}/);
    expect((await npmRun('archive', ['hn-cli', '--data-dir', dataDir, '--out', out])).stdout).toContain('never overwritten');

    const ok = await npmRun('verify', [out]);
    expect([ok.code, ok.stdout.trim().split('\n').at(-1)]).toEqual([0, 'OK: every file matches the manifest and the log\'s chain is whole']);

    const tar = readFileSync(out);
    const at = tar.indexOf('"type":"conference.started","at":2000');
    writeFileSync(out, Buffer.concat([tar.subarray(0, at), Buffer.from('"type":"conference.started","at":2001'), tar.subarray(at + 37)]));
    const altered = await npmRun('verify', [out]);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toContain('ALTERED file log.jsonl: altered (its SHA-256 is not the manifest\'s)');
    expect(altered.stdout).toContain('ALTERED event seq 2: altered (its hash no longer matches the chain)');
  });
});
