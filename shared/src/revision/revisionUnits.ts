import type { ClausePlace } from '../draft/align/alignmentTypes';
import { articlesInOrder, type Draft } from '../draft/draft';

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
