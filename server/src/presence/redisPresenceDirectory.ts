import type { PresenceUpdate, VersionedPresenceEntry } from '@diem-cau/shared';
import type { Redis } from 'ioredis';
import type { PresenceDirectory } from './presenceDirectory';

const VERSION_FIELD = '_v';

/**
 * Presence in Redis: per conference and node a hash (point → entry JSON, plus the node's version), a set of
 * the nodes that wrote one, and per node a heartbeat key that lapses `deadAfterMs` after its last beat.
 */
export function openRedisPresenceDirectory(redis: Redis, prefix: string, nodeId: string, deadAfterMs: number): PresenceDirectory {
  const shareKey = (conferenceId: string, node: string) => `${prefix}:{${conferenceId}}:presence:${node}`;
  const nodesKey = (conferenceId: string) => `${prefix}:{${conferenceId}}:presence-nodes`;
  const aliveKey = (node: string) => `${prefix}:node:${node}:alive`;
  return {
    write: async (conferenceId, v, entries) => {
      const key = shareKey(conferenceId, nodeId);
      const multi = redis.multi().sadd(nodesKey(conferenceId), nodeId).hset(key, VERSION_FIELD, String(v));
      for (const e of entries) {
        if (e.sessions > 0) multi.hset(key, e.pointId, JSON.stringify(e));
        else multi.hdel(key, e.pointId);
      }
      await multi.exec();
    },
    read: async (conferenceId) => {
      const nodes = await redis.smembers(nodesKey(conferenceId));
      const pipeline = redis.pipeline();
      for (const node of nodes) pipeline.exists(aliveKey(node)).hgetall(shareKey(conferenceId, node));
      const replies = (await pipeline.exec()) ?? [];
      const updates: PresenceUpdate[] = [];
      nodes.forEach((node, i) => {
        const alive = replies[2 * i]?.[1] === 1;
        const share = (replies[2 * i + 1]?.[1] ?? {}) as Record<string, string>;
        if (!alive) return;
        const { [VERSION_FIELD]: v, ...points } = share;
        updates.push({ node, v: Number(v ?? 0), entries: Object.values(points).map((json) => JSON.parse(json) as VersionedPresenceEntry), full: true });
      });
      return updates;
    },
    sweep: async (conferenceId) => {
      const nodes = await redis.smembers(nodesKey(conferenceId));
      const removed: string[] = [];
      for (const node of nodes) {
        if (node === nodeId || (await redis.exists(aliveKey(node))) === 1) continue;
        // Only the node whose SREM removed it reports it: the others see 0 and stay quiet.
        const [[, gone] = [null, 0]] = ((await redis.multi().srem(nodesKey(conferenceId), node).del(shareKey(conferenceId, node)).exec()) ?? []) as Array<[Error | null, number]>;
        if (gone === 1) removed.push(node);
      }
      return removed;
    },
    heartbeat: async () => {
      await redis.set(aliveKey(nodeId), '1', 'PX', deadAfterMs);
    },
    close: async () => {
      // A clean stop: the node's shares go at once rather than after its heartbeat lapses.
      await redis.del(aliveKey(nodeId));
      redis.disconnect();
    },
  };
}
