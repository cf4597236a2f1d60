import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@diem-cau/shared';
import { TEST_ADMIN_TOKEN, TestHub } from '../testing/testHub';

describe('bad input changes nothing and gets a typed error', () => {
  let hub: TestHub;
  let conferenceId: string;
  let codes: Awaited<ReturnType<TestHub['createConference']>>['joinCodes'];
  beforeAll(async () => {
    hub = await TestHub.start();
    ({ conferenceId, joinCodes: codes } = await hub.createConference());
  });
  afterAll(async () => {
    await hub.stop();
  });

  const uuid = () => crypto.randomUUID();
  const CASES: Array<[string, () => unknown, string]> = [
    ['not an object', () => 'floor.request', 'INVALID'],
    ['null', () => null, 'INVALID'],
    ['an array', () => [1, 2], 'INVALID'],
    ['unknown command type', () => ({ type: 'floor.steal', commandId: uuid(), conferenceId }), 'INVALID'],
    ['missing commandId', () => ({ type: 'conference.start', conferenceId }), 'INVALID'],
    ['commandId not a uuid', () => ({ type: 'conference.start', commandId: '1', conferenceId }), 'INVALID'],
    ['wrong field type', () => ({ type: 'comment.log', commandId: uuid(), conferenceId, kind: 'agree', text: 42 }), 'INVALID'],
    ['unknown comment kind', () => ({ type: 'comment.log', commandId: uuid(), conferenceId, kind: 'love', text: 'x' }), 'INVALID'],
    ['extra field', () => ({ type: 'conference.start', commandId: uuid(), conferenceId, seq: 99 }), 'INVALID'],
    ['huge text', () => ({ type: 'comment.log', commandId: uuid(), conferenceId, kind: 'agree', text: 'ý'.repeat(10_001) }), 'INVALID'],
    ['empty text', () => ({ type: 'comment.log', commandId: uuid(), conferenceId, kind: 'agree', text: '   ' }), 'INVALID'],
    ['too many article refs', () => ({ type: 'comment.log', commandId: uuid(), conferenceId, kind: 'agree', text: 'x', articles: Array.from({ length: 31 }, () => ({ article: 1 })) }), 'INVALID'],
    ['negative article', () => ({ type: 'comment.log', commandId: uuid(), conferenceId, kind: 'agree', text: 'x', articles: [{ article: -1 }] }), 'INVALID'],
    ['id with spaces', () => ({ type: 'agenda.activate', commandId: uuid(), conferenceId, itemId: 'a b' }), 'INVALID'],
    ['another conference', () => ({ type: 'conference.start', commandId: uuid(), conferenceId: 'hn-other' }), 'NOT_FOUND'],
    ['unknown agenda item', () => ({ type: 'agenda.activate', commandId: uuid(), conferenceId, itemId: 'nope' }), 'NOT_FOUND'],
  ];

  it.each(CASES)('B1: %s → %s, the log unchanged', async (_name, make, code) => {
    const chair = await hub.join(codes, { role: 'chair' });
    const room = await hub.hub.hub.room(conferenceId);
    const before = room?.state.seq;
    const res = await chair.send(make());
    expect(res).toMatchObject({ ok: false, error: { code } });
    expect(!res.ok && res.error.message.length > 0).toBe(true);
    expect(room?.state.seq).toBe(before);
  });

  it('B2: a sync with a bad sinceSeq is INVALID; the socket stays usable', async () => {
    const chair = await hub.join(codes, { role: 'chair' });
    expect(await chair.socket.timeout(2000).emitWithAck('sync', { sinceSeq: -1 })).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(await chair.socket.timeout(2000).emitWithAck('sync', 'x')).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect((await chair.command({ type: 'agenda.activate', itemId: 'khai-mac' })).ok).toBe(true);
  });

  it.each([
    ['a forged token', { token: 'x'.repeat(43), protocol: PROTOCOL_VERSION }, 'UNAUTHORIZED'],
    ['no token', { protocol: PROTOCOL_VERSION }, 'UNAUTHORIZED'],
    ['a token that is not a string', { token: { $gt: '' }, protocol: PROTOCOL_VERSION }, 'UNAUTHORIZED'],
    ['a protocol older than the hub serves (U2: the console reloads)', { token: 'x', protocol: 0 }, 'INVALID'],
    ['a protocol newer than the hub serves (U2: the console tries again)', { token: 'x', protocol: 999 }, 'UNAVAILABLE'],
  ])('B3: connecting with %s is refused with %s', async (_name, auth, code) => {
    const socket = io(hub.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    const err = await new Promise<Error & { data?: { code: string } }>((resolve) => socket.once('connect_error', resolve));
    socket.close();
    expect(err.data?.code).toBe(code);
  });

  it('B4: an expired session is refused', async () => {
    const s = await hub.session(codes.find((c) => c.role === 'display')?.code ?? '');
    const realNow = Date.now;
    Date.now = () => realNow() + 4_000_000;
    try {
      const socket = io(hub.url, { auth: { token: s.token, protocol: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true });
      const err = await new Promise<Error & { data?: { code: string } }>((resolve) => socket.once('connect_error', resolve));
      socket.close();
      expect(err.data?.code).toBe('UNAUTHORIZED');
    } finally {
      Date.now = realNow;
    }
  });

  it.each([
    ['malformed JSON', '{"title": ', 'INVALID', 400],
    ['a setup without points', JSON.stringify({ title: 'x', draft: { title: 'd' }, points: [] }), 'INVALID', 400],
    ['two central points', JSON.stringify({ title: 'x', draft: { title: 'd' }, points: [{ id: 'a', name: 'A', kind: 'central' }, { id: 'b', name: 'B', kind: 'central' }] }), 'INVALID', 400],
  ])('B5: POST /api/conferences with %s → %s', async (_name, body, code, status) => {
    const res = await fetch(`${hub.url}/api/conferences`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` }, body });
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code } });
  });

  it('B6: HTTP without the admin token, with a wrong join code, or for a foreign conference is refused', async () => {
    const noAuth = await fetch(`${hub.url}/api/conferences`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noAuth.status).toBe(401);
    const wrongCode = await fetch(`${hub.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'AAAA-BBBB' }) });
    expect(wrongCode.status).toBe(404);
    const s = await hub.session(codes.find((c) => c.role === 'display')?.code ?? '');
    const own = await fetch(`${hub.url}/api/conferences/${conferenceId}/state`, { headers: { authorization: `Bearer ${s.token}` } });
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ state: { id: conferenceId } });
    const foreign = await fetch(`${hub.url}/api/conferences/hn-other/state`, { headers: { authorization: `Bearer ${s.token}` } });
    expect(foreign.status).toBe(401);
  });

  it('B7: a flood of commands from one socket is RATE_LIMITED, and the hub stays up', async () => {
    const sec = await hub.join(codes, { role: 'secretary' });
    const results = await Promise.all(Array.from({ length: 300 }, () => sec.command({ type: 'agenda.activate', itemId: 'nope' })));
    const limited = results.find((r) => !r.ok && r.error.code === 'RATE_LIMITED');
    expect(limited).toMatchObject({ ok: false, error: { details: { retryAfterMs: expect.any(Number) } } });
    const health = await fetch(`${hub.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
