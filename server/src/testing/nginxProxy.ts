import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './redisServer';

const SHIPPED_CONF = resolve(__dirname, '../../../deploy/nginx.conf');
export const NGINX_BIN = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export interface NginxProxy {
  /** The proxying server: https:// with `tls`, else http://. */
  url: string;
  /** The plain-HTTP server that only redirects to HTTPS. */
  redirectUrl: string;
  /** The access log as written (the shipped log format). */
  accessLog(): string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * The shipped file for this machine: upstream servers at local hub ports, listen ports at free loopback
 * ones, the access log in the test's directory. With `tls`, its HTTPS server runs as written with that
 * certificate. Without, the same server runs as plain HTTP (its ssl_ lines dropped): the browsers of the
 * topology suite need an origin they trust for the service worker, and what TLS adds is tested apart
 * (e2e/nginxTls.test.ts). Everything else in the file is used as written.
 */
function siteFor(shipped: string, dir: string, hubPorts: number[], ports: { main: number; redirect: number }, tls?: { cert: string; key: string }): string {
  const servers = shipped.match(/^\s*server hub\d:3000[^;]*;$/gm) ?? [];
  if (servers.length !== hubPorts.length) throw new Error(`deploy/nginx.conf names ${servers.length} hubs, the test runs ${hubPorts.length}`);
  let site = shipped
    .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${ports.redirect};`)
    .replace(/^(\s*)listen 443 ssl;$/m, `$1listen 127.0.0.1:${ports.main}${tls ? ' ssl' : ''};`)
    .replaceAll('/var/log/nginx/', `${join(dir, 'logs')}/`);
  site = tls
    ? site.replace(/^(\s*)ssl_certificate \S+;$/m, `$1ssl_certificate ${tls.cert};`).replace(/^(\s*)ssl_certificate_key \S+;$/m, `$1ssl_certificate_key ${tls.key};`)
    : site.replace(/^\s*ssl_\w+ .*;\n/gm, '');
  servers.forEach((line, i) => (site = site.replace(line, line.replace(/hub\d:3000/, `127.0.0.1:${hubPorts[i]}`))));
  return site;
}

export async function startNginx(hubPorts: number[], opts: { tls?: { cert: string; key: string } } = {}): Promise<NginxProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'diem-cau-nginx-'));
  for (const sub of ['logs', 'tmp']) mkdirSync(join(dir, sub));
  const port = await freePort();
  const redirect = await freePort();
  writeFileSync(join(dir, 'site.conf'), siteFor(readFileSync(SHIPPED_CONF, 'utf8'), dir, hubPorts, { main: port, redirect }, opts.tls));
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
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    redirectUrl: `http://127.0.0.1:${redirect}`,
    accessLog: () => safeRead(join(dir, 'logs', 'access.log')),
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
