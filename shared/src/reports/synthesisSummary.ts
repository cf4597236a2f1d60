import { COMMENT_KINDS } from '../comments/commentCommands';
import type { CommentEntry } from './commentEntry';
import { RESPONSE_STATUSES } from './commentResponse';
import { countByPoint, pointKey } from './pointCounts';
import type { ReportDirectory } from './reportDirectory';
import { KIND_LABELS, RESPONSE_LABELS } from './reportLabels';
import type { ChapterSynthesis, PointSummary, SynthesisSummary } from './synthesisTypes';

export const NO_RESPONSE_LABEL = 'Chưa trả lời';

function byPoint(dir: ReportDirectory, comments: readonly CommentEntry[]): PointSummary[] {
  const all = countByPoint(dir, comments);
  const spoken = new Map(countByPoint(dir, comments.filter((c) => c.source === 'spoken')).map((p) => [pointKey(p), p.count]));
  const counted = new Map(all.map((p) => [pointKey(p), p]));
  const rows = dir.pointOrder.map((id) => counted.get(id) ?? { pointId: id, name: dir.points.get(id)?.name ?? id, count: 0 });
  const unknown = all.find((p) => p.pointId === undefined);
  if (unknown) rows.push(unknown);
  return rows.map((p) => {
    const s = spoken.get(pointKey(p)) ?? 0;
    return { ...p, spoken: s, written: p.count - s };
  });
}

/** The tables the report opens with: totals per chapter, per point, per kind, per response. */
export function summarise(
  dir: ReportDirectory, comments: readonly CommentEntry[], chapters: readonly ChapterSynthesis[], general: number,
): SynthesisSummary {
  const articles = chapters.flatMap((c) => c.articles);
  const spoken = comments.filter((c) => c.source === 'spoken').length;
  return {
    total: comments.length, spoken, written: comments.length - spoken,
    articlesTotal: articles.length,
    articlesCommented: articles.filter((a) => a.count > 0).length,
    general,
    byChapter: chapters.map((c) => ({
      key: c.key, label: c.label, title: c.title, count: c.count,
      articlesTotal: c.articles.length, articlesCommented: c.articles.filter((a) => a.count > 0).length,
    })),
    byPoint: byPoint(dir, comments),
    byKind: COMMENT_KINDS.map((kind) => ({ kind, label: KIND_LABELS[kind], count: comments.filter((c) => c.kind === kind).length })),
    byResponse: [
      ...RESPONSE_STATUSES.map((status) => ({ status, label: RESPONSE_LABELS[status], count: comments.filter((c) => c.response?.status === status).length })),
      { status: 'none' as const, label: NO_RESPONSE_LABEL, count: comments.filter((c) => c.response === undefined).length },
    ],
  };
}
