import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROTOCOL_VERSION } from '@diem-cau/shared';
import { io } from 'socket.io-client';
import { TestHub } from '../../testing/testHub';
import { cspFor } from './securityHeaders';

const EVIL = 'http://evil.example';

/** Connects a socket the way a page of `origin` would; resolves with the connection error, or "connected". */
function connectFrom(url: string, token: string, origin: string, transport: 'websocket' | 'polling'): Promise<string> {
  const socket = io(url, { auth: { token, protocol: PROTOCOL_VERSION }, transports: [transport], extraHeaders: { Origin: origin }, forceNew: true, reconnection: false });
  return new Promise((resolve) => {
    socket.once('connect', () => { socket.close(); resolve('connected'); });
    socket.once('connect_error', (e: Error & { description?: unknown; context?: { responseText?: string } }) => {
      socket.close();
      resolve(`${e.message} ${e.context?.responseText ?? ''}`.trim());
    });
  });
}

describe('Q40: security headers on every answer', () => {
  let hub: TestHub;
  beforeAll(async () => {
    const clientDir = mkdtempSync(join(tmpdir(), 'diem-cau-client-'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(clientDir, 'organiser.html'), '<!doctype html><title>y</title>');
    hub = await TestHub.start({ clientDir });
  });
  afterAll(async () => {
    await hub.stop();
  });

  it('Q40: pages, API answers, refusals and unknown paths carry the CSP with frame-ancestors \'none\', nosniff and no-referrer', async () => {
    const answers = await Promise.all(['/', '/join/ABCD-EFGH', '/to-chuc', '/healthz', '/api/nothing', '/api/conferences'].map((p) => fetch(`${hub.url}${p}`)));
    for (const res of answers) {
      expect([res.url, res.headers.get('content-security-policy')]).toEqual([res.url, expect.stringContaining("frame-ancestors 'none'")]);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 404, 401]);
    expect(answers[0]?.headers.get('content-security-policy')).toContain(`connect-src 'self' ws://${new URL(hub.url).host} wss://${new URL(hub.url).host};`);
  });

  it('Q40: a Host header that is not a plain host name is left out of the policy, so it cannot write directives into it', () => {
    expect(cspFor('evil; script-src *')).toContain("connect-src 'self'; ");
    expect(cspFor('evil; script-src *')).not.toContain('evil');
    expect(cspFor('[::1]:3000')).toContain('wss://[::1]:3000');
  });
});

describe('Q46: origins', () => {
  let hub: TestHub;
  let token: string;
  beforeAll(async () => {
    hub = await TestHub.start();
    const { joinCodes } = await hub.createConference();
    token = (await hub.session(joinCodes.find((c) => c.role === 'chair')?.code ?? '')).token;
  });
  afterAll(async () => {
    await hub.stop();
  });
  const exchange = (origin?: string) =>
    fetch(`${hub.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) }, body: JSON.stringify({ code: 'ABCD-EFGH' }) });

  it('Q46: a state-changing request from a page of another origin is FORBIDDEN; same origin and no Origin pass; reads are not checked', async () => {
    const refused = await exchange(EVIL);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String), details: { reason: 'ORIGIN_NOT_ALLOWED' } } });
    expect((await exchange('null')).status).toBe(403);
    expect((await exchange(hub.url)).status).toBe(404);
    expect((await exchange()).status).toBe(404);
    expect((await fetch(`${hub.url}/healthz`, { headers: { origin: EVIL } })).status).toBe(200);
  });

  it('Q46: a socket from a page of another origin is refused at the handshake, on WebSocket and on polling', async () => {
    expect(await connectFrom(hub.url, token, EVIL, 'websocket')).toMatch(/websocket error/);
    expect(await connectFrom(hub.url, token, EVIL, 'polling')).toMatch(/FORBIDDEN: ORIGIN_NOT_ALLOWED/);
    expect(await connectFrom(hub.url, token, hub.url, 'websocket')).toBe('connected');
  });

  it('Q46: with PUBLIC_URL, its origin and ALLOWED_ORIGINS are the ones allowed; the request\'s own host no longer is', async () => {
    const pub = await TestHub.start({ publicUrl: 'https://hoinghi.example.vn', edge: { allowedOrigins: ['http://10.0.0.5:3000'] } });
    try {
      const from = (origin: string) => fetch(`${pub.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ code: 'ABCD-EFGH' }) });
      expect((await from('https://hoinghi.example.vn')).status).toBe(404);
      expect((await from('http://10.0.0.5:3000')).status).toBe(404);
      expect((await from(pub.url)).status).toBe(403);
      expect((await from('https://hoinghi.example.vn.evil.example')).status).toBe(403);
    } finally {
      await pub.stop();
    }
  });
});
