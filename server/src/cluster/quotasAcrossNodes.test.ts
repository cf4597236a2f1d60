import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION } from '@diem-cau/shared';
import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { io } from 'socket.io-client';
import type { Hub } from '../createHub';
import { startRedisNode } from '../testing/redisHub';
import { RedisServer } from '../testing/redisServer';
import { joinAt, postJson, type JoinCodes } from '../testing/nodeSessions';
import { TestClient } from '../testing/testClient';
import { TEST_ADMIN_TOKEN } from '../testing/testHub';

/** The connect refusal a socket gets, or 'connected' (then closed). */
function tryConnect(url: string, token: string): Promise<{ code?: string; reason?: string } | 'connected'> {
  const s = io(url, { auth: { token, protocol: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((resolve) => {
    s.once('connect', () => {
      s.close();
      resolve('connected');
    });
    s.once('connect_error', (err: Error & { data?: { code?: string; reason?: string } }) => resolve(err.data ?? {}));
  });
}

/** A node hears the others' news (every 50 ms) through Redis a moment later. */
const told = () => new Promise((r) => setTimeout(r, 500));

describe('the gateway quotas hold for the cluster (Q55)', () => {
  let redis: RedisServer;
  const nodes: Array<{ hub: Hub; url: string }> = [];
  const clients: TestClient[] = [];
  beforeAll(async () => {
    redis = await RedisServer.start();
    const prefix = `quota-${randomUUID().slice(0, 8)}`;
    const quotas = { socketsPerSession: 2, socketRefusalHoldMs: 0, sessionCommands: { perS: 0.01, burst: 4 } };
    for (let i = 0; i < 2; i += 1) nodes.push(await startRedisNode(redis, prefix, undefined, { quotas }));
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    for (const n of nodes) await n.hub.close();
    await redis.stop();
  });

  it('Q55: a session’s sockets and commands spread over two nodes count together; what is refused is not stored', async () => {
    const [a, b] = nodes as unknown as [{ url: string }, { url: string }];
    const created = await postJson(a.url, '/api/conferences', { ...FIXTURE_SETUP, id: 'quota-nodes' }, TEST_ADMIN_TOKEN);
    const codes = created.body.joinCodes as JoinCodes;
    const chair = await joinAt(a.url, codes, 'chair');
    clients.push(chair);
    expect((await chair.command({ type: 'conference.start' })).ok).toBe(true);
    const code = codes.find((c) => c.role === 'secretary')?.code;
    const { token, conferenceId } = (await postJson(b.url, '/api/sessions', { code })).body as { token: string; conferenceId: string };
    const onA = await TestClient.connect(a.url, token, conferenceId);
    const onB = await TestClient.connect(b.url, token, conferenceId);
    clients.push(onA, onB);
    await told();
    for (const url of [a.url, b.url]) expect(await tryConnect(url, token)).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_SOCKETS' });

    const comment = (text: string) => ({ commandId: randomUUID(), conferenceId, type: 'comment.log', kind: 'agree', text });
    for (const [client, text] of [[onA, 'Ý kiến 1'], [onB, 'Ý kiến 2'], [onA, 'Ý kiến 3'], [onB, 'Ý kiến 4']] as const) expect((await client.send(comment(text))).ok).toBe(true);
    await told();
    for (const client of [onA, onB]) expect(await client.send(comment('Một ý kiến quá nhiều'))).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', reason: 'COMMANDS_TOO_FAST' } });
    await chair.waitForSeq(5);
    await told();
    expect(chair.state?.comments.size).toBe(4);

    // A socket closed on one node frees its place on the other.
    onB.close();
    await told();
    expect(await tryConnect(a.url, token)).toBe('connected');
  });
});
