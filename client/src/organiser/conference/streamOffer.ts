import type { JoinCodeInfo } from '../api/organiserApi';
import { CONFERENCE_TABS, type ConferenceTab } from '../app/route';

/**
 * What the workspace offers of the livestream and recordings (LS5): everything while the hub has not said
 * (undefined) or streams (true); on a hub without FFmpeg (false), neither the viewers' join code nor the
 * recordings tab.
 */
export function streamOffer(streamOn: boolean | undefined, codes: JoinCodeInfo[]): { codes: JoinCodeInfo[]; tabs: readonly ConferenceTab[] } {
  if (streamOn !== false) return { codes, tabs: CONFERENCE_TABS };
  return { codes: codes.filter((c) => c.role !== 'viewer'), tabs: CONFERENCE_TABS.filter((tab) => tab !== 'recordings') };
}
