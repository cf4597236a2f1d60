import type { ConferenceState } from '../../conference/state';
import { formatRefs } from '../commentEntry';
import type { AuditArea, AuditParams } from './auditRow';

/** What one event says in an audit row, before the who and the when. */
export interface AuditFacts {
  area: AuditArea;
  /** The bridge point concerned. */
  pointId?: string;
  params: AuditParams;
}

/** Long texts (a comment, a reason) are cut: the row says what happened, the comment list keeps the whole text. */
export const AUDIT_EXCERPT_CHARS = 120;

/** The text on one line, cut at a whole character with "…" past `max` characters. */
export function excerpt(text: string, max = AUDIT_EXCERPT_CHARS): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** The name of a point, its id when the state lost it (an old log under a newer setup). */
export function pointNameOf(state: ConferenceState, pointId: string | undefined): string {
  return pointId === undefined ? '' : state.points.get(pointId)?.name ?? pointId;
}

/** A point and, when known, the delegate: the usual subject of a floor entry. */
function subject(state: ConferenceState, pointId: string | undefined, delegate: string | undefined): Pick<AuditFacts, 'pointId' | 'params'> {
  return {
    ...(pointId !== undefined ? { pointId } : {}),
    params: { ...(pointId !== undefined ? { point: pointNameOf(state, pointId) } : {}), ...(delegate ? { delegate } : {}) },
  };
}

/** Whose request: read from the state, where every request of the log stays (closed ones too). */
export function requestSubject(state: ConferenceState, requestId: string): Pick<AuditFacts, 'pointId' | 'params'> {
  const r = state.requests.get(requestId);
  return subject(state, r?.pointId, r?.delegate.name);
}

export function speechSubject(state: ConferenceState, speechId: string): Pick<AuditFacts, 'pointId' | 'params'> {
  const sp = state.speeches.get(speechId);
  return subject(state, sp?.pointId, sp?.delegate.name);
}

/** A comment named by its point, its articles and its opening words (its latest text). */
export function commentSubject(state: ConferenceState, commentId: string): Pick<AuditFacts, 'pointId' | 'params'> {
  const c = state.comments.get(commentId);
  const base = subject(state, c?.pointId, c?.delegate?.name);
  return { ...base, params: { ...base.params, articles: formatRefs(c?.articles ?? []), text: excerpt(c?.text ?? '') } };
}
