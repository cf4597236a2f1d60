import type { ClauseCorrespondence } from './alignmentTypes';
import { correspondencesOf } from './groupLinks';
import type { Link } from './links';
import { matchUnits } from './matchUnits';
import { diceOf, overlapOf } from './overlap';
import { pairScore, type MatchProblem } from './pairScores';
import type { ClauseUnits } from './draftUnits';
import { inverseFrequencies } from './textFeatures';

/** Two article groups' worth of clauses: which clauses of the earlier draft each side holds. */
export interface ArticlePairing {
  before: number[];
  after: number[];
}

function problemOf(before: ClauseUnits, after: ClauseUnits, b: number[], a: number[], idf: Float64Array, fillGaps: boolean): MatchProblem {
  return {
    text: overlapOf(b.map((i) => before.features[i] ?? new Int32Array()), a.map((j) => after.features[j] ?? new Int32Array()), idf),
    sameNumber: (i, j) => before.places[b[i] ?? 0]?.clause === after.places[a[j] ?? 0]?.clause,
    fillGaps,
  };
}

function matchAmong(before: ClauseUnits, after: ClauseUnits, b: number[], a: number[], idf: Float64Array, fillGaps: boolean): Link[] {
  if (b.length === 0 || a.length === 0) return [];
  return matchUnits(problemOf(before, after, b, a, idf, fillGaps)).map((l) => ({ ...l, before: b[l.before] ?? 0, after: a[l.after] ?? 0 }));
}

/**
 * Clauses are matched inside each group of linked articles first (where their order and numbers
 * mean something), then the clauses left over are matched across the whole draft: a clause moved
 * to an unrelated article.
 */
export function alignClauses(before: ClauseUnits, after: ClauseUnits, pairings: readonly ArticlePairing[], vocabularySize: number): ClauseCorrespondence[] {
  const idf = inverseFrequencies([...before.features, ...after.features], vocabularySize);
  const links: Link[] = [];
  for (const pairing of pairings) {
    const b = pairing.before.flatMap((k) => before.ofArticle[k] ?? []);
    const a = pairing.after.flatMap((k) => after.ofArticle[k] ?? []);
    links.push(...matchAmong(before, after, b, a, idf, true));
  }
  const linkedBefore = new Set(links.map((l) => l.before));
  const linkedAfter = new Set(links.map((l) => l.after));
  const restBefore = before.places.map((_, i) => i).filter((i) => !linkedBefore.has(i));
  const restAfter = after.places.map((_, j) => j).filter((j) => !linkedAfter.has(j));
  links.push(...matchAmong(before, after, restBefore, restAfter, idf, false));
  const best = (b: number[], a: number[]) => {
    const problem = problemOf(before, after, b, a, idf, false);
    return Math.max(0, ...a.map((_, j) => pairScore(problem, 0, j)));
  };
  return correspondencesOf(links, {
    beforeKeys: before.places,
    afterKeys: after.places,
    sameKey: (x, y) => x.article === y.article && x.clause === y.clause,
    sameText: (i, j) => before.texts[i] === after.texts[j],
    similarity: (i, j) => ({ text: diceOf(problemOf(before, after, [i], [j], idf, false).text, 0, 0), title: 0 }),
    bestScoreBefore: (i) => best([i], after.places.map((_, j) => j)),
    bestScoreAfter: (j) => Math.max(0, ...before.places.map((_, i) => best([i], [j]))),
  });
}
