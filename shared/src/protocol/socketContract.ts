import type { ConferenceState } from '../conference/state';
import type { DomainError } from './errors';
import type { StoredEvent } from './events';

/** Bumped on any incompatible change of the socket contract; checked on connect. */
export const PROTOCOL_VERSION = 2;

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: DomainError };

export interface Snapshot {
  state: ConferenceState;
  seq: number;
}

/** A sync answer: the missing events, or a snapshot when that is cheaper. */
export type SyncResult = { events: StoredEvent[] } | { snapshot: Snapshot };

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
}

/** Session token and protocol version, sent as Socket.IO `auth`. */
export interface SocketAuth {
  token: string;
  protocol: number;
}

export const SYNC_SNAPSHOT_THRESHOLD = 500;
