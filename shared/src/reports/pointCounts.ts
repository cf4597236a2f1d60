import { pointName, type ReportDirectory } from './reportDirectory';
import type { PointCount } from './synthesisTypes';

const UNKNOWN = '\u0000unknown';

/** Comments counted per point, in report order; comments of no (or an unregistered) point come last. */
export function countByPoint(dir: ReportDirectory, items: ReadonlyArray<{ pointId?: string }>): PointCount[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = item.pointId !== undefined && dir.points.has(item.pointId) ? item.pointId : UNKNOWN;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const ordered: PointCount[] = [];
  for (const id of dir.pointOrder) {
    const count = counts.get(id);
    if (count) ordered.push({ pointId: id, name: pointName(dir, id), count });
  }
  const unknown = counts.get(UNKNOWN);
  if (unknown) ordered.push({ name: pointName(dir, undefined), count: unknown });
  return ordered;
}

/** The key a point count is filed under, so tables can line columns up. */
export function pointKey(p: { pointId?: string }): string {
  return p.pointId ?? UNKNOWN;
}
