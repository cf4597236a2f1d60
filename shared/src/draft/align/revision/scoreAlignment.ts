import { articlesInOrder, type Draft } from '../../draft';
import { REVIEW_CONFIDENCE, type ClausePlace, type Correspondence, type DraftAlignment } from '../alignmentTypes';
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

const same = (a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined) => (a?.size ?? 0) === (b?.size ?? 0) && [...(a ?? [])].every((x) => b?.has(x));

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

/** How well `confidence` points the organiser at the mistakes: article groups right or wrong, and how many of each are flagged. */
export interface ReviewScore {
  right: Tally;
  wrong: Tally;
}

/** A group is right when every unit in it has exactly its true links; `correct` counts the flagged ones (below REVIEW_CONFIDENCE). */
export function reviewScore(alignment: DraftAlignment, truth: RevisionTruth): ReviewScore {
  const { forward, backward } = neighboursOf(truth.articles.map((l) => ({ before: String(l.before), after: String(l.after) })));
  const score: ReviewScore = { right: { correct: 0, total: 0 }, wrong: { correct: 0, total: 0 } };
  for (const group of alignment.articles) {
    const after = new Set(group.after.map(String));
    const before = new Set(group.before.map(String));
    const right = group.before.every((b) => same(forward.get(String(b)), after)) && group.after.every((a) => same(backward.get(String(a)), before));
    const tally = right ? score.right : score.wrong;
    tally.total += 1;
    if (group.confidence < REVIEW_CONFIDENCE) tally.correct += 1;
  }
  return score;
}
