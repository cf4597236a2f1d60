import type { DomainError } from './errors';
import type { StoredEvent } from './events';
import type { SnapshotOnWire } from './snapshotWire';
import type { StreamNotice } from '../stream/streamNow';

/** Bumped on any incompatible change of the socket contract; checked on connect (3: snapshots travel compressed). */
export const PROTOCOL_VERSION = 3;

/**
 * The oldest console protocol a hub still serves (U2). When PROTOCOL_VERSION is bumped this stays one behind for
 * a release, so the consoles loaded before a rolling upgrade keep working on the upgraded nodes.
 */
export const OLDEST_PROTOCOL_VERSION = 3;

/** What a hub that speaks `hub.oldest`–`hub.current` does with a console speaking `console`. */
export type ProtocolVerdict = 'ok' | 'CONSOLE_OUTDATED' | 'HUB_OUTDATED';

export function protocolVerdict(console: number, hub: { oldest: number; current: number }): ProtocolVerdict {
  if (console < hub.oldest) return 'CONSOLE_OUTDATED';
  if (console > hub.current) return 'HUB_OUTDATED';
  return 'ok';
}

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: DomainError };

/**
 * A sync answer: the missing events, or, when that is cheaper, a snapshot the hub shares between the consoles
 * that ask (it may be up to SYNC_SNAPSHOT_THRESHOLD events or a second old) and the events after it.
 */
export type SyncResult = { events: StoredEvent[] } | { snapshot: SnapshotOnWire; events: StoredEvent[] };

export interface PresenceEntry {
  pointId: string;
  sessions: number;
  /** Roles connected from that point (chair sessions count for the central point). */
  roles: string[];
}

export interface VersionedPresenceEntry extends PresenceEntry {
  /** The version of the node's update that last changed this point. */
  v: number;
}

/**
 * One hub node's share of a conference's presence. Deltas carry only the points that changed (sessions 0:
 * none left there); a full update is the node's whole share; `gone` says the node died and its share is void.
 * Sent only to the consoles that show presence (chair, organiser).
 */
export interface PresenceUpdate {
  node: string;
  v: number;
  entries: VersionedPresenceEntry[];
  full?: boolean;
  gone?: boolean;
}

export interface ClientToServerEvents {
  command: (command: unknown, ack: (res: Ack<{ seq: number }>) => void) => void;
  sync: (req: unknown, ack: (res: Ack<SyncResult>) => void) => void;
  time: (req: unknown, ack: (res: Ack<{ serverTime: number }>) => void) => void;
  media: (req: unknown, ack: (res: Ack<{ data?: unknown }>) => void) => void;
}

export interface ServerToClientEvents {
  events: (events: StoredEvent[]) => void;
  presence: (update: PresenceUpdate) => void;
  media: (notice: { type: string; data: unknown }) => void;
  /** The livestream's warning for the organiser, as it starts and clears (LS11): organiser sockets only. */
  stream: (notice: StreamNotice) => void;
}

/** Session token and protocol version, sent as Socket.IO `auth`. */
export interface SocketAuth {
  token: string;
  protocol: number;
}

export const SYNC_SNAPSHOT_THRESHOLD = 500;
