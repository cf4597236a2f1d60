import type { ConferenceState } from '../conference/state';
import { findArticle } from '../draft/draft';
import type { CommandOf } from '../protocol/commands';
import { accept, ownsPoint, requireLive, type DecideContext, type Decision } from '../protocol/decision';
import { refuse } from '../protocol/errors';
import type { DomainEvent } from '../protocol/events';
import { APPROVAL_OPTIONS } from './consultationCommands';
import type { ConsultationOption } from './consultationEvents';
import type { Consultation } from './consultationState';
import { isOpenAt, latestOpen } from './consultationTally';

/** Stored in Vietnamese with the log; the consoles translate approval options by id. */
const APPROVAL_LABELS: Record<(typeof APPROVAL_OPTIONS)[number], string> = {
  agree: 'Tán thành',
  disagree: 'Không tán thành',
  other: 'Ý kiến khác',
};

function optionsOf(state: ConferenceState, c: CommandOf<'consultation.open'>): ConsultationOption[] | Decision {
  const place = findArticle(state.draft, c.article);
  if (!place) return refuse('ARTICLES_UNKNOWN', { articles: c.article });
  const clause = c.clause === undefined ? undefined : place.article.clauses.find((k) => k.number === c.clause);
  if (c.clause !== undefined && !clause) return refuse('ARTICLES_UNKNOWN', { articles: `${c.article} khoản ${c.clause}` });
  if (c.kind === 'approval') return APPROVAL_OPTIONS.map((id) => ({ id, label: APPROVAL_LABELS[id], text: '' }));
  const alternatives = (clause ? clause.alternatives : place.article.alternatives) ?? [];
  if (alternatives.length < 2) return refuse('CONSULTATION_NO_ALTERNATIVES', { article: c.clause ? `${c.article}.${c.clause}` : c.article });
  return alternatives.map((a) => ({ id: `pa${a.number}`, label: `Phương án ${a.number}`, text: a.text }));
}

/** A consultation whose time ran out stays open in the log until a command touches it: this writes its close. */
function expiredClose(c: Consultation, now: number): DomainEvent | undefined {
  if (c.status.kind !== 'open' || c.closesAt === undefined || now < c.closesAt) return undefined;
  return { type: 'consultation.closed', payload: { consultationId: c.id, closedAt: c.closesAt, reason: 'expired' } };
}

export function decideOpen(state: ConferenceState, c: CommandOf<'consultation.open'>, ctx: DecideContext): Decision {
  const live = requireLive(state);
  if (live) return live;
  const options = optionsOf(state, c);
  if (!Array.isArray(options)) return options;
  const current = latestOpen(state);
  const expired = current ? expiredClose(current, ctx.now) : undefined;
  if (current && !expired) return refuse('CONSULTATION_ALREADY_OPEN', { article: current.article });
  const closesAt = c.timeLimitS === undefined ? undefined : ctx.now + c.timeLimitS * 1000;
  const opened: DomainEvent = {
    type: 'consultation.opened',
    payload: {
      consultationId: c.commandId, kind: c.kind, article: c.article, ...(c.clause === undefined ? {} : { clause: c.clause }),
      options, ...(closesAt === undefined ? {} : { closesAt }), hideNames: c.hideNames,
    },
  };
  return expired ? accept(expired, opened) : accept(opened);
}

export function decideAnswer(state: ConferenceState, c: CommandOf<'consultation.answer'>, ctx: DecideContext): Decision {
  const live = requireLive(state);
  if (live) return live;
  const consultation = state.consultations.get(c.consultationId);
  if (!consultation) return refuse('CONSULTATION_UNKNOWN');
  if (!ownsPoint(ctx, c.pointId)) return refuse('CONSULTATION_OWN_POINT');
  const point = state.points.get(c.pointId);
  if (!point) return refuse('POINT_UNKNOWN', { point: c.pointId });
  if (point.kind !== 'provincial') return refuse('CONSULTATION_NOT_ASKED', { point: point.name });
  if (!isOpenAt(state, consultation, ctx.now)) return refuse('CONSULTATION_CLOSED');
  if (!consultation.options.some((o) => o.id === c.optionId)) return refuse('CONSULTATION_OPTION_UNKNOWN', { option: c.optionId });
  // Whoever else answers for the point (only the chair may: A1) is written down as having recorded it (PO13).
  const recordedBy = ctx.actor.role === 'point' ? {} : { recordedBy: 'chair' as const };
  return accept({ type: 'consultation.answered', payload: { consultationId: c.consultationId, pointId: c.pointId, optionId: c.optionId, reason: c.reason, ...recordedBy } });
}

export function decideClose(state: ConferenceState, c: CommandOf<'consultation.close'>, ctx: DecideContext): Decision {
  const consultation = state.consultations.get(c.consultationId);
  if (!consultation) return refuse('CONSULTATION_UNKNOWN');
  if (consultation.status.kind === 'closed') return refuse('CONSULTATION_CLOSED');
  const expired = expiredClose(consultation, ctx.now);
  if (expired) return accept(expired);
  // The hub's timer only records an expiry (PO17); closing early is the chair's.
  if (ctx.actor.role === 'system') return refuse('CONSULTATION_NOT_EXPIRED');
  return accept({ type: 'consultation.closed', payload: { consultationId: c.consultationId, closedAt: ctx.now, reason: 'chair' } });
}

export function decideShowNames(state: ConferenceState, c: CommandOf<'consultation.showNames'>): Decision {
  const consultation = state.consultations.get(c.consultationId);
  if (!consultation) return refuse('CONSULTATION_UNKNOWN');
  if (consultation.hideNames === !c.shown) return accept();
  return accept({ type: 'consultation.namesShown', payload: { consultationId: c.consultationId, shown: c.shown } });
}
