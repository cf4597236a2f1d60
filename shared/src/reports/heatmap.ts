import { pointKey } from './pointCounts';
import { pointName, type ReportDirectory } from './reportDirectory';
import type { ChapterSynthesis, Heatmap } from './synthesisTypes';

/** Articles (rows, draft order) × the points that commented (columns, report order). */
export function buildHeatmap(dir: ReportDirectory, chapters: readonly ChapterSynthesis[]): Heatmap {
  const articles = chapters.flatMap((c) => c.articles);
  const active = new Set(articles.flatMap((a) => a.points.map(pointKey)));
  const points: Heatmap['points'] = dir.pointOrder.filter((id) => active.has(id)).map((id) => ({ pointId: id, name: pointName(dir, id) }));
  const unknownKey = pointKey({});
  if (active.has(unknownKey)) points.push({ name: pointName(dir, undefined) });
  let max = 0;
  const rows = articles.map((a) => {
    const byKey = new Map(a.points.map((p) => [pointKey(p), p.count]));
    const counts = points.map((p) => byKey.get(pointKey(p)) ?? 0);
    for (const n of counts) max = Math.max(max, n);
    return { number: a.number, label: a.label, title: a.title, counts, total: a.count };
  });
  return { points, rows, max };
}
