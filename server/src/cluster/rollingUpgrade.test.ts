import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { replay, type ConferenceState } from '@diem-cau/shared';
import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { openRedisEventStore } from '../store/redisEventStore';
import { startChildNode, type ChildNode } from '../testing/childNode';
import { joinAt, postJson, until, type JoinCodes } from '../testing/nodeSessions';
import { buildPreviousRelease, PREVIOUS_RELEASE } from '../testing/previousRelease';
import { RedisServer } from '../testing/redisServer';
import type { TestClient } from '../testing/testClient';
import { nodeOfToken } from './ownerLeases';

const ADMIN = 'upgrade-admin-token-0123456789';
const LEASE = { LEASE_TTL_MS: '1500', LEASE_RENEW_MS: '300', PRESENCE_HEARTBEAT_MS: '300' };
const CONFERENCE = 'hn-nang-cap';

jest.setTimeout(120_000);

/** What a console shows and the reports read: it must come out the same whichever release folded the log. */
function essentials(state: ConferenceState | null | undefined) {
  if (!state) return undefined;
  return {
    seq: state.seq,
    status: state.status,
    currentSpeechId: state.currentSpeechId,
    speeches: state.speeches.toJSON(),
    requests: state.requests.toJSON(),
    queue: state.queue,
    comments: state.comments.toJSON(),
  };
}

/**
 * A rolling upgrade (U1): the previous release and this one on one Redis, a live conference moved from an old
 * node to a new one and back while its consoles keep working: commands forwarded between the two versions,
 * each version taking over a log the other wrote, every acknowledged comment there exactly once.
 */
