import { articlesInOrder, type Draft } from '../../draft';
import type { ClausePlace, Correspondence, DraftAlignment } from '../alignmentTypes';
import type { RevisionTruth } from './workingDraft';

export interface Tally {
  correct: number;
  total: number;
}

export interface AlignmentScore {
  articles: Tally;
  clauses: Tally;
}

type Neighbours = Map<string, Set<string>>;

function add(map: Neighbours, from: string, to: string): void {
  const set = map.get(from) ?? new Set<string>();
  set.add(to);
  map.set(from, set);
}

function neighboursOf(links: ReadonlyArray<{ before: string; after: string }>): { forward: Neighbours; backward: Neighbours } {
  const forward: Neighbours = new Map();
  const backward: Neighbours = new Map();
  for (const { before, after } of links) {
    add(forward, before, after);
    add(backward, after, before);
  }
  return { forward, backward };
}

function proposedLinks<Key>(groups: ReadonlyArray<Correspondence<Key>>, id: (key: Key) => string): Array<{ before: string; after: string }> {
  return groups.flatMap((g) => g.before.flatMap((b) => g.after.map((a) => ({ before: id(b), after: id(a) }))));
}

const same = (a: Set<string> | undefined, b: Set<string> | undefined) => (a?.size ?? 0) === (b?.size ?? 0) && [...(a ?? [])].every((x) => b?.has(x));

/** A unit is mapped correctly when its links are exactly the true ones; every unit of either draft counts once. */
function tally(beforeIds: string[], afterIds: string[], truth: ReturnType<typeof neighboursOf>, proposed: ReturnType<typeof neighboursOf>): Tally {
  const correct =
    beforeIds.filter((id) => same(truth.forward.get(id), proposed.forward.get(id))).length +
    afterIds.filter((id) => same(truth.backward.get(id), proposed.backward.get(id))).length;
  return { correct, total: beforeIds.length + afterIds.length };
}

const clauseId = (p: ClausePlace) => `${p.article}.${p.clause}`;

function clauseIds(draft: Draft): string[] {
  return articlesInOrder(draft).flatMap(({ article }) => article.clauses.map((c) => clauseId({ article: article.number, clause: c.number })));
}

/** How much of a proposed alignment matches the true mapping of a revision. */
export function scoreAlignment(before: Draft, after: Draft, truth: RevisionTruth, alignment: DraftAlignment): AlignmentScore {
  const articleIds = (d: Draft) => articlesInOrder(d).map((p) => String(p.article.number));
  const articles = tally(
    articleIds(before),
    articleIds(after),
    neighboursOf(truth.articles.map((l) => ({ before: String(l.before), after: String(l.after) }))),
    neighboursOf(proposedLinks(alignment.articles, String)),
  );
  const clauses = tally(
    clauseIds(before),
    clauseIds(after),
    neighboursOf(truth.clauses.map((l) => ({ before: clauseId(l.before), after: clauseId(l.after) }))),
    neighboursOf(proposedLinks(alignment.clauses, clauseId)),
  );
  return { articles, clauses };
}

export const percentOf = (t: Tally): number => (t.total === 0 ? 100 : (100 * t.correct) / t.total);
