import { DiscussionModeSchema, type DiscussionMode } from '../conference/setup';
import { centralPointId, currentSpeech, type ConferenceState } from '../conference/state';

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

/** What the media plane needs to know of the floor; derived from the conference state, never stored. */
export interface MediaFloor {
  mode: DiscussionMode;
  chairPointId: string;
  floorPointId: string | null;
}

/**
 * The floor as the media sees it: the mode, the central point and the point of the current speech. A paused
 * speech still holds the floor (the chair paused the clock, not the speaker); an ended one does not.
 */
export function mediaFloorOf(state: ConferenceState): MediaFloor {
  const speech = currentSpeech(state);
  return {
    mode: state.settings.discussionMode,
    chairPointId: centralPointId(state) ?? '',
    floorPointId: speech && speech.status.kind !== 'ended' ? speech.pointId : null,
  };
}

export function sameFloor(a: MediaFloor | null, b: MediaFloor): boolean {
  return a !== null && a.mode === b.mode && a.chairPointId === b.chairPointId && a.floorPointId === b.floorPointId;
}

/**
 * The point whose main camera the big screens show: the floor holder, else the chair's point (it speaks
 * between speeches). Null when the conference has no central point and nobody holds the floor.
 */
export function stagePointId(floor: MediaFloor): string | null {
  return floor.floorPointId ?? (floor.chairPointId || null);
}

/** True when `pointId`'s microphone may be heard under `input`. */
export function isAudible(input: Omit<AudibilityInput, 'pointIds'>, pointId: string): boolean {
  return audiblePointIds({ ...input, pointIds: [pointId] }).length === 1;
}

function assertNeverMode(mode: never): never {
  throw new Error(`Unknown discussion mode: ${String(mode)}`);
}
