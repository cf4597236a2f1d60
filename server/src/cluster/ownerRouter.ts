import { NodeUnreachable, type NodeBus } from './nodeBus';
import type { Ownership } from './ownership';

/** What a node answers to work forwarded to it: done as the owner, or "not mine" (nothing was run). */
type OwnerReply<T> = { kind: 'done'; value: T } | { kind: 'notOwner' };

/** Runs as the owner; undefined when the lease turned out to be lost meanwhile (the caller routes again). */
export type RunAsOwner<T> = (fence: string | undefined) => Promise<T | undefined>;

export interface OwnerCallOptions {
  /** How long one forwarded attempt may wait for the owner's answer. */
  attemptMs: number;
  /** How long to look for an owner in all (a failover takes a lease's time to live). */
  deadlineMs: number;
  /**
   * Whether an attempt that timed out may be sent again: only for idempotent work (a command with its
   * commandId). Otherwise a timeout ends the call, since the owner may have run it.
   */
  resendAfterTimeout: boolean;
}

/** The call found no owner in time, or its one attempt timed out. */
export const UNROUTED = Symbol('unrouted');

const ROUTE_RETRY_MS = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Work that only a conference's owner may do (commands, media signalling): run here when this node holds
 * the lease, otherwise forwarded over the node bus to the holder, which runs it only if it still owns the
 * conference. A "not mine", a node gone or a lease lost sends the call round again until the deadline.
 */
export class OwnerRouter {
  constructor(
    private readonly ownership: Ownership,
    private readonly bus: NodeBus | undefined,
  ) {}

  /** This node's side of `type`: what to run when another node forwards one (never forwarded on again). */
  serve<B extends { conferenceId: string }, T>(type: string, run: (body: B, fence: string | undefined, from: string) => Promise<T | undefined>): void {
    this.bus?.handle(type, async (raw, from): Promise<OwnerReply<T>> => {
      const body = raw as B;
      const route = await this.ownership.route(body.conferenceId);
      if (!route.mine) return { kind: 'notOwner' };
      const value = await run(body, route.fence, from);
      return value === undefined ? { kind: 'notOwner' } : { kind: 'done', value };
    });
  }

  async call<T>(conferenceId: string, type: string, body: { conferenceId: string }, here: RunAsOwner<T>, opts: OwnerCallOptions): Promise<T | typeof UNROUTED> {
    const deadline = Date.now() + opts.deadlineMs;
    while (Date.now() < deadline) {
      const route = await this.ownership.route(conferenceId);
      if (route.mine) {
        const value = await here(route.fence);
        if (value !== undefined) return value;
        continue;
      }
      if (route.nodeId && this.bus) {
        try {
          const reply = (await this.bus.request(route.nodeId, type, body, opts.attemptMs)) as OwnerReply<T>;
          if (reply.kind === 'done') return reply.value;
        } catch (error) {
          // The owner is gone or slow: its lease lapses within its time to live, then a node (maybe this one) takes over.
          if (!(error instanceof NodeUnreachable)) throw error;
          if (error.reason === 'timeout' && !opts.resendAfterTimeout) return UNROUTED;
        }
      }
      await sleep(ROUTE_RETRY_MS);
    }
    return UNROUTED;
  }
}
