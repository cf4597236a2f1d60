import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNginx, type NginxProxy } from '../server/src/testing/nginxProxy';
import { TestHub } from '../server/src/testing/testHub';

/**
 * Q47: deploy/nginx.conf as shipped — its HTTPS server with a certificate made here by openssl, its HTTP
 * server that only redirects, its access log — in front of a real hub. (The topology suite runs the same
 * file's HTTPS server as plain HTTP, for the browsers' sake; this is where TLS itself is checked.)
 */
jest.setTimeout(60_000);

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: string }

let hub: TestHub;
let proxy: NginxProxy;
let ca: Buffer;

function selfSigned(): { cert: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'diem-cau-cert-'));
  const cert = join(dir, 'fullchain.pem');
  const key = join(dir, 'privkey.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-keyout', key, '-out', cert, '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ], { stdio: 'ignore' });
  return { cert, key };
}

/** An HTTPS request that trusts only the test's certificate (nothing turned off). */
function https(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${proxy.url}${path}`, { method: init.method ?? 'GET', headers: init.headers ?? {}, ca }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.once('error', reject);
    req.end(init.body);
  });
}

beforeAll(async () => {
  const tls = selfSigned();
  ca = readFileSync(tls.cert);
  hub = await TestHub.start();
  const port = Number(new URL(hub.url).port);
  proxy = await startNginx([port, port, port], { tls });
});
afterAll(async () => {
  await proxy?.stop();
  await hub?.stop();
});

describe('Q47: the shipped nginx with TLS', () => {
  it('Q47: serves the hub over HTTPS with HSTS, the hub\'s own security headers passing through', async () => {
    const res = await https('/healthz');
    expect([res.status, res.body]).toEqual([200, '{"ok":true}']);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('Q47: plain HTTP answers only with a redirect to HTTPS, path and query kept', async () => {
    const res = await fetch(`${proxy.redirectUrl}/join/ABCD-EFGH?x=1`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('https://127.0.0.1/join/ABCD-EFGH?x=1');
  });

  it('Q47: the access log names paths without their query strings', async () => {
    await https('/api/conferences/hn-x/state?token=SECRET-IN-A-QUERY');
    await fetch(`${proxy.redirectUrl}/join?code=SECRET-TOO`, { redirect: 'manual' });
    await new Promise((r) => setTimeout(r, 200));
    const log = proxy.accessLog();
    expect(log).toContain('"GET /api/conferences/hn-x/state HTTP/1.1" 401');
    expect(log).toContain('"GET /join HTTP/1.1" 301');
    expect(log).not.toContain('SECRET');
  });

  it('Q46: behind the proxy a page of the site passes the Origin check (Host keeps its port) and another origin does not', async () => {
    const post = (origin: string) => https('/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: '{"code":"ABCD-EFGH"}' });
    expect((await post(proxy.url)).status).toBe(404);
    expect((await post('https://evil.example')).status).toBe(403);
  });
});

describe('the same file as the topology suite runs it', () => {
  it('Q47: with its ssl_ lines dropped, the HTTPS server proxies plain HTTP, sockets and all', async () => {
    const plain = await startNginx(Array(3).fill(Number(new URL(hub.url).port)) as number[]);
    try {
      expect(plain.url.startsWith('http://')).toBe(true);
      expect((await fetch(`${plain.url}/healthz`)).status).toBe(200);
      const handshake = await fetch(`${plain.url}/socket.io/?EIO=4&transport=polling`);
      expect(handshake.status).toBe(200);
    } finally {
      await plain.stop();
    }
  });
});
