import { captureLogger } from '../../testing/captureLogger';
import { ManualClock } from '../../testing/manualClock';
import { TEST_ADMIN_TOKEN, TestHub, type JoinCodeInfo } from '../../testing/testHub';
import { addressKey } from './clientAddress';
import { EDGE_DEFAULTS } from './edgeSettings';
import { GuessThrottle } from './guessThrottle';

/** Refusals answered at once here (the hold of Q48 has its own test below, with the product's default). */
const LIMITS = { freeFailures: 3, backoffBaseMs: 1_000, backoffMaxMs: 8_000, globalFailuresPerMin: 20, forgetMs: 600_000, holdRefusalMs: 0 };
const WRONG = ['WRNG-AAAA', 'WRNG-BBBB', 'WRNG-CCCC', 'WRNG-DDDD', 'WRNG-EEEE'];

describe('guessing join codes and the admin token (Q34–Q38)', () => {
  const clock = new ManualClock();
  const log = captureLogger('warn');
  let hub: TestHub;
  let codes: JoinCodeInfo[];
  let conferenceId: string;
  beforeAll(async () => {
    hub = await TestHub.start({ clock, logger: log.logger, edge: { joinCodeGuesses: LIMITS, tokenGuesses: LIMITS } });
    ({ joinCodes: codes, conferenceId } = await hub.createConference());
  });
  afterAll(async () => {
    await hub.stop();
  });

  const codeOf = (role: string) => codes.find((c) => c.role === role)?.code ?? '';
  const exchange = (code: string, from: string) =>
    fetch(`${hub.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ code }) });
  const asAdmin = (token: string, from: string, path = '/api/conferences') => fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': from } });
  const waitOf = async (res: Response) => ({
    status: res.status, retryAfter: res.headers.get('retry-after'),
    error: ((await res.json()) as { error: { code: string; details?: { reason?: string; retryAfterMs?: number; scope?: string } } }).error,
  });

  it('Q34: after the free failures an address waits, doubling: 429 RATE_LIMITED with retryAfterMs and Retry-After; the log names the address, never the code', async () => {
    for (const code of WRONG.slice(0, 4)) expect((await exchange(code, '203.0.113.5')).status).toBe(404);
    const refused = await waitOf(await exchange(codeOf('chair'), '203.0.113.5'));
    expect(refused).toMatchObject({ status: 429, retryAfter: '1', error: { code: 'RATE_LIMITED', details: { reason: 'TOO_MANY_ATTEMPTS', scope: 'address' } } });
    expect(refused.error.details?.retryAfterMs).toBeGreaterThan(900);
    expect(refused.error.details?.retryAfterMs).toBeLessThanOrEqual(1_000);
    clock.advance(1_001);
    expect((await exchange(WRONG[4] ?? '', '203.0.113.5')).status).toBe(404);
    expect((await waitOf(await exchange(codeOf('chair'), '203.0.113.5'))).retryAfter).toBe('2');
    const warning = log.lines.find((l) => l.guessing === 'join-code');
    expect(warning).toMatchObject({ address: '203.0.113.5', waitMs: 1_000 });
    for (const code of [...WRONG, codeOf('chair')]) expect(log.text()).not.toContain(code);
  });

  it('Q34: once the wait is over, the right code opens a session', async () => {
    clock.advance(2_001);
    expect((await exchange(codeOf('secretary'), '203.0.113.5')).status).toBe(201);
  });

  it('Q37: an address that waits does not slow anyone else', async () => {
    for (const code of WRONG) await exchange(code, '203.0.113.6');
    expect((await exchange(codeOf('chair'), '203.0.113.6')).status).toBe(429);
    expect((await exchange(codeOf('chair'), '198.51.100.7')).status).toBe(201);
  });

  it('Q36: wrong admin tokens make the address wait even for the right one; a valid session token still works from there', async () => {
    const from = '192.0.2.44';
    for (let i = 0; i < 4; i++) expect((await asAdmin(`wrong-admin-token-${i}-0123456789`, from)).status).toBe(401);
    expect(await waitOf(await asAdmin(TEST_ADMIN_TOKEN, from))).toMatchObject({ status: 429, error: { details: { reason: 'TOO_MANY_ATTEMPTS' } } });
    const session = await hub.session(codeOf('display'));
    expect((await asAdmin(session.token, from, `/api/conferences/${conferenceId}/state`)).status).toBe(200);
    expect((await asAdmin(TEST_ADMIN_TOKEN, '192.0.2.45')).status).toBe(200);
    clock.advance(1_001);
    expect((await asAdmin(TEST_ADMIN_TOKEN, from)).status).toBe(200);
    expect(log.text()).not.toContain('wrong-admin-token');
  });

  it('Q35: failures from many addresses past the global limit make everyone wait until the minute frees', async () => {
    clock.advance(61_000);
    for (let i = 0; i < 20; i++) await exchange(WRONG[i % 5] ?? '', `10.9.0.${i + 1}`);
    const fresh = await waitOf(await exchange(codeOf('chair'), '198.51.100.99'));
    expect(fresh).toMatchObject({ status: 429, error: { details: { scope: 'global' } } });
    expect(log.lines.some((l) => l.msg === 'failed guesses from many addresses: every client waits')).toBe(true);
    clock.advance(60_001);
    expect((await exchange(codeOf('chair'), '198.51.100.99')).status).toBe(201);
  });
});

describe('Q38: the client address', () => {
  it('Q38: without a trusted proxy, X-Forwarded-For is ignored: every claimed address is the socket\'s', async () => {
    const hub = await TestHub.start({ edge: { trustProxy: false, joinCodeGuesses: LIMITS } });
    try {
      for (let i = 0; i < 4; i++) {
        await fetch(`${hub.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.0.${i}` }, body: JSON.stringify({ code: WRONG[i] }) });
      }
      const res = await fetch(`${hub.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.0.200' }, body: JSON.stringify({ code: WRONG[0] }) });
      expect(res.status).toBe(429);
    } finally {
      await hub.stop();
    }
  });

  it('Q38: IPv6 clients are counted by their /64, IPv4-mapped ones as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:ffff:1:2:3'));
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey(undefined)).toBe('unknown');
  });
});

