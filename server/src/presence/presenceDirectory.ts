import type { PresenceUpdate, VersionedPresenceEntry } from '@diem-cau/shared';

/**
 * Every node's share of every conference's presence, where all nodes can read it. Each node writes only
 * its own share; a node that stops its heartbeat is swept, and its share goes with it.
 */
export interface PresenceDirectory {
  /** Stores this node's changed points (sessions 0: removed) under version `v`. */
  write(conferenceId: string, v: number, entries: VersionedPresenceEntry[]): Promise<void>;
  /** Every live node's share, each as a full update. */
  read(conferenceId: string): Promise<PresenceUpdate[]>;
  /** Removes the shares of nodes whose heartbeat stopped; answers the nodes this call removed. */
  sweep(conferenceId: string): Promise<string[]>;
  /** Says this node is alive. */
  heartbeat(): Promise<void>;
  close(): Promise<void>;
}

/** One node, nothing shared: its own share is the whole list, and it never finds a dead node. */
export function localPresenceDirectory(nodeId: string): PresenceDirectory {
  const shares = new Map<string, { v: number; points: Map<string, VersionedPresenceEntry> }>();
  return {
    write: async (conferenceId, v, entries) => {
      const share = shares.get(conferenceId) ?? { v: 0, points: new Map() };
      share.v = v;
      for (const e of entries) {
        if (e.sessions > 0) share.points.set(e.pointId, e);
        else share.points.delete(e.pointId);
      }
      shares.set(conferenceId, share);
    },
    read: async (conferenceId) => {
      const share = shares.get(conferenceId);
      return share ? [{ node: nodeId, v: share.v, entries: [...share.points.values()], full: true }] : [];
    },
    sweep: async () => [],
    heartbeat: async () => undefined,
    close: async () => undefined,
  };
}
