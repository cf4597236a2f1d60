import type { ClauseCorrespondence } from './alignmentTypes';
import type { ClauseUnits } from './draftUnits';
import { correspondencesOf } from './groupLinks';
import type { Link } from './links';
import { matchUnits, type MatchOptions } from './matchUnits';
import { diceOf, overlapOf } from './overlap';
import { pairScore, type MatchProblem } from './pairScores';
import { inverseFrequencies } from './textFeatures';

/** A group of linked articles, by their indices in each draft's order. */
export interface ArticlePairing {
  before: number[];
  after: number[];
}

/** A clause moved to an unrelated article must be nearly the same text to be followed there. */
const ACROSS_ARTICLES_MIN = 0.6;

interface ClauseSides {
  before: ClauseUnits;
  after: ClauseUnits;
  idf: Float64Array;
}

function problemOf(sides: ClauseSides, b: readonly number[], a: readonly number[]): MatchProblem {
  const { before, after, idf } = sides;
  return {
    text: overlapOf(b.map((i) => before.features[i] ?? new Int32Array()), a.map((j) => after.features[j] ?? new Int32Array()), idf),
    sameNumber: (i, j) => before.places[b[i] ?? 0]?.clause === after.places[a[j] ?? 0]?.clause,
  };
}

/** Matches clause subsets given by global indices; links in and out are in global indices too. */
function matchAmong(sides: ClauseSides, b: readonly number[], a: readonly number[], options: MatchOptions, initial: readonly Link[] = []): Link[] {
  if (b.length === 0 || a.length === 0) return [];
  const localBefore = new Map(b.map((i, k) => [i, k]));
  const localAfter = new Map(a.map((j, k) => [j, k]));
  const local = initial.map((l) => ({ ...l, before: localBefore.get(l.before) ?? 0, after: localAfter.get(l.after) ?? 0 }));
  return matchUnits(problemOf(sides, b, a), { ...options, initial: local }).map((l) => ({ ...l, before: b[l.before] ?? 0, after: a[l.after] ?? 0 }));
}

function unlinked(count: number, linked: ReadonlySet<number>): number[] {
  return Array.from({ length: count }, (_, k) => k).filter((k) => !linked.has(k));
}

/**
 * Clauses pair up inside each group of linked articles first; what is left is compared across the
 * whole draft (a clause moved to an unrelated article); only then are split and merged clauses and
 * the gaps between in-order clauses settled inside each group, so a look-alike neighbour does not
 * take a clause that moved away.
 */
function clauseLinks(sides: ClauseSides, pairings: readonly ArticlePairing[]): Link[] {
  const groups = pairings.map((p) => ({
    b: p.before.flatMap((k) => sides.before.ofArticle[k] ?? []),
    a: p.after.flatMap((k) => sides.after.ofArticle[k] ?? []),
  }));
  const inGroups = groups.map((g) => matchAmong(sides, g.b, g.a, { steps: ['pairs'] }));
  const linkedBefore = new Set(inGroups.flat().map((l) => l.before));
  const linkedAfter = new Set(inGroups.flat().map((l) => l.after));
  const across = matchAmong(sides, unlinked(sides.before.places.length, linkedBefore), unlinked(sides.after.places.length, linkedAfter), {
    steps: ['pairs'],
    pairMin: ACROSS_ARTICLES_MIN,
  });
  const movedBefore = new Set(across.map((l) => l.before));
  const movedAfter = new Set(across.map((l) => l.after));
  const settled = groups.flatMap((g, k) =>
    matchAmong(sides, g.b.filter((i) => !movedBefore.has(i)), g.a.filter((j) => !movedAfter.has(j)), { steps: ['pieces', 'gaps'] }, inGroups[k]),
  );
  return [...settled, ...across];
}

/** The best score of each listed unit with any unit of the other side, from one overlap. */
function bestScores(sides: ClauseSides, units: readonly number[], side: 'before' | 'after'): Map<number, number> {
  const all = Array.from({ length: sides[side === 'before' ? 'after' : 'before'].places.length }, (_, k) => k);
  const problem = side === 'before' ? problemOf(sides, units, all) : problemOf(sides, all, units);
  const best = new Map<number, number>();
  units.forEach((unit, u) => {
    let top = 0;
    for (let k = 0; k < all.length; k += 1) top = Math.max(top, side === 'before' ? pairScore(problem, u, k) : pairScore(problem, k, u));
    best.set(unit, top);
  });
  return best;
}

export function alignClauses(before: ClauseUnits, after: ClauseUnits, pairings: readonly ArticlePairing[], vocabularySize: number): ClauseCorrespondence[] {
  const sides: ClauseSides = { before, after, idf: inverseFrequencies([...before.features, ...after.features], vocabularySize) };
  const links = clauseLinks(sides, pairings);
  const bestBefore = bestScores(sides, unlinked(before.places.length, new Set(links.map((l) => l.before))), 'before');
  const bestAfter = bestScores(sides, unlinked(after.places.length, new Set(links.map((l) => l.after))), 'after');
  return correspondencesOf(links, {
    beforeKeys: before.places,
    afterKeys: after.places,
    sameKey: (x, y) => x.article === y.article && x.clause === y.clause,
    sameText: (i, j) => before.texts[i] === after.texts[j],
    similarity: (i, j) => ({ text: diceOf(problemOf(sides, [i], [j]).text, 0, 0), title: 0 }),
    bestScoreBefore: (i) => bestBefore.get(i) ?? 0,
    bestScoreAfter: (j) => bestAfter.get(j) ?? 0,
  });
}
