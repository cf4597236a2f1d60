import { applyBudget } from '../budget/applyBudget';
import { applyComments } from '../comments/applyComments';
import { applyConsultation } from '../consultation/applyConsultation';
import { applyConference, createdState } from '../conference/applyConference';
import type { ConferenceState } from '../conference/state';
import { applyFloor } from '../floor/applyFloor';
import { applyRevision } from '../revision/applyRevision';
import { assertNever } from './errors';
import type { StoredEvent } from './events';

/**
 * The pure reducer every node and every client runs. Events arrive in seq order;
 * the caller guarantees it (a gap means: sync first).
 */
export function apply(state: ConferenceState | null, e: StoredEvent): ConferenceState {
  if (e.type === 'conference.created') return createdState(e);
  if (state === null) throw new Error(`event ${e.type} (seq ${e.seq}) before conference.created`);
  return { ...applyTo(state, e), seq: e.seq };
}

function applyTo(state: ConferenceState, e: Exclude<StoredEvent, { type: 'conference.created' }>): ConferenceState {
  switch (e.type) {
    case 'conference.started':
    case 'conference.ended':
    case 'conference.configured':
    case 'conference.archived':
    case 'discussion.modeSet':
    case 'settings.updated':
    case 'agenda.activated':
    case 'point.readied':
      return applyConference(state, e);
    case 'comment.logged':
    case 'comment.edited':
    case 'comment.retracted':
    case 'comment.responded':
    case 'comment.merged':
      return applyComments(state, e);
    case 'floor.requested': case 'floor.accepted': case 'floor.withdrawn': case 'floor.reordered': case 'floor.denied':
    case 'floor.granted': case 'floor.released': case 'floor.revoked': case 'floor.extended': case 'floor.paused':
    case 'floor.resumed': case 'floor.timeWarned': case 'queue.closed': case 'queue.opened':
      return applyFloor(state, e);
    case 'budget.groupsDefined': case 'budget.allocated': case 'budget.timeAdded': case 'budget.cleared':
      return applyBudget(state, e);
    case 'consultation.opened': case 'consultation.answered': case 'consultation.closed': case 'consultation.namesShown':
      return applyConsultation(state, e);
    case 'draft.revisionConfirmed':
      return applyRevision(state, e);
    default:
      return assertNever(e);
  }
}

/** Folds a log into a state; each event costs what apply() costs, whatever the conference's size. */
export function replay(events: readonly StoredEvent[], from: ConferenceState | null = null): ConferenceState | null {
  let state = from;
  for (const e of events) state = apply(state, e);
  return state;
}
