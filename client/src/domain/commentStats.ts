import {
  articlesInOrder, COMMENT_KINDS, countsAsComment, listOf, type Chapter, type Comment, type CommentKind, type ConferenceState,
} from '@diem-cau/shared';

export interface ArticleStats {
  article: number;
  title: string;
  chapter?: Chapter;
  count: number;
  byKind: Record<CommentKind, number>;
  byPoint: Record<string, number>;
}

const emptyKinds = (): Record<CommentKind, number> =>
  Object.fromEntries(COMMENT_KINDS.map((k) => [k, 0])) as Record<CommentKind, number>;

/** Comments that count: not retracted, and not folded into another (C9, one definition in shared/). */
export const countsAsLive = (c: Comment) => countsAsComment(c);

export function liveComments(state: ConferenceState): Comment[] {
  return listOf(state.comments).filter(countsAsLive);
}

/**
 * Per article of the draft, in draft order: live comments (retracted ones do not count), by
 * kind and by point. A comment about several articles counts once for each of them, once.
 */
export function articleStats(state: ConferenceState): ArticleStats[] {
  const rows = articlesInOrder(state.draft).map((p) => ({
    article: p.article.number, title: p.article.title, ...(p.chapter ? { chapter: p.chapter } : {}),
    count: 0, byKind: emptyKinds(), byPoint: {} as Record<string, number>,
  }));
  const byNumber = new Map(rows.map((r) => [r.article, r]));
  for (const c of liveComments(state)) {
    for (const n of new Set(c.articles.map((a) => a.article))) {
      const row = byNumber.get(n);
      if (!row) continue;
      row.count += 1;
      row.byKind[c.kind] += 1;
      if (c.pointId) row.byPoint[c.pointId] = (row.byPoint[c.pointId] ?? 0) + 1;
    }
  }
  return rows;
}

export function commentsOnArticle(state: ConferenceState, article: number): Comment[] {
  return liveComments(state).filter((c) => c.articles.some((a) => a.article === article));
}
