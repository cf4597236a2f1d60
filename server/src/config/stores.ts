import { join } from 'node:path';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import type { ServerOptions } from 'socket.io';
import type { LeaseTiming } from '../cluster/ownership';
import { joinRedisCluster, type ClusterNode } from '../cluster/redisCluster';
import { preparePrivateDir, preparePrivateFile, tightenSqliteFiles } from './privateFiles';
import type { AccessStore } from '../store/accessStore';
import type { EventStore } from '../store/eventStore';
import { openRedisAccessStore } from '../store/redisAccessStore';
import { openRedisEventStore } from '../store/redisEventStore';
import { openSqliteAccessStore } from '../store/sqliteAccessStore';
import { openSqliteEventStore } from '../store/sqliteEventStore';

export interface Stores {
  kind: 'sqlite' | 'redis';
  store: EventStore;
  accessStore: AccessStore;
  adapter?: ServerOptions['adapter'];
  /** Shared stores: this node's owner leases and channel to the other nodes. */
  cluster?: ClusterNode;
}

/** SQLite in DATA_DIR by default; with REDIS_URL, the log and sessions in Redis and fan-out across nodes. */
export async function openStores(dataDir: string, redisUrl: string | undefined, cluster: { timing: LeaseTiming; presenceDeadAfterMs: number; onError: (error: unknown) => void }): Promise<Stores> {
  if (redisUrl) {
    const client = () => new Redis(redisUrl, { maxRetriesPerRequest: 2 });
    return {
      // Auto-pipelining: the appends of one tick (across conferences) leave in one write, and Redis with
      // appendfsync always fsyncs once for all it read in one loop before answering any of them (group commit).
      kind: 'redis', store: openRedisEventStore(new Redis(redisUrl, { maxRetriesPerRequest: 2, enableAutoPipelining: true })), accessStore: openRedisAccessStore(client()), adapter: createAdapter(client()),
      cluster: await joinRedisCluster(client, 'dc', cluster),
    };
  }
  // Join codes are readable in the database: the directory 0700, the files 0600 (Q42).
  preparePrivateDir(dataDir);
  const file = join(dataDir, 'diem-cau.db');
  preparePrivateFile(file);
  const db = new Database(file);
  const stores: Stores = { kind: 'sqlite', store: openSqliteEventStore(db), accessStore: openSqliteAccessStore(db) };
  tightenSqliteFiles(file);
  return stores;
}
