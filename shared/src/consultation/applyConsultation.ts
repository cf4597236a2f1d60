import type { ConferenceState } from '../conference/state';
import type { StoredEvent } from '../protocol/events';
import { positionKey, type Consultation } from './consultationState';

type ConsultationEvent = Extract<StoredEvent, { type: `consultation.${string}` }>;

function update(state: ConferenceState, id: string, change: (c: Consultation) => Consultation): ConferenceState {
  const c = state.consultations.get(id);
  return c ? { ...state, consultations: state.consultations.put(id, change(c)) } : state;
}

/** One entry changes per event: a consultation, or one point's position (never the whole collection). */
export function applyConsultation(state: ConferenceState, e: ConsultationEvent): ConferenceState {
  switch (e.type) {
    case 'consultation.opened': {
      const { consultationId, ...rest } = e.payload;
      const c: Consultation = { id: consultationId, ...rest, openedAt: e.at, status: { kind: 'open' } };
      return { ...state, consultations: state.consultations.add(consultationId, c) };
    }
    case 'consultation.answered': {
      const id = positionKey(e.payload.consultationId, e.payload.pointId);
      const before = state.positions.get(id);
      const position = { id, ...e.payload, answeredAt: e.at, changes: before ? before.changes + 1 : 0 };
      return { ...state, positions: state.positions.add(id, position) };
    }
    case 'consultation.closed':
      return update(state, e.payload.consultationId, (c) => ({ ...c, status: { kind: 'closed', closedAt: e.payload.closedAt, reason: e.payload.reason } }));
    case 'consultation.namesShown':
      return update(state, e.payload.consultationId, (c) => ({ ...c, hideNames: !e.payload.shown }));
  }
}
