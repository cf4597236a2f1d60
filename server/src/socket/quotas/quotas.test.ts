import { PACER_DEFAULTS } from './refusalPacer';
import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION } from '@diem-cau/shared';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { TestClient } from '../../testing/testClient';
import { TestHub, type JoinCodeInfo } from '../../testing/testHub';
import type { QuotaSettings } from './quotaSettings';

const codeOf = (codes: JoinCodeInfo[], role: string, pointId?: string) => codes.find((c) => c.role === role && (pointId === undefined || c.pointId === pointId))?.code ?? '';
const comment = (conferenceId: string, text: string, extra: object = {}) => ({ commandId: randomUUID(), conferenceId, type: 'comment.log', kind: 'agree', text, ...extra });

/** A hub with the given quotas, a started conference and its join codes. */
async function hubWith(quotas: Partial<QuotaSettings>) {
  const hub = await TestHub.start({ quotas });
  const { conferenceId, joinCodes } = await hub.createConference();
  const chair = await hub.join(joinCodes, { role: 'chair' });
  await chair.command({ type: 'conference.start' });
  return { hub, conferenceId, joinCodes, chair };
}

/** The connect refusal a socket gets, or 'connected'. */
function tryConnect(url: string, token: string): Promise<{ code?: string; reason?: string; params?: Record<string, unknown> } | 'connected'> {
  const s = io(url, { auth: { token, protocol: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((resolve) => {
    s.once('connect', () => {
      s.close();
      resolve('connected');
    });
    s.once('connect_error', (err: Error & { data?: { code?: string; reason?: string; params?: Record<string, unknown> } }) => resolve(err.data ?? {}));
  });
}

describe('quotas over the sockets (Q1–Q6)', () => {
  let hub: TestHub | undefined;
  afterEach(async () => {
    await hub?.stop();
    hub = undefined;
  });

  it('Q1: a session’s sockets share one command budget: the one past it is refused COMMANDS_TOO_FAST with retryAfterMs, and nothing is stored', async () => {
    const t = await hubWith({ sessionCommands: { perS: 0.5, burst: 4 }, codeCommands: { perS: 100, burst: 100 } });
    hub = t.hub;
    const { token } = await t.hub.session(codeOf(t.joinCodes, 'secretary'));
    const sockets = await Promise.all([1, 2, 3].map(() => TestClient.connect(t.hub.url, token, t.conferenceId)));
    const acks = [];
    for (let i = 0; i < 5; i += 1) acks.push(await sockets[i % 3]!.send(comment(t.conferenceId, `Ý kiến ${i}`)));
    expect(acks.slice(0, 4).every((a) => a.ok)).toBe(true);
    expect(acks[4]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', reason: 'COMMANDS_TOO_FAST' } });
    const retryAfterMs = (acks[4] as { error: { details: { retryAfterMs: number } } }).error.details.retryAfterMs;
    expect(retryAfterMs).toBeGreaterThan(1_000);
    expect(retryAfterMs).toBeLessThanOrEqual(2_000);
    await t.chair.waitForSeq(6);
    expect(t.chair.state?.comments.size).toBe(4);
    for (const s of sockets) s.close();
  });

  it('Q2: the sessions opened with one join code share the code’s budget; another code is not slowed', async () => {
    const t = await hubWith({ codeCommands: { perS: 0.5, burst: 3 } });
    hub = t.hub;
    const secretaries = await Promise.all([1, 2].map(() => t.hub.join(t.joinCodes, { role: 'secretary' })));
    const acks = [];
    for (let i = 0; i < 4; i += 1) acks.push(await secretaries[i % 2]!.send(comment(t.conferenceId, `Ý kiến ${i}`)));
    expect(acks.map((a) => a.ok)).toEqual([true, true, true, false]);
    expect(acks[3]).toMatchObject({ error: { code: 'RATE_LIMITED', reason: 'COMMANDS_TOO_FAST' } });
    expect(await t.chair.command({ type: 'floor.request', pointId: 'thai-nguyen', delegate: { name: 'Đại biểu' }, articles: [{ article: 1 }], priority: 'normal' })).toMatchObject({ ok: true });
  });

  it('Q3: one point’s consoles share the point’s budget, whichever code they joined with', async () => {
    const t = await hubWith({ pointCommands: { perS: 0.5, burst: 2 }, sessionCommands: { perS: 100, burst: 100 } });
    hub = t.hub;
    const consoles = await Promise.all([1, 2].map(() => t.hub.join(t.joinCodes, { role: 'point', pointId: 'thai-nguyen' })));
    const written = (i: number) => comment(t.conferenceId, `Góp ý ${i}`, { source: 'written', pointId: 'thai-nguyen' });
    const acks = [await consoles[0]!.send(written(1)), await consoles[1]!.send(written(2)), await consoles[0]!.send(written(3))];
    expect(acks.map((a) => a.ok)).toEqual([true, true, false]);
    const other = await t.hub.join(t.joinCodes, { role: 'point', pointId: 'ha-giang' });
    expect(await other.send(comment(t.conferenceId, 'Hà Giang', { source: 'written', pointId: 'ha-giang' }))).toMatchObject({ ok: true });
  });

  it('Q4: a sync flood is refused SYNCS_TOO_FAST with retryAfterMs; the answer comes back after the wait', async () => {
    const t = await hubWith({ sessionSyncs: { perS: 2, burst: 3 } });
    hub = t.hub;
    const display = await t.hub.join(t.joinCodes, { role: 'display' }); // its connect used one sync
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await display.socket.timeout(5_000).emitWithAck('sync', { sinceSeq: 0 }));
    expect(answers.map((a) => a.ok)).toEqual([true, true, false]);
    const refused = answers[2] as { ok: false; error: { code: string; reason: string; details: { retryAfterMs: number } } };
    expect(refused.error).toMatchObject({ code: 'RATE_LIMITED', reason: 'SYNCS_TOO_FAST' });
    await new Promise((r) => setTimeout(r, refused.error.details.retryAfterMs));
    expect(await display.socket.timeout(5_000).emitWithAck('sync', { sinceSeq: 0 })).toMatchObject({ ok: true });
  });

  it('Q18: a socket that keeps sending while told to wait is not read until the wait is over; the others are answered meanwhile', async () => {
    const t = await hubWith({ sessionCommands: { perS: 1, burst: 2 } });
    hub = t.hub;
    const [flooder, other] = [await t.hub.join(t.joinCodes, { role: 'secretary' }), await t.hub.join(t.joinCodes, { role: 'secretary' })];
    const ackTimes: number[] = [];
    const answers = [];
    let otherAck: Promise<number> | undefined;
    const t0 = Date.now();
    // Two commands in the burst, then refusals: past PACER_DEFAULTS.refusalsPerWindow of them the socket is not read.
    const firstUnread = 2 + PACER_DEFAULTS.refusalsPerWindow + 1;
    for (let i = 0; i < firstUnread + 4; i += 1) {
      // Just as the flooder's next message goes unread, another session's command is sent.
      if (i === firstUnread) otherAck = new Promise((r) => setTimeout(r, 200)).then(() => other.send(comment(t.conferenceId, 'Thư ký khác'))).then(() => Date.now() - t0);
      answers.push(await flooder.send(comment(t.conferenceId, `Ý kiến ${i}`)));
      ackTimes.push(Date.now() - t0);
    }
    expect(answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(firstUnread);
    const gaps = ackTimes.slice(1).map((at, i) => at - ackTimes[i]!);
    const longest = Math.max(...gaps);
    expect(longest).toBeGreaterThanOrEqual(900);
    const pausedAt = gaps.indexOf(longest) + 1; // the answer that came late
    expect(pausedAt).toBeGreaterThanOrEqual(firstUnread);
    // The other secretary was answered while the flooder waited.
    expect(await otherAck).toBeLessThan(ackTimes[pausedAt]!);
  });

  it('Q5: a session holds a few sockets at most: the next is refused TOO_MANY_SOCKETS, and let in once one closes', async () => {
    const t = await hubWith({ socketsPerSession: 2 });
    hub = t.hub;
    const { token } = await t.hub.session(codeOf(t.joinCodes, 'display'));
    const held = await Promise.all([1, 2].map(() => TestClient.connect(t.hub.url, token, t.conferenceId)));
    expect(await tryConnect(t.hub.url, token)).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_SOCKETS', params: { limit: 2 } });
    held[0]!.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(await tryConnect(t.hub.url, token)).toBe('connected');
    held[1]!.close();
  });

  it('Q17: the sessions of one join code hold a few hundred sockets at most together: the next is refused CODE_SOCKETS_FULL; another code is let in', async () => {
    const t = await hubWith({ socketsPerCode: 3 });
    hub = t.hub;
    const [first, second] = [await t.hub.session(codeOf(t.joinCodes, 'display')), await t.hub.session(codeOf(t.joinCodes, 'display'))];
    const held = [
      await TestClient.connect(t.hub.url, first.token, t.conferenceId), await TestClient.connect(t.hub.url, first.token, t.conferenceId),
      await TestClient.connect(t.hub.url, second.token, t.conferenceId),
    ];
    expect(await tryConnect(t.hub.url, second.token)).toMatchObject({ code: 'RATE_LIMITED', reason: 'CODE_SOCKETS_FULL', params: { limit: 3 } });
    expect(await tryConnect(t.hub.url, (await t.hub.session(codeOf(t.joinCodes, 'secretary'))).token)).toBe('connected');
    held[0]!.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(await tryConnect(t.hub.url, second.token)).toBe('connected');
    for (const c of held.slice(1)) c.close();
  });

  it('Q52: a refused handshake (a socket too many, a token never issued) is told after a hold; others connect at once meanwhile', async () => {
    // The 22 handshakes from this one address are let in at once (their admission, Q54, has its own test).
    const t = await hubWith({ socketsPerCode: 1, socketRefusalHoldMs: 600, handshakesPerAddress: { perS: 1_000, burst: 1_000 } });
    hub = t.hub;
    const display = await t.hub.session(codeOf(t.joinCodes, 'display'));
    const held = await TestClient.connect(t.hub.url, display.token, t.conferenceId);
    const timed = async (token: string) => {
      const t0 = performance.now();
      return { outcome: await tryConnect(t.hub.url, token), ms: performance.now() - t0 };
    };
    // Twenty tries at once on the full code, one with a made-up token, and a secretary joining meanwhile.
    const refused = Promise.all([...Array.from({ length: 20 }, () => timed(display.token)), timed('not-a-token-ever-issued-0123456789')]);
    const secretary = await timed((await t.hub.session(codeOf(t.joinCodes, 'secretary'))).token);
    expect(secretary.outcome).toBe('connected');
    expect(secretary.ms).toBeLessThan(300);
    const answers = await refused;
    expect(answers.slice(0, 20).every((a) => typeof a.outcome === 'object' && a.outcome.reason === 'CODE_SOCKETS_FULL')).toBe(true);
    expect(answers[20]?.outcome).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(Math.min(...answers.map((a) => a.ms))).toBeGreaterThanOrEqual(550);
    held.close();
  });

  it('Q6: a point’s written comments are limited in count and characters per conference; the secretary is not limited', async () => {
    const t = await hubWith({ writtenCommentsPerPoint: 2, writtenCharsPerPoint: 1_000 });
    hub = t.hub;
    const tn = await t.hub.join(t.joinCodes, { role: 'point', pointId: 'thai-nguyen' });
    const written = (text: string) => comment(t.conferenceId, text, { source: 'written', pointId: 'thai-nguyen' });
    expect(await tn.send(written('x'.repeat(990)))).toMatchObject({ ok: true });
    expect(await tn.send(written('y'.repeat(20)))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'WRITTEN_CHARS_QUOTA', params: { limit: 1_000 } } });
    expect(await tn.send(written('Ngắn'))).toMatchObject({ ok: true });
    expect(await tn.send(written('Thêm'))).toMatchObject({ ok: false, error: { reason: 'WRITTEN_COMMENTS_QUOTA', params: { limit: 2 } } });
    const secretary = await t.hub.join(t.joinCodes, { role: 'secretary' });
    expect(await secretary.send(comment(t.conferenceId, 'Thư ký ghi', { source: 'written', pointId: 'thai-nguyen' }))).toMatchObject({ ok: true });
    await t.chair.waitForSeq(5);
    expect(t.chair.state?.points.get('thai-nguyen')?.written).toEqual({ count: 3, chars: 990 + 4 + 'Thư ký ghi'.length });
  });

  it('Q13: a message larger than the limit closes its connection, before the handshake is authenticated or after; others are served', async () => {
    const t = await hubWith({ messageBytes: 64 * 1024 });
    hub = t.hub;
    // Before authentication: a raw engine.io socket sends 100 KB instead of the CONNECT packet.
    const raw = new WebSocket(`${t.hub.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    await new Promise((r) => raw.once('open', r));
    const closed = new Promise<number>((r) => raw.once('close', (code) => r(code)));
    raw.send(`40${JSON.stringify({ pad: 'x'.repeat(100 * 1024) })}`);
    expect(await closed).toBeGreaterThan(0);
    // After: a secretary's oversized command ends its own connection.
    const secretary = await t.hub.join(t.joinCodes, { role: 'secretary' });
    const gone = new Promise((r) => secretary.socket.once('disconnect', r));
    secretary.socket.emit('command', comment(t.conferenceId, 'x'.repeat(100 * 1024)), () => undefined);
    await gone;
    expect(await t.chair.command({ type: 'queue.close' })).toMatchObject({ ok: true });
  });

  it('Q6: a point’s written comment names one of its own delegates, stamped as registered; another point’s delegate is refused', async () => {
    const t = await hubWith({});
    hub = t.hub;
    const hg = await t.hub.join(t.joinCodes, { role: 'point', pointId: 'ha-giang' });
    const borrowed = comment(t.conferenceId, 'Mượn tên', { source: 'written', pointId: 'ha-giang', delegate: { delegateId: 'd-tn1', name: 'Dương Xuân Hùng' } });
    expect(await hg.send(borrowed)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', reason: 'DELEGATE_NOT_OF_POINT' } });
    const tn = await t.hub.join(t.joinCodes, { role: 'point', pointId: 'thai-nguyen' });
    const own = comment(t.conferenceId, 'Của mình', { source: 'written', pointId: 'thai-nguyen', delegate: { delegateId: 'd-tn1', name: 'Tên khác' } });
    expect(await tn.send(own)).toMatchObject({ ok: true });
    await t.chair.waitForSeq(3);
    expect(t.chair.state?.comments.get(own.commandId)?.delegate).toEqual({ delegateId: 'd-tn1', name: 'Dương Xuân Hùng', position: 'Trưởng Ban Tổ chức Tỉnh ủy' });
  });
});
