import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './redisServer';

const SHIPPED_CONF = resolve(__dirname, '../../../deploy/nginx.conf');
export const NGINX_BIN = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export interface NginxProxy {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Debian's nginx running the shipped `deploy/nginx.conf`, its upstream servers pointed at local hub ports
 * and its listen port at a free loopback one; everything else in the file is used as written.
 */
export async function startNginx(hubPorts: number[]): Promise<NginxProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'diem-cau-nginx-'));
  for (const sub of ['logs', 'tmp']) mkdirSync(join(dir, sub));
  const port = await freePort();
  const shipped = readFileSync(SHIPPED_CONF, 'utf8');
  const servers = shipped.match(/^\s*server hub\d:3000[^;]*;$/gm) ?? [];
  if (servers.length !== hubPorts.length) throw new Error(`deploy/nginx.conf names ${servers.length} hubs, the test runs ${hubPorts.length}`);
  let site = shipped.replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`);
  servers.forEach((line, i) => (site = site.replace(line, line.replace(/hub\d:3000/, `127.0.0.1:${hubPorts[i]}`))));
  writeFileSync(join(dir, 'site.conf'), site);
  const temp = (name: string) => `${name}_temp_path ${join(dir, 'tmp', name)};`;
  writeFileSync(join(dir, 'nginx.conf'), [
    // As root, workers would run as nobody, who cannot enter this private directory.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'worker_processes 1;', 'daemon off;', `pid ${join(dir, 'nginx.pid')};`, `error_log ${join(dir, 'logs', 'error.log')} warn;`,
    'events { worker_connections 4096; }',
    'http {', `  access_log off;`, ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((n) => `  ${temp(n)}`),
    `  include ${join(dir, 'site.conf')};`, '}',
  ].join('\n'));
  const child: ChildProcess = spawn(NGINX_BIN, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not start: ${out}${safeRead(join(dir, 'logs', 'error.log'))}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => out + safeRead(join(dir, 'logs', 'error.log')),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
