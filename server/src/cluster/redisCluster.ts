import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { PresenceDirectory } from '../presence/presenceDirectory';
import { openRedisPresenceDirectory } from '../presence/redisPresenceDirectory';
import { openRedisGuessShare, type GuessShare } from './guessShare';
import { openNodeBus, type NodeBus } from './nodeBus';
import { openRedisQuotaShare } from './quotaShare';
import type { QuotaShare } from '../socket/quotas/quotaNews';
import { openOwnerLeases } from './ownerLeases';
import { leaseOwnership, type LeaseTiming, type Ownership } from './ownership';

export interface ClusterNode {
  ownership: Ownership;
  bus: NodeBus;
  presence: PresenceDirectory;
  /** Failed join-code and admin-token guesses, told to every node (Q53). */
  guesses: GuessShare;
  /** What each node's sessions spent of their quotas and the sockets they hold, told to every node (Q55). */
  quotas: QuotaShare;
  close(): Promise<void>;
}

export const DEFAULT_LEASE_TIMING: LeaseTiming = { ttlMs: 3_000, renewEveryMs: 1_000 };

/** A fresh id per process: a restarted node is a new node, and never mistakes an old lease for its own. */
export const newNodeId = (): string => `n-${randomBytes(5).toString('hex')}`;

/** This node's membership of the cluster: its owner leases and its channel to the other nodes, on one Redis. */
export async function joinRedisCluster(
  client: () => Redis, prefix: string,
  opts: { nodeId?: string; timing?: LeaseTiming; presenceDeadAfterMs?: number; onError: (error: unknown) => void },
): Promise<ClusterNode> {
  const nodeId = opts.nodeId ?? newNodeId();
  const leaseClient = client();
  const ownership = leaseOwnership(nodeId, openOwnerLeases(leaseClient, prefix, nodeId, (opts.timing ?? DEFAULT_LEASE_TIMING).ttlMs), opts.timing ?? DEFAULT_LEASE_TIMING, opts.onError);
  const bus = await openNodeBus(client(), client(), prefix, nodeId, opts.onError);
  const presence = openRedisPresenceDirectory(client(), prefix, nodeId, opts.presenceDeadAfterMs ?? 3_000);
  const guesses = await openRedisGuessShare(client(), client(), prefix, nodeId, opts.onError);
  const quotas = await openRedisQuotaShare(client(), client(), prefix, nodeId, opts.onError);
  return {
    ownership, bus, presence, guesses, quotas,
    close: async () => {
      await ownership.close();
      await bus.close();
      await guesses.close();
      await quotas.close();
      leaseClient.disconnect();
    },
  };
}
