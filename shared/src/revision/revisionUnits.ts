import type { ClausePlace } from '../draft/align/alignmentTypes';
import { articlesInOrder, type Article, type Clause, type Draft } from '../draft/draft';
import { articleText, clauseText } from '../draft/align/draftUnits';

/** A unit of a draft the mapping names: an article by number, or a clause by {article, clause}. */
export type UnitKey = number | ClausePlace;

/** "5" for Điều 5, "5.2" for its khoản 2: one string per unit, for sets and maps. */
export function unitId(key: UnitKey): string {
  return typeof key === 'number' ? String(key) : `${key.article}.${key.clause}`;
}

export function sameUnit(a: UnitKey, b: UnitKey): boolean {
  return unitId(a) === unitId(b);
}

/** The articles of a draft in draft order. */
export function articleKeys(draft: Draft): number[] {
  return articlesInOrder(draft).map((p) => p.article.number);
}

/** The clauses of a draft in draft order. */
export function clauseKeys(draft: Draft): ClausePlace[] {
  return articlesInOrder(draft).flatMap((p) => p.article.clauses.map((c) => ({ article: p.article.number, clause: c.number })));
}

/** Whether a unit of the first draft reads the same in the revision (title and body), whatever its number. */
export interface SameText {
  articles: (before: number, after: number) => boolean;
  clauses: (before: ClausePlace, after: ClausePlace) => boolean;
}

const nfc = (text: string) => text.normalize('NFC');

/**
 * The drafts' own words decide `changed` for a group the organiser made, as `alignDrafts` does for its own; compared
 * as NFC, so the same words typed on another keyboard (decomposed marks) are not a rewording.
 */
export function sameTextIn(before: Draft, after: Draft): SameText {
  const articlesOf = (d: Draft) => new Map(articlesInOrder(d).map((p) => [p.article.number, p.article]));
  const [a, b] = [articlesOf(before), articlesOf(after)];
  const clauseOf = (articles: Map<number, Article>, place: ClausePlace): Clause | undefined => articles.get(place.article)?.clauses.find((c) => c.number === place.clause);
  return {
    articles: (x, y) => {
      const [from, to] = [a.get(x), b.get(y)];
      return from !== undefined && to !== undefined && nfc(from.title) === nfc(to.title) && nfc(articleText(from)) === nfc(articleText(to));
    },
    clauses: (x, y) => {
      const [from, to] = [clauseOf(a, x), clauseOf(b, y)];
      return from !== undefined && to !== undefined && nfc(clauseText(from)) === nfc(clauseText(to));
    },
  };
}
