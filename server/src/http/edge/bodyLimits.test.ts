import { captureLogger } from '../../testing/captureLogger';
import { TEST_ADMIN_TOKEN, TestHub } from '../../testing/testHub';
import { gzipSync } from 'node:zlib';
import { EDGE_DEFAULTS } from './edgeSettings';
import { JsonDepthScanner, nestsDeeperThan } from './jsonDepth';

const json = { 'content-type': 'application/json' };
const admin = { ...json, authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const reasonOf = async (res: Response) => ((await res.json()) as { error: { code: string; details?: { reason?: string } } }).error;

describe('the HTTP edge: bodies and URLs', () => {
  let hub: TestHub;
  const log = captureLogger();
  beforeAll(async () => {
    // Refused bodies answered at once here; the hold of Q51 has its own tests below, with the product's default.
    hub = await TestHub.start({ logger: log.logger, edge: { bodyRefusalHoldMs: 0 } });
  });
  afterAll(async () => {
    await hub.stop();
  });
  const post = (path: string, body: string, headers: Record<string, string> = json) => fetch(`${hub.url}${path}`, { method: 'POST', headers, body });

  it('Q30: the join-code exchange, open to anyone, refuses a body over 2 KB with a typed 413 and reads nothing of it', async () => {
    const res = await post('/api/sessions', JSON.stringify({ code: 'ABCD-EFGH', pad: 'x'.repeat(2_100) }));
    expect(res.status).toBe(413);
    expect(await reasonOf(res)).toMatchObject({ code: 'INVALID', details: { reason: 'BODY_TOO_LARGE', limitBytes: 2_048 } });
    const chunked = await fetch(`${hub.url}/api/sessions`, {
      method: 'POST', headers: json, duplex: 'half',
      body: new ReadableStream({ start: (c) => { c.enqueue(new TextEncoder().encode(`{"code":"${'A'.repeat(3_000)}"}`)); c.close(); } }),
    } as RequestInit);
    expect([chunked.status, (await reasonOf(chunked)).details?.reason]).toEqual([413, 'BODY_TOO_LARGE']);
  });

  it('Q31: a large body is read only after the admin check: 401 without the token, accepted with it', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(100_000) });
    expect((await post('/api/conferences', big)).status).toBe(401);
    const withToken = await post('/api/conferences', big, admin);
    expect(withToken.status).toBe(400);
    expect((await reasonOf(withToken)).details).not.toMatchObject({ reason: 'BODY_TOO_LARGE' });
  });

  it('Q32: JSON nested deeper than 32 levels is refused (400 BODY_TOO_DEEP) before parsing, even two million deep', async () => {
    const deep = await post('/api/conferences', nested(33), admin);
    expect([deep.status, (await reasonOf(deep)).details?.reason]).toEqual([400, 'BODY_TOO_DEEP']);
    const huge = await post('/api/conferences', nested(2_000_000), admin);
    expect([huge.status, (await reasonOf(huge)).details?.reason]).toEqual([400, 'BODY_TOO_DEEP']);
    const healthy = Date.now();
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
    expect(Date.now() - healthy).toBeLessThan(500);
    const open = await post('/api/sessions', `{"code":${nested(40)}}`);
    expect((await reasonOf(open)).details?.reason).toBe('BODY_TOO_DEEP');
  });

  it('Q32: the depth scan counts brackets, not brackets inside strings, and never recurses', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(nestsDeeperThan(bytes(nested(32)), 32)).toBe(false);
    expect(nestsDeeperThan(bytes(nested(33)), 32)).toBe(true);
    expect(nestsDeeperThan(bytes(JSON.stringify({ a: '[[[[[[["\\\\', b: [{ c: '{{{{' }] })), 3)).toBe(false);
    expect(nestsDeeperThan(bytes('{"a":"\\"[[[["}'), 1)).toBe(false);
    expect(nestsDeeperThan(bytes(nested(5_000_000)), 32)).toBe(true);
  });

  it('Q32: a body is refused at the chunk where it goes too deep, without waiting for the rest', async () => {
    // The sender writes 40 `[` and then nothing more, never ending the body: only a refusal on the bytes as they
    // arrive can answer (a parser that reads the whole body first waits forever).
    let stalled: ReadableStreamDefaultController<Uint8Array> | undefined;
    const res = await fetch(`${hub.url}/api/conferences`, {
      method: 'POST', headers: { ...admin, 'content-length': '4000000' }, duplex: 'half', signal: AbortSignal.timeout(5_000),
      body: new ReadableStream({ start: (c) => { stalled = c; c.enqueue(new TextEncoder().encode('['.repeat(40))); } }),
    } as RequestInit);
    expect([res.status, (await reasonOf(res)).details?.reason]).toEqual([400, 'BODY_TOO_DEEP']);
    expect(res.headers.get('connection')).toBe('close');
    stalled?.error(new Error('done'));
  });

  it('Q32: the scanner keeps its place across chunks (a string, an escape split between two chunks)', () => {
    const scan = new JsonDepthScanner(2);
    const feed = (s: string) => scan.feed(new TextEncoder().encode(s));
    expect([feed('{"a":"[[[\\'), feed('"'), feed(',"b":"\\'), feed('\\"[[[",'), feed('"c":[1]}')]).toEqual([false, false, false, false, false]);
    expect(feed('[[[')).toBe(true);
    expect(feed(']]]')).toBe(true);
  });

  it('Q31: a gzip body is limited and scanned after inflating', async () => {
    const gz = (text: string) => fetch(`${hub.url}/api/sessions`, { method: 'POST', headers: { ...json, 'content-encoding': 'gzip' }, body: gzipSync(text) });
    const inflatesOver = await gz(JSON.stringify({ code: 'A'.repeat(100_000) }));
    expect([inflatesOver.status, (await reasonOf(inflatesOver)).details?.reason]).toEqual([413, 'BODY_TOO_LARGE']);
    const deep = await gz(`{"code":${nested(40)}}`);
    expect((await reasonOf(deep)).details?.reason).toBe('BODY_TOO_DEEP');
    const fine = await gz(JSON.stringify({ code: 'ABCD-EFGH' }));
    expect(fine.status).not.toBe(413);
    expect(String((await reasonOf(fine)).details?.reason)).not.toMatch(/^BODY_|BAD_JSON/);
  });

  it('Q33: a body that is not JSON is a typed 400 BAD_JSON; a UTF-16 body is 415', async () => {
    const bad = await post('/api/sessions', '{"code": ');
    expect([bad.status, (await reasonOf(bad)).details?.reason]).toEqual([400, 'BAD_JSON']);
    const utf16 = await post('/api/sessions', '{"code":"ABCD-EFGH"}', { 'content-type': 'application/json; charset=utf-16le' });
    expect([utf16.status, (await reasonOf(utf16)).details?.reason]).toEqual([415, 'UNSUPPORTED_ENCODING']);
  });

  it('Q45: a malformed percent-escape in the path is a typed 400 BAD_URL, logged without a stack trace', async () => {
    const res = await fetch(`${hub.url}/api/conferences/%E0%A4%A/state`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    expect(res.status).toBe(400);
    expect(await reasonOf(res)).toMatchObject({ code: 'INVALID', details: { reason: 'BAD_URL' } });
    expect(log.text()).not.toMatch(/stack|URIError/);
    expect(log.lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });
});

