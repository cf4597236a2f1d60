import { DraftAlignmentSchema } from '../draft/align/alignmentSchema';
import { DraftSchema } from '../draft/draft';
import { event } from '../protocol/eventBase';

/** The revision and its confirmed mapping, whole: a later confirmation replaces it (DA13). */
export const DraftRevisionConfirmed = event('draft.revisionConfirmed', {
  draft: DraftSchema,
  alignment: DraftAlignmentSchema,
});
