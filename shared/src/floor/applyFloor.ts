import type { ConferenceState, FloorRequest, FloorRequestStatus, Speech } from '../conference/state';
import type { EventOf, StoredEvent } from '../protocol/events';
import { insertAt, moveInQueue } from './queueOrder';

type FloorEvent = Extract<StoredEvent, { type: `floor.${string}` | `queue.${string}` }>;

function setRequest(state: ConferenceState, id: string, change: Partial<FloorRequest>): ConferenceState {
  const request = state.requests.get(id);
  if (!request) return state;
  return { ...state, requests: state.requests.put(id, { ...request, ...change }) };
}

function closeRequest(state: ConferenceState, id: string, status: FloorRequestStatus, at: number, reason?: string): ConferenceState {
  const closed = setRequest(state, id, reason === undefined ? { status, closedAt: at } : { status, closedAt: at, reason });
  return { ...closed, queue: closed.queue.filter((q) => q !== id) };
}

function setSpeech(state: ConferenceState, id: string, change: (s: Speech) => Partial<Speech>): ConferenceState {
  const speech = state.speeches.get(id);
  if (!speech) return state;
  return { ...state, speeches: state.speeches.put(id, { ...speech, ...change(speech) }) };
}

/** `chairReason`: what the chair said when revoking, kept on the request so the point is told why. */
function endSpeech(state: ConferenceState, id: string, at: number, reason: 'released' | 'timeout' | 'next' | 'ended' | 'revoked', chairReason?: string): ConferenceState {
  const speech = state.speeches.get(id);
  if (!speech) return state;
  const pausedMs = speech.status.kind === 'paused' ? speech.pausedMs + (at - speech.status.pausedAt) : speech.pausedMs;
  let next = setSpeech(state, id, () => ({ pausedMs, status: { kind: 'ended', endedAt: at, reason } }));
  if (speech.requestId) {
    const closed = { status: reason === 'revoked' ? 'revoked' : 'released', closedAt: at } as const;
    next = setRequest(next, speech.requestId, chairReason === undefined ? closed : { ...closed, reason: chairReason });
  }
  return next.currentSpeechId === id ? { ...next, currentSpeechId: undefined } : next;
}

function grant(state: ConferenceState, e: EventOf<'floor.granted'> & StoredEvent): ConferenceState {
  const p = e.payload;
  const speech: Speech = {
    id: p.speechId, pointId: p.pointId, delegate: p.delegate, articles: p.articles, topic: p.topic,
    startedAt: e.at, limitS: p.limitS, extendedS: 0, pausedMs: 0, status: { kind: 'running' }, warnedDeadlines: [],
    ...(p.requestId ? { requestId: p.requestId } : {}),
    ...(state.activeAgendaItemId ? { agendaItemId: state.activeAgendaItemId } : {}),
  };
  let next: ConferenceState = {
    ...state,
    currentSpeechId: p.speechId,
    speeches: state.speeches.add(p.speechId, speech),
  };
  if (p.requestId) next = { ...setRequest(next, p.requestId, { status: 'granted' }), queue: next.queue.filter((q) => q !== p.requestId) };
  return next;
}

export function applyFloor(state: ConferenceState, e: FloorEvent): ConferenceState {
  switch (e.type) {
    case 'floor.requested': {
      const p = e.payload;
      const request: FloorRequest = {
        id: p.requestId, pointId: p.pointId, delegate: p.delegate, articles: p.articles, topic: p.topic,
        priority: p.priority, status: 'pending', onBehalf: p.onBehalf, filedAt: e.at,
      };
      return { ...state, requests: state.requests.add(p.requestId, request) };
    }
    case 'floor.accepted': {
      const next = setRequest(state, e.payload.requestId, { status: 'accepted' });
      return { ...next, queue: insertAt(next.queue, e.payload.requestId, e.payload.position) };
    }
    case 'floor.withdrawn':
      return closeRequest(state, e.payload.requestId, 'withdrawn', e.at);
    case 'floor.denied':
      return closeRequest(state, e.payload.requestId, 'denied', e.at, e.payload.reason);
    case 'floor.reordered':
      return { ...state, queue: moveInQueue(state.queue, e.payload.requestId, e.payload.toIndex) };
    case 'floor.granted':
      return grant(state, e);
    case 'floor.released':
      return endSpeech(state, e.payload.speechId, e.at, e.payload.reason);
    case 'floor.revoked':
      return endSpeech(state, e.payload.speechId, e.at, 'revoked', e.payload.reason);
    case 'floor.extended':
      return setSpeech(state, e.payload.speechId, (s) => ({ extendedS: s.extendedS + e.payload.seconds }));
    case 'floor.paused':
      return setSpeech(state, e.payload.speechId, () => ({ status: { kind: 'paused', pausedAt: e.at } }));
    case 'floor.resumed':
      return setSpeech(state, e.payload.speechId, (s) => ({
        pausedMs: s.status.kind === 'paused' ? s.pausedMs + (e.at - s.status.pausedAt) : s.pausedMs,
        status: { kind: 'running' },
      }));
    case 'floor.timeWarned':
      return setSpeech(state, e.payload.speechId, (s) => ({ warnedDeadlines: [...s.warnedDeadlines, e.payload.deadline] }));
    case 'queue.closed':
      return { ...state, queueOpen: false };
    case 'queue.opened':
      return { ...state, queueOpen: true };
  }
}
