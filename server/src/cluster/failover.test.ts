import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { startChildNode, type ChildNode } from '../testing/childNode';
import { joinAt, postJson, until, type JoinCodes } from '../testing/nodeSessions';
import { RedisServer } from '../testing/redisServer';
import type { TestClient } from '../testing/testClient';
import { nodeOfToken } from './ownerLeases';

const ADMIN = 'failover-admin-token-0123456';
/** The shipped defaults are 3 s / 1 s; these keep the suite short and the ratio the same. */
const LEASE = { LEASE_TTL_MS: '1500', LEASE_RENEW_MS: '300', PRESENCE_HEARTBEAT_MS: '300' };

jest.setTimeout(90_000);

describe('failover between hub processes on one Redis', () => {
  let redis: RedisServer;
  const nodes: ChildNode[] = [];
  const clients: TestClient[] = [];
  beforeEach(async () => {
    redis = await RedisServer.start();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await Promise.all(nodes.splice(0).map((n) => n.kill()));
    await redis.stop();
  });

  const startNodes = async (n: number) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'diem-cau-failover-'));
    const started = await Promise.all(Array.from({ length: n }, () => startChildNode({ REDIS_URL: redis.url, ADMIN_TOKEN: ADMIN, DATA_DIR: dataDir, ...LEASE })));
    nodes.push(...started);
    return started;
  };
  const ownerOf = async (conferenceId: string) => {
    const token = await redis.client().get(`dc:{${conferenceId}}:owner`);
    return token ? nodeOfToken(token) : null;
  };
  const create = async (node: ChildNode, id: string) => (await postJson(node.url, '/api/conferences', { ...FIXTURE_SETUP, id }, ADMIN)).body.joinCodes as JoinCodes;
  const connect = async (node: ChildNode, codes: JoinCodes, role: string, pointId?: string) => {
    const client = await joinAt(node.url, codes, role, pointId);
    clients.push(client);
    return client;
  };
  /** Sends like a console: the same command again after a timeout or UNAVAILABLE, until an answer. */
  const sendUntilAnswered = async (client: TestClient, command: Record<string, unknown>) => {
    for (;;) {
      const res = await client.send(command).catch(() => null);
      if (res && (res.ok || res.error.code !== 'UNAVAILABLE')) return res;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('N3: an owner paused past its lease (SIGSTOP) loses the conference; what it was sent is applied once, by the new owner', async () => {
    const [a, b] = await startNodes(2) as [ChildNode, ChildNode];
    const codes = await create(a, 'hn-pause');
    const onA = await connect(a, codes, 'secretary');
    const onB = await connect(b, codes, 'secretary');
    expect((await onA.command({ type: 'comment.log', kind: 'agree', text: 'Trước khi dừng' })).ok).toBe(true);
    await until(async () => (await ownerOf('hn-pause')) !== null, 'an owner');
    const ownerId = await ownerOf('hn-pause');
    const [owner, other, onOwner, onOther] = ownerId === a.nodeId ? [a, b, onA, onB] : [b, a, onB, onA];
    expect([a.nodeId, b.nodeId]).toContain(ownerId);

    owner.child.kill('SIGSTOP');
    const paused = Date.now();
    // Sent to the paused owner's socket: waits in its kernel buffer. Sent to the other node: forwarded, then taken over.
    const toOwner = { commandId: randomUUID(), conferenceId: 'hn-pause', type: 'comment.log', kind: 'agree', text: 'Gửi nút bị dừng' };
    const toOther = { commandId: randomUUID(), conferenceId: 'hn-pause', type: 'comment.log', kind: 'agree', text: 'Gửi nút còn chạy' };
    const pendingOwner = onOwner.send(toOwner).catch(() => null);
    const answeredOther = await sendUntilAnswered(onOther, toOther);
    const tookOver = Date.now() - paused;
    expect(answeredOther.ok).toBe(true);
    expect(await ownerOf('hn-pause')).toBe(other.nodeId);
    owner.child.kill('SIGCONT');
    const first = await pendingOwner;
    const answeredOwner = first?.ok ? first : await sendUntilAnswered(onOwner, toOwner);
    expect(answeredOwner.ok).toBe(true);
    // The resumed node never took the conference back, and wrote nothing of its own.
    expect(await ownerOf('hn-pause')).toBe(other.nodeId);
    await until(() => owner.output().includes('conference owned elsewhere') || owner.output().includes('append fenced'), 'the ex-owner letting go');
    await onOther.waitForSeq(answeredOwner.ok ? answeredOwner.seq : 99);
    const logged = onOther.state?.comments.ids ?? [];
    expect(logged.filter((id) => id === toOwner.commandId)).toHaveLength(1);
    expect(logged.filter((id) => id === toOther.commandId)).toHaveLength(1);
    expect(logged).toHaveLength(3);
    expect(tookOver).toBeLessThan(5_000);
    process.stdout.write(`N3: the paused owner's conference was taken over in ${tookOver} ms (lease ${LEASE.LEASE_TTL_MS} ms)\n`);
  });

  it('N4: the owner SIGKILLed mid-speech: the timer fires once at its deadline on the new owner; comments sent meanwhile are stored once', async () => {
    const [a, b, c] = await startNodes(3) as [ChildNode, ChildNode, ChildNode];
    const codes = await create(a, 'hn-kill');
    const chair = await connect(a, codes, 'chair');
    expect((await chair.command({ type: 'conference.start' })).ok).toBe(true);
    const ownerId = await ownerOf('hn-kill');
    const victim = [a, b, c].find((n) => n.nodeId === ownerId);
    if (!victim) throw new Error('no owner');
    const survivors = [a, b, c].filter((n) => n !== victim);
    const chairs = await Promise.all(survivors.map((n) => connect(n, codes, 'chair')));
    const secretaries = await Promise.all(survivors.map((n) => connect(n, codes, 'secretary')));
    const point = await connect(survivors[0] as ChildNode, codes, 'point', 'thai-nguyen');
    expect((await point.command({ type: 'floor.request', pointId: 'thai-nguyen', delegate: { name: 'Đại biểu A' } })).ok).toBe(true);
    const chairOnSurvivor = chairs[0] as TestClient;
    await chairOnSurvivor.waitForSeq(point.seq);
    const grant = await chairOnSurvivor.command({ type: 'floor.grant', requestId: chairOnSurvivor.state?.queue[0], limitS: 30 });
    expect(grant.ok).toBe(true);
    await point.waitForSeq(grant.ok ? grant.seq : 99);
    const speech = point.state?.speeches.get(point.state.currentSpeechId ?? '');
    if (!speech) throw new Error('no speech');
    const deadline = speech.startedAt + speech.limitS * 1000;

    // Secretaries on both survivors log comments throughout the failover, retrying as consoles do.
    const sent: string[] = [];
    let stop = false;
    const writer = async (sec: TestClient, name: string) => {
      for (let i = 0; !stop; i += 1) {
        const command = { commandId: randomUUID(), conferenceId: 'hn-kill', type: 'comment.log', speechId: speech.id, kind: 'agree', text: `${name} ${i}` };
        sent.push(command.commandId);
        const res = await sendUntilAnswered(sec, command);
        expect(res.ok).toBe(true);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const writing = secretaries.map((s, i) => writer(s, `Thư ký ${i + 1}`));
    await new Promise((r) => setTimeout(r, 1_000));
    const killedAt = Date.now();
    await victim.kill();
    await until(async () => {
      const now = await ownerOf('hn-kill');
      return now !== null && now !== victim.nodeId;
    }, 'a new owner', 10_000);
    const failoverMs = Date.now() - killedAt;
    await new Promise((r) => setTimeout(r, 1_500));
    stop = true;
    await Promise.all(writing);

    await until(() => point.received.some((e) => e.type === 'floor.timeWarned'), 'the time warning', 45_000);
    const warned = point.received.filter((e) => e.type === 'floor.timeWarned');
    expect(warned).toHaveLength(1);
    const late = (warned[0]?.at ?? 0) - deadline;
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(2_000);
    const last = point.received.at(-1)?.seq ?? 0;
    await Promise.all([...chairs, ...secretaries].map((cl) => cl.waitForSeq(last)));
    const ids = point.state?.comments.ids ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...sent].sort());
    for (const cl of [...chairs, ...secretaries]) expect(cl.state).toEqual(point.state);
    point.received.forEach((e, i) => expect(e.seq).toBe((point.received[0]?.seq ?? 0) + i));
    expect(failoverMs).toBeLessThan(5_000);
    process.stdout.write(`N4: owner SIGKILLed, new owner in ${failoverMs} ms; ${sent.length} comments during failover, each stored once; time warning ${late} ms after its deadline\n`);
  });

  it('N5: presence: consoles on both nodes agree on one list; when a node is SIGKILLed every console drops its sessions within the heartbeat time', async () => {
    const [a, b] = await startNodes(2) as [ChildNode, ChildNode];
    const codes = await create(a, 'hn-presence');
    const chairA = await connect(a, codes, 'chair');
    const chairB = await connect(b, codes, 'chair');
    await connect(a, codes, 'point', 'thai-nguyen');
    await connect(b, codes, 'point', 'ha-giang');
    await connect(b, codes, 'point', 'bac-kan');
    await Promise.all(Array.from({ length: 5 }, (_, i) => connect(i % 2 ? a : b, codes, 'display')));
    const expected = [
      { pointId: 'bac-kan', sessions: 1, roles: ['point'] }, { pointId: 'ha-giang', sessions: 1, roles: ['point'] },
      { pointId: 'role:display', sessions: 5, roles: ['display'] }, { pointId: 'thai-nguyen', sessions: 1, roles: ['point'] },
      { pointId: 'tw', sessions: 2, roles: ['chair'] },
    ];
    await until(() => JSON.stringify(chairA.presence) === JSON.stringify(expected) && JSON.stringify(chairB.presence) === JSON.stringify(expected), 'one list on both nodes', 10_000);
    const killedAt = Date.now();
    await b.kill();
    const after = [{ pointId: 'role:display', sessions: 2, roles: ['display'] }, { pointId: 'thai-nguyen', sessions: 1, roles: ['point'] }, { pointId: 'tw', sessions: 1, roles: ['chair'] }];
    await until(() => JSON.stringify(chairA.presence) === JSON.stringify(after), 'node b\'s sessions gone', 10_000);
    const convergedMs = Date.now() - killedAt;
    // Dead after three missed beats, swept at the next beat: about four heartbeats.
    expect(convergedMs).toBeLessThan(4 * 300 + 1_000);
    // A console connecting now is told the same.
    const late = await connect(a, codes, 'chair');
    const afterLate = after.map((e) => (e.pointId === 'tw' ? { ...e, sessions: 2 } : e));
    await until(() => JSON.stringify(late.presence) === JSON.stringify(afterLate) && JSON.stringify(chairA.presence) === JSON.stringify(afterLate), 'the late console', 10_000);
    process.stdout.write(`N5: presence converged ${convergedMs} ms after a node was killed (heartbeat 300 ms)\n`);
  });
});
