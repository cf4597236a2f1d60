import { captureLogger } from '../../testing/captureLogger';
import { TEST_ADMIN_TOKEN, TestHub } from '../../testing/testHub';
import { nestsDeeperThan } from './jsonDepth';

const json = { 'content-type': 'application/json' };
const admin = { ...json, authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const reasonOf = async (res: Response) => ((await res.json()) as { error: { code: string; details?: { reason?: string } } }).error;

describe('the HTTP edge: bodies and URLs', () => {
  let hub: TestHub;
  const log = captureLogger();
  beforeAll(async () => {
    hub = await TestHub.start({ logger: log.logger });
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
