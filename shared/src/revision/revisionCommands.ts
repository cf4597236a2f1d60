import { DraftAlignmentSchema } from '../draft/align/alignmentSchema';
import { DraftSchema } from '../draft/draft';
import { command } from '../protocol/commandBase';

/**
 * The organiser confirms the revised draft (dự thảo lần 2) and how its articles and clauses map onto the draft the
 * comments refer to: the proposal of `alignDrafts`, as corrected. A new confirmation replaces the earlier one.
 */
export const DraftConfirmRevision = command('draft.confirmRevision', {
  draft: DraftSchema,
  alignment: DraftAlignmentSchema,
});