describe('a refused body is answered after a hold (Q51)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await TestHub.start({ edge: { bodyRefusalHoldMs: EDGE_DEFAULTS.bodyRefusalHoldMs } });
  });
  afterAll(async () => {
    await hub.stop();
  });

  it('Q51: a sender of hostile bodies gets one answer per connection per hold, while the hub answers everyone else at once', async () => {
    const deep = nested(2_000_000);
    const answered: number[] = [];
    const started = performance.now();
    const sender = async () => {
      while (performance.now() - started < 2_500) {
        const t0 = performance.now();
        const res = await fetch(`${hub.url}/api/conferences`, { method: 'POST', headers: admin, body: deep });
        expect([res.status, (await reasonOf(res)).details?.reason]).toEqual([400, 'BODY_TOO_DEEP']);
        answered.push(performance.now() - t0);
      }
    };
    const senders = Promise.all([sender(), sender()]);
    const health: number[] = [];
    while (performance.now() - started < 2_000) {
      const t0 = performance.now();
      expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
      health.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
    await senders;
    // Two connections for ~2.5 s: at most three answers each (without the hold: hundreds).
    expect(answered.length).toBeLessThanOrEqual(6);
    expect(Math.min(...answered)).toBeGreaterThanOrEqual(EDGE_DEFAULTS.bodyRefusalHoldMs - 50);
    expect(health.length).toBeGreaterThan(10);
    expect(Math.max(...health)).toBeLessThan(EDGE_DEFAULTS.bodyRefusalHoldMs / 2);
  });

  it('Q51: an oversized body to the open join-code exchange waits the same; a good one does not', async () => {
    const t0 = performance.now();
    const res = await fetch(`${hub.url}/api/sessions`, { method: 'POST', headers: json, body: JSON.stringify({ code: 'x'.repeat(3_000) }) });
    expect([res.status, (await reasonOf(res)).details?.reason]).toEqual([413, 'BODY_TOO_LARGE']);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(EDGE_DEFAULTS.bodyRefusalHoldMs - 50);
    const t1 = performance.now();
    expect((await fetch(`${hub.url}/api/sessions`, { method: 'POST', headers: json, body: JSON.stringify({ code: 'ABCD-EFGH' }) })).status).toBe(404);
    expect(performance.now() - t1).toBeLessThan(EDGE_DEFAULTS.bodyRefusalHoldMs / 2);
  });
});
