import {
  articleKeys, clauseKeys, linksOf, regroup, sameTextIn, unitId, type ClausePlace, type Draft, type DraftAlignment, type UnitKey,
} from '@diem-cau/shared';

/** The organiser's working copy of a mapping: per unit of the first draft, where it went (ids "5", "5.2"). */
export interface MappingEdit {
  before: Draft;
  after: Draft;
  proposal: DraftAlignment;
  articles: Map<string, number[]>;
  clauses: Map<string, ClausePlace[]>;
  /** Units the organiser changed: their groups are the organiser's own. */
  touched: Set<string>;
}

export function startEdit(before: Draft, after: Draft, proposal: DraftAlignment): MappingEdit {
  return { before, after, proposal, articles: linksOf(proposal.articles), clauses: linksOf(proposal.clauses), touched: new Set() };
}

/** Sends one unit of the first draft to these units of the revision (none: deleted). */
export function relink<K extends UnitKey>(edit: MappingEdit, from: K, to: K[]): MappingEdit {
  const id = unitId(from);
  const touched = new Set(edit.touched).add(id);
  if (typeof from === 'number') return { ...edit, articles: new Map(edit.articles).set(id, to as number[]), touched };
  return { ...edit, clauses: new Map(edit.clauses).set(id, to as ClausePlace[]), touched };
}

export type EditResult = { ok: true; alignment: DraftAlignment } | { ok: false; unit: string };

/** The mapping the edit gives, or the first unit of the first draft that goes several → several. */
export function alignmentOf(edit: MappingEdit): EditResult {
  const same = sameTextIn(edit.before, edit.after);
  const articles = regroup(articleKeys(edit.before), articleKeys(edit.after), edit.articles, edit.proposal.articles, same.articles);
  if (!articles.ok) return articles;
  const clauses = regroup(clauseKeys(edit.before), clauseKeys(edit.after), edit.clauses, edit.proposal.clauses, same.clauses);
  if (!clauses.ok) return clauses;
  return { ok: true, alignment: { articles: articles.groups, clauses: clauses.groups } };
}
