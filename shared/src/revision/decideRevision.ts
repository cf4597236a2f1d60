import type { ConferenceState } from '../conference/state';
import type { CommandOf } from '../protocol/commands';
import { accept, type Decision } from '../protocol/decision';
import { refuse } from '../protocol/errors';
import { checkAlignment } from './checkAlignment';

/**
 * DA13: only once the conference has started (before it, the setup's draft is replaced instead), and after it ended
 * too: the drafting team revises after the conference. The organiser's confirmation is the mapping's word: every
 * group enters the log with confidence 1, so nothing confirmed reads "cần kiểm tra".
 */
export function decideConfirmRevision(state: ConferenceState, c: CommandOf<'draft.confirmRevision'>): Decision {
  if (state.status === 'scheduled') return refuse('REVISION_BEFORE_START');
  if (state.archived) return refuse('ALREADY_ARCHIVED');
  const fault = checkAlignment(state.draft, c.draft, c.alignment);
  if (fault) return refuse(fault.reason, fault.params);
  const confirmed = <G extends { confidence: number }>(g: G): G => ({ ...g, confidence: 1 });
  const alignment = { articles: c.alignment.articles.map(confirmed), clauses: c.alignment.clauses.map(confirmed) };
  return accept({ type: 'draft.revisionConfirmed', payload: { draft: c.draft, alignment } });
}
