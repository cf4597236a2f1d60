import type { DraftAlignment } from '../draft/align/alignmentTypes';
import type { Draft } from '../draft/draft';

/** The revised draft (dự thảo lần 2) and the organiser's confirmed mapping from the draft the comments refer to. */
export interface DraftRevision {
  draft: Draft;
  alignment: DraftAlignment;
  confirmedAt: number;
  confirmedBy: { role: string; sessionId: string; label?: string };
  /** DA17: how many earlier confirmations this one replaced (0: the first); absent in a snapshot older than DA17. */
  amendments?: number;
}
