import type { ConferenceState } from '../../conference/state';
import { assertNever } from '../../protocol/errors';
import type { StoredEvent } from '../../protocol/events';
import { formatRefs } from '../commentEntry';
import { budgetFacts, type BudgetAuditEvent } from './auditBudget';
import { consultationFacts, type ConsultationAuditEvent } from './auditConsultation';
import { commentSubject, excerpt, pointNameOf, requestSubject, speechSubject, type AuditFacts } from './auditNames';
import type { AuditParams } from './auditRow';

type Of<T extends StoredEvent['type']> = Extract<StoredEvent, { type: T }>;
type ConferenceEvent = Of<'conference.created' | 'conference.configured' | 'conference.started' | 'conference.ended' | 'conference.archived' | 'settings.updated' | 'discussion.modeSet' | 'agenda.activated' | 'point.readied' | 'queue.closed' | 'queue.opened' | 'draft.revisionConfirmed'>;
type CommentEvent = Of<'comment.logged' | 'comment.edited' | 'comment.retracted' | 'comment.responded' | 'comment.merged'>;
type FloorEvent = Exclude<StoredEvent, ConferenceEvent | CommentEvent | BudgetAuditEvent | ConsultationAuditEvent>;

/** Booleans travel as 1/0 so every param is a string or a number (a console's catalogue reads them alike). */
const flag = (b: boolean) => (b ? 1 : 0);

function settingsParams(settings: Record<string, unknown>): AuditParams {
  const params: AuditParams = {};
  for (const [key, value] of Object.entries(settings)) {
    if (typeof value === 'boolean') params[key] = flag(value);
    else if (typeof value === 'number' || typeof value === 'string') params[key] = value;
  }
  return params;
}

function conferenceFacts(e: ConferenceEvent, state: ConferenceState): AuditFacts {
  switch (e.type) {
    case 'conference.created':
    case 'conference.configured':
      return { area: 'conference', params: { title: e.payload.setup.title } };
    case 'conference.started':
    case 'conference.ended':
    case 'conference.archived':
      return { area: 'conference', params: {} };
    case 'settings.updated':
      return { area: 'conference', params: settingsParams(e.payload.settings) };
    case 'discussion.modeSet':
      return { area: 'floor', params: { mode: e.payload.mode } };
    case 'queue.closed':
    case 'queue.opened':
      return { area: 'floor', params: {} };
    case 'agenda.activated': {
      const item = state.agenda.get(e.payload.itemId);
      return { area: 'agenda', params: { item: item?.title ?? e.payload.itemId, ...(item ? { agendaKind: item.kind } : {}) } };
    }
    case 'draft.revisionConfirmed': {
      const moved = e.payload.alignment.articles.filter((g) => g.kind !== 'same').length;
      return { area: 'conference', params: { title: e.payload.draft.title, articles: e.payload.alignment.articles.length, regrouped: moved } };
    }
    case 'point.readied': {
      const p = e.payload;
      const params = { point: pointNameOf(state, p.pointId), ready: flag(p.ready), present: p.delegatesPresent.length, connection: flag(p.connectionChecked), sound: flag(p.soundChecked) };
      return { area: 'points', pointId: p.pointId, params };
    }
    default:
      return assertNever(e);
  }
}

function floorFacts(e: FloorEvent, state: ConferenceState): AuditFacts {
  const floor = (s: Pick<AuditFacts, 'pointId' | 'params'>, more: AuditParams = {}): AuditFacts => ({ area: 'floor', ...s, params: { ...s.params, ...more } });
  switch (e.type) {
    case 'floor.requested': {
      const p = e.payload;
      return floor(requestSubject(state, p.requestId), { articles: formatRefs(p.articles), topic: excerpt(p.topic), priority: p.priority, onBehalf: flag(p.onBehalf) });
    }
    case 'floor.accepted':
      return floor(requestSubject(state, e.payload.requestId), { position: e.payload.position + 1 });
    case 'floor.reordered':
      return floor(requestSubject(state, e.payload.requestId), { position: e.payload.toIndex + 1 });
    case 'floor.withdrawn':
      return floor(requestSubject(state, e.payload.requestId));
    case 'floor.denied':
      return floor(requestSubject(state, e.payload.requestId), e.payload.reason ? { reason: excerpt(e.payload.reason) } : {});
    case 'floor.granted':
      return floor(speechSubject(state, e.payload.speechId), { limitS: e.payload.limitS, articles: formatRefs(e.payload.articles) });
    case 'floor.released':
      return floor(speechSubject(state, e.payload.speechId), { reason: e.payload.reason });
    case 'floor.revoked':
      return floor(speechSubject(state, e.payload.speechId), e.payload.reason ? { reason: excerpt(e.payload.reason) } : {});
    case 'floor.extended':
      return floor(speechSubject(state, e.payload.speechId), { seconds: e.payload.seconds });
    case 'floor.paused':
    case 'floor.resumed':
    case 'floor.timeWarned':
      return floor(speechSubject(state, e.payload.speechId));
    default:
      return assertNever(e);
  }
}

function commentFacts(e: CommentEvent, state: ConferenceState): AuditFacts {
  const about = (more: AuditParams): AuditFacts => {
    const s = commentSubject(state, e.payload.commentId);
    return { area: 'comments', ...s, params: { ...s.params, ...more } };
  };
  switch (e.type) {
    case 'comment.logged': {
      const p = e.payload;
      // The words as logged, not as edited since: the edit has its own row.
      return about({ articles: formatRefs(p.articles), kind: p.kind, source: p.source, text: excerpt(p.text) });
    }
    case 'comment.edited': {
      const p = e.payload;
      const changed = (['text', 'kind', 'articles'] as const).filter((k) => p[k] !== undefined).join(',');
      return about({ changed, ...(p.text !== undefined ? { text: excerpt(p.text) } : {}), ...(p.articles ? { articles: formatRefs(p.articles) } : {}) });
    }
    case 'comment.retracted':
      return about({});
    case 'comment.responded':
      return about({ status: e.payload.status, ...(e.payload.explanation ? { explanation: excerpt(e.payload.explanation) } : {}) });
    case 'comment.merged': {
      const into = commentSubject(state, e.payload.intoId).params;
      return about({ intoArticles: formatRefs(e.payload.articles), intoText: into.text ?? '' });
    }
    default:
      return assertNever(e);
  }
}

const isComment = (e: StoredEvent): e is CommentEvent => e.type.startsWith('comment.');
const isFloor = (e: StoredEvent): e is FloorEvent => e.type.startsWith('floor.');
const isBudget = (e: StoredEvent): e is BudgetAuditEvent => e.type.startsWith('budget.');
const isConsultation = (e: StoredEvent): e is ConsultationAuditEvent => e.type.startsWith('consultation.');

/** The area, the point concerned and the params of one event, names read from `state`. */
export function factsOf(e: StoredEvent, state: ConferenceState): AuditFacts {
  if (isComment(e)) return commentFacts(e, state);
  if (isFloor(e)) return floorFacts(e, state);
  if (isBudget(e)) return budgetFacts(e, state);
  if (isConsultation(e)) return consultationFacts(e, state);
  return conferenceFacts(e, state);
}