describe(`rolling upgrade from the previous release (${PREVIOUS_RELEASE.name})`, () => {
  let redis: RedisServer;
  let oldBuild: string;
  const nodes: ChildNode[] = [];
  const clients: TestClient[] = [];
  beforeAll(() => {
    oldBuild = buildPreviousRelease();
  });
  beforeEach(async () => {
    redis = await RedisServer.start();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await Promise.all(nodes.splice(0).map((n) => n.kill()));
    await redis.stop();
  });

  const dataDir = () => mkdtempSync(join(tmpdir(), 'diem-cau-upgrade-'));
  const start = async (release: 'previous' | 'current') => {
    const env = { REDIS_URL: redis.url, ADMIN_TOKEN: ADMIN, DATA_DIR: dataDir(), ...LEASE };
    const node = await startChildNode(env, release === 'previous' ? { root: oldBuild } : undefined);
    nodes.push(node);
    return node;
  };
  const ownerOf = async () => {
    const token = await redis.client().get(`dc:{${CONFERENCE}}:owner`);
    return token ? nodeOfToken(token) : null;
  };
  const connect = async (node: ChildNode, codes: JoinCodes, role: string, pointId?: string) => {
    const client = await joinAt(node.url, codes, role, pointId);
    clients.push(client);
    return client;
  };
  /** Like a console: the same command (same commandId) again after a timeout or UNAVAILABLE, until an answer. */
  const sendUntilAnswered = async (client: TestClient, input: Record<string, unknown>) => {
    const command = { commandId: randomUUID(), conferenceId: CONFERENCE, ...input };
    for (;;) {
      const res = await client.send(command).catch(() => null);
      if (res && (res.ok || res.error.code !== 'UNAVAILABLE')) return res;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const must = async (client: TestClient, input: Record<string, unknown>) => {
    const res = await sendUntilAnswered(client, input);
    if (!res.ok) throw new Error(`${String(input.type)}: ${JSON.stringify(res.error)}`);
    return res.seq;
  };

  it('U1: old owner → new owner → old owner, consoles on both versions, every acknowledged comment once, states equal', async () => {
    const old1 = await start('previous');
    const new1 = await start('current');
    const created = await postJson(old1.url, '/api/conferences', { ...FIXTURE_SETUP, id: CONFERENCE }, ADMIN);
    expect(created.status).toBe(201);
    const codes = created.body.joinCodes as JoinCodes;
    const acked: string[] = [];
    const comment = async (client: TestClient, text: string) => {
      await must(client, { type: 'comment.log', kind: 'agree', text, articles: [{ article: 1 }] });
      acked.push(text);
    };

    // The old release owns the conference; a point on the new node asks for the floor through it.
    const chairOld = await connect(old1, codes, 'chair');
    await must(chairOld, { type: 'conference.start' });
    await until(async () => (await ownerOf()) === old1.nodeId, 'the old node owning the conference');
    const pointNew = await connect(new1, codes, 'point', 'thai-nguyen');
    const displayNew = await connect(new1, codes, 'display');
    await must(pointNew, { type: 'floor.request', pointId: 'thai-nguyen', delegate: { name: 'Dương Xuân Hùng', position: 'Trưởng Ban Tổ chức Tỉnh ủy' }, articles: [{ article: 1 }] });
    await until(() => (chairOld.state?.queue.length ?? 0) === 1, 'the request in the chair\'s queue');
    await must(chairOld, { type: 'floor.grant', requestId: chairOld.state?.queue[0] });
    const secretaryOld = await connect(old1, codes, 'secretary');
    const secretaryNew = await connect(new1, codes, 'secretary');
    await comment(secretaryOld, 'Ghi ở bản cũ, trước nâng cấp');
    await comment(secretaryNew, 'Ghi ở bản mới, chuyển tới chủ sở hữu bản cũ');

    // The old node goes (SIGKILL: the worst way an upgrade can take a node down); the new one takes over.
    await old1.kill();
    await comment(secretaryNew, 'Ghi ở bản mới, sau khi bản cũ dừng');
    expect(await ownerOf()).toBe(new1.nodeId);
    const chairNew = await connect(new1, codes, 'chair');
    const speechId = chairNew.state?.currentSpeechId;
    expect(speechId).toBeDefined();
    await must(chairNew, { type: 'floor.release', speechId });

    // A node of the previous release joins again (a rollback) and takes the log the new one wrote.
    const old2 = await start('previous');
    const secretaryOld2 = await connect(old2, codes, 'secretary');
    await new1.kill();
    await comment(secretaryOld2, 'Ghi ở bản cũ, sau khi quay lại');
    expect(await ownerOf()).toBe(old2.nodeId);
    await must(secretaryOld2, { type: 'comment.log', kind: 'amend', text: 'Sửa Điều 2', articles: [{ article: 2 }] });
    acked.push('Sửa Điều 2');

    // Every acknowledged comment exactly once, in a console fresh from the old node and in this release's fold.
    const fresh = await connect(old2, codes, 'display');
    const texts = fresh.state ? [...fresh.state.comments].map((c) => c.text) : [];
    for (const text of acked) expect(texts.filter((t) => t === text)).toHaveLength(1);
    expect(texts).toHaveLength(acked.length);
    const reader = new Redis(redis.url);
    try {
      const log = await openRedisEventStore(reader).readSince(CONFERENCE, 0, 100_000);
      expect(essentials(replay(log))).toEqual(essentials(fresh.state));
    } finally {
      reader.disconnect();
    }
    expect(displayNew.seq).toBeGreaterThan(0);
  });

  it('U3: one node upgraded in place: this release opens the SQLite store the previous release wrote and serves the same conference', async () => {
    const dir = dataDir();
    const sqliteEnv = { ADMIN_TOKEN: ADMIN, DATA_DIR: dir };
    const before = await startChildNode(sqliteEnv, { root: oldBuild });
    nodes.push(before);
    const created = await postJson(before.url, '/api/conferences', { ...FIXTURE_SETUP, id: CONFERENCE }, ADMIN);
    expect(created.status).toBe(201);
    const codes = created.body.joinCodes as JoinCodes;
    const chair = await connect(before, codes, 'chair');
    const point = await connect(before, codes, 'point', 'ha-giang');
    const secretary = await connect(before, codes, 'secretary');
    await must(chair, { type: 'conference.start' });
    await must(chair, { type: 'agenda.activate', itemId: 'thao-luan' });
    await must(point, { type: 'floor.request', pointId: 'ha-giang', delegate: { name: 'Đại biểu Hà Giang', position: 'Phó Bí thư' }, articles: [{ article: 2 }] });
    await until(() => (chair.state?.queue.length ?? 0) === 1, 'the request queued');
    await must(chair, { type: 'floor.grant', requestId: chair.state?.queue[0] });
    await until(() => secretary.state?.currentSpeechId !== undefined, 'the speech seen by the secretary');
    for (let i = 0; i < 30; i += 1) await must(secretary, { type: 'comment.log', speechId: secretary.state?.currentSpeechId, kind: 'amend', text: `Ý kiến ${i} về Điều 2`, articles: [{ article: 2, clause: 1 + (i % 3) }] });
    const seq = await must(chair, { type: 'floor.release', speechId: secretary.state?.currentSpeechId });
    await until(() => secretary.seq >= seq, 'the secretary at the last event');
    const seenBefore = essentials(secretary.state);
    for (const c of clients.splice(0)) c.close();
    await before.kill();

    const upgraded = await startChildNode(sqliteEnv);
    nodes.push(upgraded);
    const fresh = await connect(upgraded, codes, 'secretary');
    await until(() => fresh.seq >= seq, 'the upgraded node serving the whole log');
    expect(essentials(fresh.state)).toEqual(seenBefore);
    // And it goes on: the next comment is stored after the old ones.
    const next = await must(fresh, { type: 'comment.log', kind: 'agree', text: 'Sau nâng cấp', articles: [{ article: 1 }] });
    expect(next).toBe(seq + 1);
  });
});
