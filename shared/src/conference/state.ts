import type { BudgetGroup, ItemBudget } from '../budget/budgetState';
import type { Consultation, Position } from '../consultation/consultationState';
import type { Draft } from '../draft/draft';
import type { DraftRevision } from '../revision/revisionState';
import type { CommentKind, CommentSource, ResponseStatus } from '../comments/commentCommands';
import type { FloorPriority } from '../floor/floorCommands';
import type { ArticleRef, DelegateRef } from '../protocol/fields';
import type { AgendaItem, BridgePointSetup, Settings } from './setup';
import { Collection } from './collection';

export interface PointCheckIn {
  ready: boolean;
  connectionChecked: boolean;
  soundChecked: boolean;
  delegatesPresent: string[];
  at: number;
}

/** What a point has filed in writing during the conference (Q6: the quota is counted from it). */
export interface WrittenTally {
  count: number;
  chars: number;
}

export interface BridgePoint extends BridgePointSetup {
  checkIn?: PointCheckIn;
  written?: WrittenTally;
}

/** BFCP (RFC 8855) floor request lifecycle. */
export type FloorRequestStatus = 'pending' | 'accepted' | 'granted' | 'released' | 'denied' | 'revoked' | 'withdrawn';
export const OPEN_REQUEST_STATUSES: readonly FloorRequestStatus[] = ['pending', 'accepted', 'granted'];

export interface FloorRequest {
  id: string;
  pointId: string;
  delegate: DelegateRef;
  articles: ArticleRef[];
  topic: string;
  priority: FloorPriority;
  status: FloorRequestStatus;
  onBehalf: boolean;
  filedAt: number;
  closedAt?: number;
  reason?: string;
}

export type SpeechStatus =
  | { kind: 'running' }
  | { kind: 'paused'; pausedAt: number }
  | { kind: 'ended'; endedAt: number; reason: 'released' | 'timeout' | 'next' | 'ended' | 'revoked' };

export interface Speech {
  id: string;
  requestId?: string;
  pointId: string;
  delegate: DelegateRef;
  articles: ArticleRef[];
  topic: string;
  agendaItemId?: string;
  startedAt: number;
  limitS: number;
  extendedS: number;
  /** Paused time already accumulated, ms; a running pause is in status. */
  pausedMs: number;
  status: SpeechStatus;
  /** Deadlines (ms) at which the hub has already warned, so a timer never warns twice. */
  warnedDeadlines: number[];
}

export interface Comment {
  id: string;
  articles: ArticleRef[];
  speechId?: string;
  pointId?: string;
  delegate?: DelegateRef;
  kind: CommentKind;
  text: string;
  source: CommentSource;
  loggedAt: number;
  loggedBy: { role: string; sessionId: string; label?: string };
  editedAt?: number;
  retracted: boolean;
  /** The drafting team's answer, recorded after the conference. */
  response?: { status: ResponseStatus; explanation: string; respondedAt: number; respondedBy: { role: string; sessionId: string; label?: string } };
  /** Set on a duplicate folded into another comment: it no longer counts on its own. */
  mergedInto?: string;
  /** On the kept comment: the duplicates folded into it. */
  mergedFrom?: string[];
}

export type ConferenceStatus = 'scheduled' | 'live' | 'ended';

export interface ConferenceState {
  id: string;
  seq: number;
  title: string;
  scheduledAt?: string;
  venue?: string;
  /** IANA zone the conference's times are shown in (default Asia/Ho_Chi_Minh). */
  timeZone: string;
  status: ConferenceStatus;
  /** Taken off the organisers' working list (only once ended). */
  archived: boolean;
  startedAt?: number;
  endedAt?: number;
  settings: Settings;
  draft: Draft;
  agenda: Collection<AgendaItem>;
  activeAgendaItemId?: string;
  points: Collection<BridgePoint>;
  queueOpen: boolean;
  requests: Collection<FloorRequest>;
  /** Accepted request ids in the chair's order. */
  queue: string[];
  /** The one floor holder, if any. */
  currentSpeechId?: string;
  speeches: Collection<Speech>;
  comments: Collection<Comment>;
  /** Groups of points (khối) speaking time can be budgeted to. */
  budgetGroups: Collection<BudgetGroup>;
  /** Speaking-time budgets by agenda item id. */
  budgets: Collection<ItemBudget>;
  /** Consultations (lấy ý kiến) on articles, in the order opened. */
  consultations: Collection<Consultation>;
  /** Points' answers to consultations, keyed by positionKey (one per point and consultation). */
  positions: Collection<Position>;
  /** The revised draft (dự thảo lần 2) and its confirmed mapping, once the organiser confirmed one (DA13). */
  revision?: DraftRevision;
}

/** A collection of the given items, in their order (ids + lookup; persistent: see collection.ts). */
export function normalise<T extends { id: string }>(items: readonly T[]): Collection<T> {
  return Collection.of(items);
}

export function listOf<T>(n: Collection<T>): readonly T[] {
  return n.list();
}

export function centralPointId(state: ConferenceState): string | undefined {
  return state.points.list().find((p) => p.kind === 'central')?.id;
}

export function currentSpeech(state: ConferenceState): Speech | undefined {
  return state.currentSpeechId === undefined ? undefined : state.speeches.get(state.currentSpeechId);
}

const COLLECTIONS = ['agenda', 'points', 'requests', 'speeches', 'comments', 'budgetGroups', 'budgets', 'consultations', 'positions'] as const;

/** A state as JSON carries it (a snapshot, a device's cache) back to one with collections. */
export function stateFromJson(json: unknown): ConferenceState {
  const raw = json as Record<string, unknown>;
  const state: Record<string, unknown> = { ...raw };
  for (const key of COLLECTIONS) {
    const c = raw[key];
    state[key] = Collection.isCollection(c) ? c : Collection.fromJSON((c ?? { ids: [], byId: {} }) as { ids: string[]; byId: Record<string, unknown> });
  }
  return state as unknown as ConferenceState;
}
