import type { CommentEntry } from './commentEntry';
import type { MinutesSpeech, PointTotals } from './minutesTypes';
import type { ReportDirectory } from './reportDirectory';
import { formatDuration } from './vnTime';

/** Speeches, speaking time, overrun and comments per registered point, in report order. */
export function pointTotals(dir: ReportDirectory, speeches: readonly MinutesSpeech[], comments: readonly CommentEntry[]): PointTotals[] {
  const totals = new Map<string, PointTotals>(
    dir.pointOrder.map((id) => [id, { pointId: id, name: dir.points.get(id)?.name ?? id, speeches: 0, speakingMs: 0, speaking: '', overrunMs: 0, overrun: '', comments: 0 }]),
  );
  for (const s of speeches) {
    const t = totals.get(s.pointId);
    if (!t) continue;
    t.speeches += 1;
    t.speakingMs += s.durationMs;
    t.overrunMs += s.overrunMs;
  }
  for (const c of comments) {
    const t = c.pointId === undefined ? undefined : totals.get(c.pointId);
    if (t) t.comments += 1;
  }
  return [...totals.values()].map((t) => ({ ...t, speaking: formatDuration(t.speakingMs), overrun: t.overrunMs > 0 ? formatDuration(t.overrunMs) : '' }));
}
