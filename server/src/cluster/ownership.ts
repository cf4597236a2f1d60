import type { OwnerLeases } from './ownerLeases';
import { nodeOfToken } from './ownerLeases';

/** Where a conference's commands run: here (with the fencing token to append under), or on another node. */
export type Route = { mine: true; fence?: string } | { mine: false; nodeId: string };

/**
 * Which node owns which live conference. The owner alone decides, appends, runs the speech timers and
 * hosts the media; every other node forwards to it.
 */
export interface Ownership {
  readonly nodeId: string;
  /** The conference's owner, taking the lease first when it is vacant. */
  route(conferenceId: string): Promise<Route>;
  /** Whether this node holds the conference's lease, as far as it knows (no Redis round trip). */
  owns(conferenceId: string): boolean;
  /** An append under `fence` was refused: the lease is gone, whatever this node thought. */
  fenced(conferenceId: string, fence: string): void;
  /** A local socket follows the conference: while any does, this node makes sure someone owns it. */
  watch(conferenceId: string): () => void;
  /** Nothing here needs the conference any more: give the lease back so a node that does can take it. */
  release(conferenceId: string): Promise<void>;
  onChange(listener: (conferenceId: string, mine: boolean) => void): void;
  close(): Promise<void>;
}

/** One node and an embedded store: it owns everything, and there is no one to fence. */
export function soloOwnership(nodeId = 'solo'): Ownership {
  return {
    nodeId,
    route: async () => ({ mine: true }),
    owns: () => true,
    fenced: () => undefined,
    watch: () => () => undefined,
    release: async () => undefined,
    onChange: () => undefined,
    close: async () => undefined,
  };
}

export interface LeaseTiming {
  /** How long a lease lives without renewal: the longest a dead owner keeps its conferences. */
  ttlMs: number;
  /** How often the leases held are renewed and the vacant ones of watched conferences taken. */
  renewEveryMs: number;
}

/**
 * Ownership through owner leases in Redis. Every `renewEveryMs` the node renews what it holds (a lease it
 * finds lost is let go at once) and takes any vacant lease of a conference one of its sockets follows, so a
 * conference whose owner died gets a new one within `ttlMs + renewEveryMs` even if nobody sends a command.
 */
const ACQUIRE_ATTEMPTS = 3;

export function leaseOwnership(nodeId: string, leases: OwnerLeases, timing: LeaseTiming, onError: (error: unknown) => void): Ownership {
  const held = new Map<string, string>();
  const watchers = new Map<string, number>();
  const listeners: Array<(conferenceId: string, mine: boolean) => void> = [];
  const notify = (id: string, mine: boolean) => listeners.forEach((l) => l(id, mine));
  const gain = (id: string, token: string) => {
    held.set(id, token);
    notify(id, true);
  };
  const lose = (id: string, token: string) => {
    if (held.get(id) !== token) return;
    held.delete(id);
    notify(id, false);
  };

  // One acquisition in flight per conference: concurrent commands must not race this node against itself.
  const acquiring = new Map<string, Promise<Route>>();
  const acquire = (id: string): Promise<Route> => {
    let pending = acquiring.get(id);
    if (!pending) {
      pending = (async (): Promise<Route> => {
        // Taken by another node, then vacant again before we could read who (it released it): try again.
        for (let attempt = 0; attempt < ACQUIRE_ATTEMPTS; attempt += 1) {
          const token = await leases.acquire(id);
          if (token) {
            gain(id, token);
            return { mine: true, fence: token };
          }
          const holder = await leases.holder(id);
          if (holder) return routeTo(id, holder);
        }
        // Still changing hands: the caller routes once more after a pause.
        return { mine: false, nodeId: '' };
      })().finally(() => acquiring.delete(id));
      acquiring.set(id, pending);
    }
    return pending;
  };
  const routeTo = (id: string, token: string): Route => {
    const owner = nodeOfToken(token);
    if (owner !== nodeId) return { mine: false, nodeId: owner };
    // Redis names this node but the node does not know it (a renewal answer lost): believe Redis.
    if (held.get(id) !== token) gain(id, token);
    return { mine: true, fence: token };
  };

  let ticking = false;
  const tick = async () => {
    if (ticking) return;
    ticking = true;
    try {
      const snapshot = new Map(held);
      for (const id of await leases.renew(snapshot)) lose(id, snapshot.get(id) ?? '');
      for (const id of watchers.keys()) if (!held.has(id)) await acquire(id);
    } catch (error) {
      onError(error);
    } finally {
      ticking = false;
    }
  };
  const timer = setInterval(() => void tick(), timing.renewEveryMs);
  timer.unref();

  return {
    nodeId,
    route: async (id) => {
      const token = held.get(id);
      if (token) return { mine: true, fence: token };
      const holder = await leases.holder(id);
      return holder ? routeTo(id, holder) : acquire(id);
    },
    owns: (id) => held.has(id),
    fenced: (id, fence) => lose(id, fence),
    watch: (id) => {
      watchers.set(id, (watchers.get(id) ?? 0) + 1);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        const n = (watchers.get(id) ?? 1) - 1;
        if (n <= 0) watchers.delete(id);
        else watchers.set(id, n);
      };
    },
    release: async (id) => {
      const token = held.get(id);
      if (!token) return;
      lose(id, token);
      await leases.release(id, token);
    },
    onChange: (listener) => {
      listeners.push(listener);
    },
    close: async () => {
      clearInterval(timer);
      const all = [...held];
      held.clear();
      // A clean stop hands the conferences over at once instead of after the lease's time to live.
      await Promise.all(all.map(([id, token]) => leases.release(id, token).catch(onError)));
    },
  };
}
