import Database from 'better-sqlite3';
import { ManualClock } from '../testing/manualClock';
import { RedisServer } from '../testing/redisServer';
import { TestHub } from '../testing/testHub';
import { openRedisAccessStore } from '../store/redisAccessStore';
import type { Session } from '../store/accessStore';

const HOUR_MS = 3_600_000;
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('Q39: expired sessions are deleted', () => {
  it('Q39: SQLite: every sweep deletes the sessions expired longer than the keep time and the expired report links', async () => {
    const clock = new ManualClock();
    const hub = await TestHub.start({ clock, sweepClock: clock, edge: { sessionSweepMs: 10 * 60_000, sessionKeepExpiredMs: HOUR_MS } });
    const db = new Database(hub.dbFile, { readonly: true });
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    try {
      const { joinCodes } = await hub.createConference();
      const chair = await hub.session(joinCodes.find((c) => c.role === 'chair')?.code ?? '');
      await fetch(`${hub.url}/api/conferences/${chair.conferenceId}/report-links`, {
        method: 'POST', headers: { authorization: `Bearer ${chair.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ file: 'minutes.csv' }),
      });
      expect([count('sessions'), count('report_links')]).toEqual([1, 1]);
      clock.advance(10 * 60_000);
      await settle();
      // The link (60 s) is gone; the session (1 h) lives on.
      expect([count('sessions'), count('report_links')]).toEqual([1, 0]);
      clock.advance(HOUR_MS);
      await settle();
      // Expired, but kept an hour so its console is told "expired".
      expect(count('sessions')).toBe(1);
      clock.advance(HOUR_MS);
      await settle();
      expect(count('sessions')).toBe(0);
    } finally {
      db.close();
      await hub.stop();
    }
  });

  it('Q39: Redis: sessions and report links carry a TTL, so Redis drops them itself; a link is taken once', async () => {
    const redis = await RedisServer.start();
    const client = redis.client();
    try {
      const store = openRedisAccessStore(client, 'sweep');
      const session: Session = { conferenceId: 'hn-1', role: 'chair', label: 'Chủ trì', sessionId: 's1', expiresAt: Date.now() + 5_000 };
      await store.saveSession('hash', session);
      const ttl = await client.pttl('sweep:session:hash');
      expect(ttl).toBeGreaterThan(4_000);
      expect(ttl).toBeLessThanOrEqual(5_000);
      await store.saveReportLink('link', { conferenceId: 'hn-1', file: 'minutes.csv', options: {}, expiresAt: Date.now() + 60_000 });
      expect(await client.pttl('sweep:report-link:link')).toBeGreaterThan(59_000);
      expect(await store.takeReportLink('link')).toMatchObject({ file: 'minutes.csv' });
      expect(await store.takeReportLink('link')).toBeUndefined();
      expect(await store.deleteExpired(Date.now(), Date.now())).toBe(0);
    } finally {
      client.disconnect();
      await redis.stop();
    }
  });
});
