import { DiscussionModeSchema, type DiscussionMode } from '../conference/setup';

/**
 * How the floor reaches the microphones (the conference setting `discussionMode`, one schema for both):
 * - `request`: only the floor holder's point and the chair's point are heard (the default: a consultation
 *   conference gives the word point by point);
 * - `open`: every point is heard (free discussion);
 * - `chair-only`: only the chair's point is heard (announcements, voting instructions).
 */
export { DiscussionModeSchema, type DiscussionMode };

export const DEFAULT_DISCUSSION_MODE: DiscussionMode = 'request';

export interface AudibilityInput {
  mode: DiscussionMode;
  /** The central point that chairs the conference. */
  chairPointId: string;
  /** The point whose delegate holds the floor, or null when nobody speaks. */
  floorPointId: string | null;
  /** Every point of the conference, in display order. */
  pointIds: readonly string[];
}

/** The points whose microphones may be heard, in the order of `pointIds`. Pure. */
export function audiblePointIds(input: AudibilityInput): string[] {
  const { mode, chairPointId, floorPointId, pointIds } = input;
  switch (mode) {
    case 'open':
      return [...pointIds];
    case 'chair-only':
      return pointIds.filter((id) => id === chairPointId);
    case 'request':
      return pointIds.filter((id) => id === chairPointId || (floorPointId !== null && id === floorPointId));
    default:
      return assertNeverMode(mode);
  }
}

/** True when `pointId`'s microphone may be heard under `input`. */
export function isAudible(input: Omit<AudibilityInput, 'pointIds'>, pointId: string): boolean {
  return audiblePointIds({ ...input, pointIds: [pointId] }).length === 1;
}

function assertNeverMode(mode: never): never {
  throw new Error(`Unknown discussion mode: ${String(mode)}`);
}
