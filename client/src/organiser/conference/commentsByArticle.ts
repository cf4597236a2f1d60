import { articlesInOrder, listOf, type Comment, type ConferenceState } from '@diem-cau/shared';

export interface ArticleGroup {
  /** undefined: the comments tied to no article. */
  article?: number;
  title: string;
  comments: Comment[];
}

/** Comments that still count (not retracted, not folded into another) under their first article, in draft order. */
export function commentsByArticle(state: ConferenceState): ArticleGroup[] {
  const live = listOf(state.comments).filter((c) => !c.retracted && !c.mergedInto).sort((a, b) => a.loggedAt - b.loggedAt);
  const byArticle = new Map<number | undefined, Comment[]>();
  for (const c of live) {
    const key = c.articles[0]?.article;
    byArticle.set(key, [...(byArticle.get(key) ?? []), c]);
  }
  const groups: ArticleGroup[] = [];
  const placed = new Set<number | undefined>();
  for (const { article } of articlesInOrder(state.draft)) {
    const comments = byArticle.get(article.number);
    if (comments && !placed.has(article.number)) groups.push({ article: article.number, title: article.title, comments });
    placed.add(article.number);
  }
  // Articles the draft no longer has, then the general comments, so nothing logged is hidden.
  for (const [article, comments] of byArticle) if (article !== undefined && !placed.has(article)) groups.push({ article, title: '', comments });
  const general = byArticle.get(undefined);
  if (general) groups.push({ title: '', comments: general });
  return groups;
}