describe('Q48: a refusal to wait is held', () => {
  it('Q48: a guesser that asks on while told to wait gets one answer per hold (1 s by default) on each connection; others are answered at once', async () => {
    const hub = await TestHub.start({ edge: { joinCodeGuesses: { ...EDGE_DEFAULTS.joinCodeGuesses, freeFailures: 1, backoffBaseMs: 30_000 } } });
    try {
      const ask = (code: string, from: string) => fetch(`${hub.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ code }) });
      expect((await ask(WRONG[0] ?? '', '203.0.113.9')).status).toBe(404);
      expect((await ask(WRONG[1] ?? '', '203.0.113.9')).status).toBe(404);
      // Told to wait (30 s) from here on: four guesses in a row on one connection take four holds, not milliseconds.
      const t0 = performance.now();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await ask(WRONG[2] ?? '', '203.0.113.9')).status);
      const took = performance.now() - t0;
      expect(statuses).toEqual([429, 429, 429, 429]);
      expect(took).toBeGreaterThanOrEqual(3_900);
      // Another address, not waiting, is answered without a hold.
      const t1 = performance.now();
      expect((await ask(WRONG[3] ?? '', '198.51.100.9')).status).toBe(404);
      expect(performance.now() - t1).toBeLessThan(900);
    } finally {
      await hub.stop();
    }
  }, 20_000);
});

describe('GuessThrottle, the pure counter', () => {
  it('Q34: waits double from the first failure past the free ones, up to the maximum, and are forgotten after a quiet spell', () => {
    const t = new GuessThrottle(LIMITS);
    const waits = Array.from({ length: 8 }, (_, i) => t.fail('a', i));
    expect(waits).toEqual([0, 0, 0, 1_000, 2_000, 4_000, 8_000, 8_000]);
    expect(t.check('a', 10)).toMatchObject({ ok: false, scope: 'address' });
    expect(t.check('a', 10 + 8_000 + 600_001)).toEqual({ ok: true });
    expect(t.fail('a', 10 + 8_000 + 600_002)).toBe(0);
  });
});
