import type { Redis } from 'ioredis';
import { QuotaNewsSchema, type QuotaShare } from '../socket/quotas/quotaNews';
import { openNodeNews } from './nodeNews';

/**
 * The gateway quotas' news between hub nodes (Q55) over Redis pub/sub: what each node's sessions spent and the
 * sockets they hold. A node that joins says hello and hears every node's full counts.
 */
export function openRedisQuotaShare(publisher: Redis, subscriber: Redis, prefix: string, nodeId: string, onError: (error: unknown) => void): Promise<QuotaShare> {
  return openNodeNews(publisher, subscriber, `${prefix}:quotas`, nodeId, QuotaNewsSchema, onError);
}
