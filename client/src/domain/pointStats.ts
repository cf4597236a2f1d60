import { elapsedMs, listOf, type ConferenceState, type PresenceEntry } from '@diem-cau/shared';

export interface PointRow {
  pointId: string;
  name: string;
  central: boolean;
  online: boolean;
  ready: boolean;
  delegatesPresent: number;
  delegates: number;
  /** 1-based place of the point's first queued request. */
  waitingAt?: number;
  speaking: boolean;
  speeches: number;
  /** Speaking time of ended speeches; the running one is added by the view as it ticks. */
  endedMs: number;
}

/** One row per bridge point for the chair's synoptic view. */
export function pointRows(state: ConferenceState, presence: readonly PresenceEntry[]): PointRow[] {
  const online = new Set(presence.filter((p) => p.sessions > 0).map((p) => p.pointId));
  const current = state.currentSpeechId;
  return listOf(state.points).map((p) => {
    const speeches = listOf(state.speeches).filter((s) => s.pointId === p.id);
    const ended = speeches.filter((s) => s.status.kind === 'ended');
    const waitingIndex = state.queue.findIndex((id) => state.requests.get(id)?.pointId === p.id);
    const speaking = speeches.some((s) => s.id === current);
    return {
      pointId: p.id,
      name: p.name,
      central: p.kind === 'central',
      online: online.has(p.id),
      ready: p.checkIn?.ready ?? false,
      delegatesPresent: p.checkIn?.delegatesPresent.length ?? 0,
      delegates: p.delegates.length,
      ...(waitingIndex >= 0 ? { waitingAt: waitingIndex + 1 } : {}),
      speaking,
      speeches: speeches.length,
      endedMs: ended.reduce((sum, s) => sum + elapsedMs(s, 0), 0),
    };
  });
}
