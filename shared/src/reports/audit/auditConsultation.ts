import type { ConferenceState } from '../../conference/state';
import type { StoredEvent } from '../../protocol/events';
import { excerpt, pointNameOf, type AuditFacts } from './auditNames';

export type ConsultationAuditEvent = Extract<StoredEvent, { type: `consultation.${string}` }>;

function subject(state: ConferenceState, consultationId: string) {
  const c = state.consultations.get(consultationId);
  return { article: c?.article ?? 0, clause: c?.clause ?? 0, kind: c?.kind ?? 'approval' };
}

/** Opening and closing a consultation are the chair's (agenda area); an answer is its point's, even one the chair recorded (PO13). */
export function consultationFacts(e: ConsultationAuditEvent, state: ConferenceState): AuditFacts {
  switch (e.type) {
    case 'consultation.opened': {
      const p = e.payload;
      return { area: 'agenda', params: { article: p.article, clause: p.clause ?? 0, kind: p.kind, options: p.options.length, limitS: p.closesAt === undefined ? 0 : Math.round((p.closesAt - e.at) / 1000) } };
    }
    case 'consultation.answered': {
      const p = e.payload;
      const option = state.consultations.get(p.consultationId)?.options.find((o) => o.id === p.optionId)?.label ?? p.optionId;
      const params = {
        ...subject(state, p.consultationId), point: pointNameOf(state, p.pointId), option,
        ...(p.reason ? { reason: excerpt(p.reason) } : {}), ...(p.recordedBy === 'chair' ? { byChair: 1 } : {}),
      };
      return { area: 'points', pointId: p.pointId, params };
    }
    case 'consultation.closed':
      return { area: 'agenda', params: { ...subject(state, e.payload.consultationId), reason: e.payload.reason } };
    case 'consultation.namesShown':
      return { area: 'agenda', params: { ...subject(state, e.payload.consultationId), shown: e.payload.shown ? 1 : 0 } };
  }
}
