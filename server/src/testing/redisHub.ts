import pino from 'pino';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { LeaseTiming } from '../cluster/ownership';
import { joinRedisCluster } from '../cluster/redisCluster';
import { createHub, type Hub } from '../createHub';
import type { EdgeSettings } from '../http/edge/edgeSettings';
import type { QuotaSettings } from '../socket/quotas/quotaSettings';
import type { Clock } from '../hub/clock';
import { systemClock } from '../hub/clock';
import { openRedisAccessStore } from '../store/redisAccessStore';
import { openRedisEventStore } from '../store/redisEventStore';
import type { RedisServer } from './redisServer';
import { TEST_ADMIN_TOKEN } from './testHub';

/** Short leases, so failovers in tests take about a second. */
export const TEST_LEASE_TIMING: LeaseTiming = { ttlMs: 1_000, renewEveryMs: 200 };

/** One hub node on a shared Redis: the multi-node deployment, in-process. */
export async function startRedisNode(redis: RedisServer, prefix: string, clock: Clock = systemClock, opts: { timing?: LeaseTiming; nodeId?: string; edge?: Partial<EdgeSettings>; quotas?: Partial<QuotaSettings> } = {}): Promise<{ hub: Hub; url: string }> {
  const cluster = await joinRedisCluster(() => redis.client(), prefix, { timing: opts.timing ?? TEST_LEASE_TIMING, presenceDeadAfterMs: 600, onError: () => undefined, ...(opts.nodeId ? { nodeId: opts.nodeId } : {}) });
  const hub = createHub({
    store: openRedisEventStore(redis.client(), prefix), accessStore: openRedisAccessStore(redis.client(), prefix),
    clock, logger: pino({ level: 'silent' }), adminToken: TEST_ADMIN_TOKEN, sessionTtlMs: 3_600_000,
    adapter: createAdapter(redis.client()), cluster, presenceTiming: { coalesceMs: 100, heartbeatMs: 200 }, ...(opts.edge ? { edge: opts.edge } : {}), ...(opts.quotas ? { quotas: opts.quotas } : {}),
  });
  const port = await hub.listen(0, '127.0.0.1');
  return { hub, url: `http://127.0.0.1:${port}` };
}
