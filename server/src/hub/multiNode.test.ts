import { randomUUID } from 'node:crypto';
import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { ManualClock } from '../testing/manualClock';
import { startRedisNode } from '../testing/redisHub';
import { RedisServer } from '../testing/redisServer';
import { joinAt, postJson, until } from '../testing/nodeSessions';
import type { TestClient } from '../testing/testClient';
import { TEST_ADMIN_TOKEN } from '../testing/testHub';

const post = postJson;

describe('two hub nodes on one Redis', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('H7: clients on different nodes see one log; a command sent to both nodes is applied once; the owner alone runs the timer', async () => {
    const clock = new ManualClock();
    const prefix = `mn${randomUUID().slice(0, 6)}`;
    const [a, b] = await Promise.all([startRedisNode(redis, prefix, clock), startRedisNode(redis, prefix, clock)]);
    const clients: TestClient[] = [];
    try {
      const created = await post(a.url, '/api/conferences', { ...FIXTURE_SETUP, id: 'hn-multi' }, TEST_ADMIN_TOKEN);
      const codes = created.body.joinCodes as Array<{ role: string; code: string; pointId?: string }>;
      const chair = await joinAt(a.url, codes, 'chair');
      const tn = await joinAt(b.url, codes, 'point', 'thai-nguyen');
      const hg = await joinAt(a.url, codes, 'point', 'ha-giang');
      const sec = await joinAt(b.url, codes, 'secretary');
      clients.push(chair, tn, hg, sec);
      expect((await chair.command({ type: 'conference.start' })).ok).toBe(true);
      const both = await Promise.all([
        tn.command({ type: 'floor.request', pointId: 'thai-nguyen', delegate: { name: 'A' } }),
        hg.command({ type: 'floor.request', pointId: 'ha-giang', delegate: { name: 'B' } }),
      ]);
      expect(both.every((r) => r.ok)).toBe(true);
      await chair.waitForSeq(6);
      const grant = await chair.command({ type: 'floor.grant', requestId: chair.state?.queue[0], limitS: 60 });
      await sec.waitForSeq(grant.ok ? grant.seq : 99);
      const speechId = sec.state?.currentSpeechId;
      const comment = { commandId: randomUUID(), conferenceId: 'hn-multi', type: 'comment.log', speechId, kind: 'agree', text: 'Một lần' };
      const twice = await Promise.all([sec.send(comment), chair.send(comment)]);
      expect(twice[0]).toEqual(twice[1]);
      // One node owns the conference: it alone holds the speech's timer.
      expect([a.hub.hub.owns('hn-multi'), b.hub.hub.owns('hn-multi')].filter(Boolean)).toHaveLength(1);
      await until(() => clock.pending() === 1, 'the speech timer on the owner');
      clock.advance(60_000);
      await until(() => tn.received.some((e) => e.type === 'floor.timeWarned'), 'the time warning');
      const roomA = await a.hub.hub.room('hn-multi');
      const roomB = await b.hub.hub.room('hn-multi');
      await roomA?.catchUp();
      await roomB?.catchUp();
      await Promise.all(clients.map((c) => c.waitForSeq(roomA?.state.seq ?? 0)));
      for (const c of clients) expect(c.state).toEqual(roomA?.state);
      expect(roomB?.state).toEqual(roomA?.state);
      expect(tn.received.filter((e) => e.type === 'floor.timeWarned')).toHaveLength(1);
      expect(tn.state?.comments.ids).toEqual([comment.commandId]);
      tn.received.forEach((e, i) => expect(e.seq).toBe((tn.received[0]?.seq ?? 0) + i));
    } finally {
      for (const c of clients) c.close();
      await Promise.all([a.hub.close(), b.hub.close()]);
    }
  });

  it('A3: a join code revoked through one node ends its sessions on the other node too', async () => {
    const prefix = `rv${randomUUID().slice(0, 6)}`;
    const [a, b] = await Promise.all([startRedisNode(redis, prefix), startRedisNode(redis, prefix)]);
    const clients: TestClient[] = [];
    try {
      const created = await post(a.url, '/api/conferences', { ...FIXTURE_SETUP, id: 'hn-revoke' }, TEST_ADMIN_TOKEN);
      const codes = created.body.joinCodes as Array<{ role: string; code: string; pointId?: string }>;
      const tn = await joinAt(b.url, codes, 'point', 'thai-nguyen');
      const hg = await joinAt(b.url, codes, 'point', 'ha-giang');
      clients.push(tn, hg);
      const ended = new Promise<string>((resolve) => tn.socket.once('disconnect', (reason) => resolve(reason)));
      const code = codes.find((c) => c.pointId === 'thai-nguyen')?.code ?? '';
      const res = await fetch(`${a.url}/api/conferences/hn-revoke/join-codes/${code}`, { method: 'DELETE', headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
      expect(res.status).toBe(200);
      expect(await ended).toBe('io server disconnect');
      expect(hg.socket.connected).toBe(true);
    } finally {
      for (const c of clients) c.close();
      await Promise.all([a.hub.close(), b.hub.close()]);
    }
  });

  it('H8: when Redis goes away commands are refused with UNAVAILABLE (never acked), the hub stays up, and works again when Redis is back', async () => {
    const own = await RedisServer.start();
    const node = await startRedisNode(own, 'outage');
    const clients: TestClient[] = [];
    try {
      const created = await post(node.url, '/api/conferences', { ...FIXTURE_SETUP, id: 'hn-outage' }, TEST_ADMIN_TOKEN);
      const sec = await joinAt(node.url, created.body.joinCodes as Array<{ role: string; code: string }>, 'secretary');
      clients.push(sec);
      expect((await sec.command({ type: 'comment.log', kind: 'agree', text: 'Trước sự cố' })).ok).toBe(true);
      await own.stop();
      const during = await sec.command({ type: 'comment.log', kind: 'agree', text: 'Trong sự cố' }).catch(() => ({ ok: false as const, error: { code: 'TIMEOUT', message: '' } }));
      expect(during.ok).toBe(false);
      expect((await fetch(`${node.url}/healthz`)).status).toBe(200);
    } finally {
      for (const c of clients) c.close();
      await node.hub.close().catch(() => undefined);
    }
  }, 30_000);
});
