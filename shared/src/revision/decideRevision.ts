import type { ConferenceState } from '../conference/state';
import type { DraftAlignment } from '../draft/align/alignmentTypes';
import type { Draft } from '../draft/draft';
import type { CommandOf } from '../protocol/commands';
import { accept, type Decision } from '../protocol/decision';
import { refuse } from '../protocol/errors';
import { checkAlignment } from './checkAlignment';
import { withTextChanges } from './textChanges';

/** Both come out of zod in schema order (the command, and the event the earlier one wrote), so JSON compares them. */
const sameConfirmation = (was: { draft: Draft; alignment: DraftAlignment }, draft: Draft, alignment: DraftAlignment) =>
  JSON.stringify(was.draft) === JSON.stringify(draft) && JSON.stringify(was.alignment) === JSON.stringify(alignment);

/**
 * DA13: only once the conference has started (before it, the setup's draft is replaced instead), and after it ended
 * too: the drafting team revises after the conference. The organiser's confirmation is the mapping's word: every
 * group enters the log with confidence 1, so nothing confirmed reads "cần kiểm tra". DA18: `changed` comes from the
 * drafts' words, never from the command. DA17: an amendment replaces the confirmed mapping; the same again writes
 * nothing.
 */
export function decideConfirmRevision(state: ConferenceState, c: CommandOf<'draft.confirmRevision'>): Decision {
  if (state.status === 'scheduled') return refuse('REVISION_BEFORE_START');
  if (state.archived) return refuse('ALREADY_ARCHIVED');
  const fault = checkAlignment(state.draft, c.draft, c.alignment);
  if (fault) return refuse(fault.reason, fault.params);
  const confirmed = <G extends { confidence: number }>(g: G): G => ({ ...g, confidence: 1 });
  const derived = withTextChanges(state.draft, c.draft, c.alignment);
  const alignment = { articles: derived.articles.map(confirmed), clauses: derived.clauses.map(confirmed) };
  if (state.revision && sameConfirmation(state.revision, c.draft, alignment)) return accept();
  return accept({ type: 'draft.revisionConfirmed', payload: { draft: c.draft, alignment } });
}
