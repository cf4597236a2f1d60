import type { ConferenceState } from '../conference/state';
import type { StoredEvent } from '../protocol/events';

type RevisionEvent = Extract<StoredEvent, { type: 'draft.revisionConfirmed' }>;

/** DA17: the latest confirmation replaces the earlier whole; `amendments` counts the ones it replaced. */
export function applyRevision(state: ConferenceState, e: RevisionEvent): ConferenceState {
  const { role, sessionId, label } = e.actor;
  const amendments = state.revision ? (state.revision.amendments ?? 0) + 1 : 0;
  return { ...state, revision: { ...e.payload, confirmedAt: e.at, confirmedBy: { role, sessionId, ...(label === undefined ? {} : { label }) }, amendments } };
}
