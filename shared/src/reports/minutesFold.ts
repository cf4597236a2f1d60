import { applyBudget } from '../budget/applyBudget';
import { createdState } from '../conference/applyConference';
import { applyConsultation } from '../consultation/applyConsultation';
import type { Comment, ConferenceState, Speech } from '../conference/state';
import type { StoredEvent } from '../protocol/events';
import type { CommentFacts } from './commentEntry';
import type { SpeechEndReason } from './reportLabels';

export type TimelineMark =
  | { kind: 'opened' | 'closed'; at: number }
  | { kind: 'agenda'; at: number; itemId: string }
  | { kind: 'speech'; at: number; speechId: string }
  | { kind: 'comment'; at: number; commentId: string }
  /** The chair declined a request: who asked, and the chair's reason. */
  | { kind: 'denied'; at: number; pointId: string; speaker: string; reason: string }
  /** A consultation opened or stopped taking answers (PO15). */
  | { kind: 'consultation'; at: number; consultationId: string; phase: 'opened' | 'closed' };

export interface FoldedComment extends CommentFacts {
  retracted: boolean;
  mergedInto?: string;
  response?: Comment['response'];
}

/**
 * What the minutes need from the log, folded in one pass with local maps: replaying the
 * reducer would copy the comment table on every comment, quadratic on a long conference.
 */
export interface MinutesFold {
  /** The conference as created, with its status, start and end brought up to date. */
  base: ConferenceState;
  timeline: TimelineMark[];
  speeches: Map<string, Speech>;
  extensions: Map<string, number>;
  revokeReasons: Map<string, string>;
  /** Who filed each request (a denial names them). */
  requests: Map<string, { pointId: string; speaker: string }>;
  comments: Map<string, FoldedComment>;
  lastAt: number;
}

function endSpeech(fold: MinutesFold, id: string, at: number, reason: SpeechEndReason): void {
  const s = fold.speeches.get(id);
  if (!s || s.status.kind === 'ended') return;
  const pausedMs = s.status.kind === 'paused' ? s.pausedMs + (at - s.status.pausedAt) : s.pausedMs;
  fold.speeches.set(id, { ...s, pausedMs, status: { kind: 'ended', endedAt: at, reason } });
}

function grant(fold: MinutesFold, e: Extract<StoredEvent, { type: 'floor.granted' }>, agendaItemId: string | undefined): void {
  const p = e.payload;
  fold.speeches.set(p.speechId, {
    id: p.speechId, pointId: p.pointId, delegate: p.delegate, articles: p.articles, topic: p.topic,
    startedAt: e.at, limitS: p.limitS, extendedS: 0, pausedMs: 0, status: { kind: 'running' }, warnedDeadlines: [],
    ...(p.requestId !== undefined ? { requestId: p.requestId } : {}),
    ...(agendaItemId !== undefined ? { agendaItemId } : {}),
  });
  fold.timeline.push({ kind: 'speech', at: e.at, speechId: p.speechId });
}

function foldSpeech(fold: MinutesFold, e: StoredEvent): void {
  const speechId = 'speechId' in e.payload ? e.payload.speechId : undefined;
  const s = speechId === undefined ? undefined : fold.speeches.get(speechId);
  switch (e.type) {
    case 'floor.granted': return grant(fold, e, fold.base.activeAgendaItemId);
    case 'floor.released': return endSpeech(fold, e.payload.speechId, e.at, e.payload.reason);
    case 'floor.requested':
      fold.requests.set(e.payload.requestId, { pointId: e.payload.pointId, speaker: e.payload.delegate.name });
      return;
    case 'floor.denied': {
      const r = fold.requests.get(e.payload.requestId);
      if (r) fold.timeline.push({ kind: 'denied', at: e.at, ...r, reason: e.payload.reason });
      return;
    }
    case 'floor.revoked':
      fold.revokeReasons.set(e.payload.speechId, e.payload.reason);
      return endSpeech(fold, e.payload.speechId, e.at, 'revoked');
    case 'floor.extended':
      if (!s) return;
      fold.speeches.set(s.id, { ...s, extendedS: s.extendedS + e.payload.seconds });
      fold.extensions.set(s.id, (fold.extensions.get(s.id) ?? 0) + 1);
      return;
    case 'floor.paused':
      if (s) fold.speeches.set(s.id, { ...s, status: { kind: 'paused', pausedAt: e.at } });
      return;
    case 'floor.resumed':
      if (s?.status.kind === 'paused') fold.speeches.set(s.id, { ...s, pausedMs: s.pausedMs + (e.at - s.status.pausedAt), status: { kind: 'running' } });
      return;
    default:
  }
}

