import type { Redis } from 'ioredis';
import { ownerEpochKey, ownerLeaseKey } from '../store/redisKeys';

/**
 * A conference's owner lease in Redis. Its value is a fencing token `node/epoch`: the epoch grows by one
 * at every acquisition, and the log's append script refuses any token but the current one, so a node whose
 * lease lapsed (a long GC pause, SIGSTOP) can never write after another node took the conference over.
 */
export interface OwnerLeases {
  /** The token holding the lease now, or null when it is vacant. */
  holder(conferenceId: string): Promise<string | null>;
  /** Takes the lease when vacant: the new token, or null when another node holds it. */
  acquire(conferenceId: string): Promise<string | null>;
  /** Extends the leases this node holds; answers the conferences whose lease was lost meanwhile. */
  renew(held: ReadonlyMap<string, string>): Promise<string[]>;
  release(conferenceId: string, token: string): Promise<void>;
}

const ACQUIRE_LUA = `
local held = redis.call('GET', KEYS[1])
if held then return {0, held} end
local epoch = redis.call('INCR', KEYS[2])
local token = ARGV[1] .. '/' .. epoch
redis.call('SET', KEYS[1], token, 'PX', ARGV[2])
return {1, token}
`;
const RENEW_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;
const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** The node a token names. */
export const nodeOfToken = (token: string): string => token.slice(0, token.lastIndexOf('/'));

type LeaseCommands = {
  dcLeaseAcquire(lease: string, epoch: string, node: string, ttl: number): Promise<[number, string]>;
  dcLeaseRenew(lease: string, token: string, ttl: number): Promise<number>;
  dcLeaseRelease(lease: string, token: string): Promise<number>;
};

export function openOwnerLeases(redis: Redis, prefix: string, nodeId: string, ttlMs: number): OwnerLeases {
  redis.defineCommand('dcLeaseAcquire', { numberOfKeys: 2, lua: ACQUIRE_LUA });
  redis.defineCommand('dcLeaseRenew', { numberOfKeys: 1, lua: RENEW_LUA });
  redis.defineCommand('dcLeaseRelease', { numberOfKeys: 1, lua: RELEASE_LUA });
  const r = redis as unknown as Redis & LeaseCommands;
  const lease = (id: string) => ownerLeaseKey(prefix, id);
  return {
    holder: (conferenceId) => r.get(lease(conferenceId)),
    acquire: async (conferenceId) => {
      const [won, token] = await r.dcLeaseAcquire(lease(conferenceId), ownerEpochKey(prefix, conferenceId), nodeId, ttlMs);
      return won === 1 ? token : null;
    },
    renew: async (held) => {
      if (held.size === 0) return [];
      const entries = [...held];
      const pipeline = r.pipeline() as unknown as LeaseCommands & { exec(): Promise<Array<[Error | null, unknown]> | null> };
      for (const [id, token] of entries) void pipeline.dcLeaseRenew(lease(id), token, ttlMs);
      const replies = (await pipeline.exec()) ?? [];
      // A reply that failed is not proof of loss: keep the lease and try again at the next renewal.
      return entries.filter((_, i) => replies[i]?.[0] === null && replies[i]?.[1] === 0).map(([id]) => id);
    },
    release: async (conferenceId, token) => {
      await r.dcLeaseRelease(lease(conferenceId), token);
    },
  };
}
