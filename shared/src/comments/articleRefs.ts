import { articlesInOrder, type Draft } from '../draft/draft';
import type { ArticleRef } from '../protocol/fields';

/** Article numbers a command refers to that the draft does not have. */
export function unknownArticles(draft: Draft, refs: readonly ArticleRef[]): number[] {
  const known = new Set(articlesInOrder(draft).map((p) => p.article.number));
  return [...new Set(refs.map((r) => r.article).filter((n) => !known.has(n)))];
}

/** "Điều 5 khoản 2 điểm a" — how a reference reads in the UI and the reports. */
export function formatArticleRef(ref: ArticleRef): string {
  let s = `Điều ${ref.article}`;
  if (ref.clause !== undefined) s += ` khoản ${ref.clause}`;
  if (ref.item !== undefined) s += ` điểm ${ref.item}`;
  return s;
}
