// Recovery: how long a node needs to fold a conference from the store before it can serve it (what a
// restarted hub or a new owner after a failover pays), measured on the store the bench just wrote.
import { join } from 'node:path';
import { replay } from '@diem-cau/shared';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import type { EventStore } from '../../../server/src/store/eventStore';
import { openRedisEventStore } from '../../../server/src/store/redisEventStore';
import { openSqliteEventStore } from '../../../server/src/store/sqliteEventStore';

export async function measureRecovery(kind: 'sqlite' | 'redis', dataDir: string, redisUrl: string | undefined, conferenceId: string): Promise<string> {
  const store: EventStore = kind === 'redis' ? openRedisEventStore(new Redis(redisUrl ?? '')) : openSqliteEventStore(new Database(join(dataDir, 'diem-cau.db')));
  try {
    const t0 = performance.now();
    const events = await store.readSince(conferenceId, 0);
    const t1 = performance.now();
    const state = replay(events);
    const t2 = performance.now();
    return `${events.length} events (${state?.comments.size ?? 0} comments): read ${(t1 - t0).toFixed(0)} ms + fold ${(t2 - t1).toFixed(0)} ms = ${(t2 - t0).toFixed(0)} ms`;
  } finally {
    await store.close();
  }
}
