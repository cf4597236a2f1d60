import type { ConferenceState } from '../conference/state';
import type { StoredEvent } from '../protocol/events';

type RevisionEvent = Extract<StoredEvent, { type: 'draft.revisionConfirmed' }>;

export function applyRevision(state: ConferenceState, e: RevisionEvent): ConferenceState {
  const { role, sessionId, label } = e.actor;
  return { ...state, revision: { ...e.payload, confirmedAt: e.at, confirmedBy: { role, sessionId, ...(label === undefined ? {} : { label }) } } };
}
