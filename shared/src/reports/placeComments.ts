import type { ArticleRef } from '../protocol/fields';
import type { CommentEntry } from './commentEntry';
import type { PlacedComment } from './synthesisTypes';

export interface Placement {
  byArticle: Map<number, PlacedComment[]>;
  general: PlacedComment[];
}

/** "khoản 2 điểm a, khoản 3": the parts of one article a comment names; '' for the article as a whole. */
export function placeLabel(refs: readonly ArticleRef[]): string {
  const parts = refs
    .filter((r) => r.clause !== undefined)
    .map((r) => (r.item === undefined ? `khoản ${r.clause}` : `khoản ${r.clause} điểm ${r.item}`));
  return [...new Set(parts)].join(', ');
}

function refsByArticle(refs: readonly ArticleRef[], known: ReadonlySet<number>): Map<number, ArticleRef[]> {
  const grouped = new Map<number, ArticleRef[]>();
  for (const ref of refs) {
    if (!known.has(ref.article)) continue;
    const list = grouped.get(ref.article);
    if (list) list.push(ref);
    else grouped.set(ref.article, [ref]);
  }
  return grouped;
}

/**
 * Files each comment under every article of the draft it names (once per article), or under
 * the general comments when it names none the draft has.
 */
export function placeComments(comments: readonly CommentEntry[], known: ReadonlySet<number>): Placement {
  const byArticle = new Map<number, PlacedComment[]>();
  const general: PlacedComment[] = [];
  for (const entry of comments) {
    const grouped = refsByArticle(entry.refs, known);
    if (grouped.size === 0) {
      general.push({ ...entry, place: '', alsoArticles: [] });
      continue;
    }
    const numbers = [...grouped.keys()];
    for (const [article, refs] of grouped) {
      const placed: PlacedComment = { ...entry, place: placeLabel(refs), alsoArticles: numbers.filter((n) => n !== article) };
      const list = byArticle.get(article);
      if (list) list.push(placed);
      else byArticle.set(article, [placed]);
    }
  }
  return { byArticle, general };
}