function foldComment(fold: MinutesFold, e: StoredEvent): void {
  if (e.type === 'comment.logged') {
    const { commentId, ...rest } = e.payload;
    fold.comments.set(commentId, { id: commentId, ...rest, loggedAt: e.at, retracted: false });
    fold.timeline.push({ kind: 'comment', at: e.at, commentId });
    return;
  }
  if (e.type !== 'comment.edited' && e.type !== 'comment.retracted' && e.type !== 'comment.responded' && e.type !== 'comment.merged') return;
  const c = fold.comments.get(e.payload.commentId);
  if (!c) return;
  if (e.type === 'comment.retracted') fold.comments.set(c.id, { ...c, retracted: true });
  else if (e.type === 'comment.responded') {
    const { status, explanation } = e.payload;
    fold.comments.set(c.id, { ...c, response: { status, explanation, respondedAt: e.at, respondedBy: { role: e.actor.role, sessionId: e.actor.sessionId } } });
  } else if (e.type === 'comment.merged') {
    fold.comments.set(c.id, { ...c, mergedInto: e.payload.intoId });
    const kept = fold.comments.get(e.payload.intoId);
    if (kept) fold.comments.set(kept.id, { ...kept, articles: e.payload.articles });
  }
  else {
    const { articles, kind, text } = e.payload;
    fold.comments.set(c.id, { ...c, ...(articles ? { articles } : {}), ...(kind ? { kind } : {}), ...(text !== undefined ? { text } : {}) });
  }
}

const isBudgetEvent = (e: StoredEvent): e is Extract<StoredEvent, { type: `budget.${string}` }> => e.type.startsWith('budget.');
const isConsultationEvent = (e: StoredEvent): e is Extract<StoredEvent, { type: `consultation.${string}` }> => e.type.startsWith('consultation.');

/** The reducer's own step: consultations and positions are persistent collections, one entry changed per event. */
function foldConsultation(fold: MinutesFold, e: Extract<StoredEvent, { type: `consultation.${string}` }>): void {
  fold.base = applyConsultation(fold.base, e);
  if (e.type === 'consultation.opened') fold.timeline.push({ kind: 'consultation', at: e.at, consultationId: e.payload.consultationId, phase: 'opened' });
  // An expiry is written when a command next touches it: the line goes where it happened, at the deadline.
  if (e.type === 'consultation.closed') fold.timeline.push({ kind: 'consultation', at: e.payload.closedAt, consultationId: e.payload.consultationId, phase: 'closed' });
}

function foldConference(fold: MinutesFold, e: StoredEvent): void {
  const base = fold.base;
  if (e.type === 'conference.started') {
    fold.base = { ...base, status: 'live', startedAt: e.at };
    fold.timeline.push({ kind: 'opened', at: e.at });
  } else if (e.type === 'conference.ended') {
    fold.base = { ...base, status: 'ended', endedAt: e.at };
    fold.timeline.push({ kind: 'closed', at: e.at });
  } else if (isBudgetEvent(e)) {
    // Budgets are per agenda item and few: the reducer's own arithmetic, so the minutes add up as the chair saw.
    fold.base = applyBudget(base, e);
  } else if (e.type === 'agenda.activated') {
    fold.base = { ...base, activeAgendaItemId: e.payload.itemId };
    fold.timeline.push({ kind: 'agenda', at: e.at, itemId: e.payload.itemId });
  }
}

/** One pass over a conference's log; undefined when the log does not start with its creation. */
export function foldMinutes(events: readonly StoredEvent[]): MinutesFold | undefined {
  const first = events[0];
  if (first?.type !== 'conference.created') return undefined;
  const fold: MinutesFold = {
    base: createdState(first), timeline: [], speeches: new Map(), extensions: new Map(),
    revokeReasons: new Map(), requests: new Map(), comments: new Map(), lastAt: first.at,
  };
  for (const e of events.slice(1)) {
    if (e.type.startsWith('floor.')) foldSpeech(fold, e);
    else if (e.type.startsWith('comment.')) foldComment(fold, e);
    else if (isConsultationEvent(e)) foldConsultation(fold, e);
    else foldConference(fold, e);
    fold.lastAt = e.at;
    fold.base.seq = e.seq;
  }
  return fold;
}
