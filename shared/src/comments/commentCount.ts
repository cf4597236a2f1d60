import { listOf, type ConferenceState } from '../conference/state';

/**
 * The one definition of "comments that count" (C9), used by every console, list and report: a comment
 * counts unless it was retracted or merged into another (a spoken repeat of a written one). The others are
 * kept in the log and shown as what they are, never in the totals.
 */
export const countsAsComment = (c: { retracted: boolean; mergedInto?: string | undefined }): boolean => !c.retracted && c.mergedInto === undefined;

export interface CommentTally {
  /** The comments that count. */
  counted: number;
  retracted: number;
  /** Merged into another comment (and not retracted). */
  merged: number;
}

export function commentTally(state: ConferenceState): CommentTally {
  const tally: CommentTally = { counted: 0, retracted: 0, merged: 0 };
  for (const c of listOf(state.comments)) {
    if (c.retracted) tally.retracted += 1;
    else if (c.mergedInto !== undefined) tally.merged += 1;
    else tally.counted += 1;
  }
  return tally;
}
