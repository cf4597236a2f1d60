import { diceOf, type Overlap } from './overlap';

/** What the matcher compares: the texts, the titles (articles only), and whether numbers agree. */
export interface MatchProblem {
  text: Overlap;
  title?: Overlap;
  sameNumber: (before: number, after: number) => boolean;
}

/** A kept number is a tie-breaker, not evidence: renumbering is the rule in a revised draft. */
const NUMBER_BONUS = 0.03;
const TITLE_SHARE = 0.25;

const hasWeight = (o: Overlap, i: number, j: number) => (o.weightBefore[i] ?? 0) > 0 && (o.weightAfter[j] ?? 0) > 0;

/** Similarity of before unit i and after unit j, 0–1 (a little over with the number bonus). */
export function pairScore(problem: MatchProblem, i: number, j: number): number {
  const { text, title } = problem;
  const withText = hasWeight(text, i, j);
  const withTitle = title !== undefined && hasWeight(title, i, j);
  let score = 0;
  if (withText && withTitle) score = (1 - TITLE_SHARE) * diceOf(text, i, j) + TITLE_SHARE * diceOf(title, i, j);
  else if (withText) score = diceOf(text, i, j);
  else if (withTitle) score = diceOf(title, i, j);
  return problem.sameNumber(i, j) ? score + NUMBER_BONUS : score;
}

export function titleScore(problem: MatchProblem, i: number, j: number): number {
  return problem.title === undefined ? 0 : diceOf(problem.title, i, j);
}

export interface ScoredPair {
  before: number;
  after: number;
  score: number;
}

/**
 * Every pair scoring at least `floor`, best first, with each unit's two best scores kept so a link's
 * confidence can say how clearly it beat the runner-up.
 */
export function scorePairs(problem: MatchProblem, floor: number): { pairs: ScoredPair[]; runnerUp: (pair: ScoredPair) => number } {
  const { before, after } = problem.text;
  const rowBest = new Float64Array(before * 2);
  const colBest = new Float64Array(after * 2);
  const pairs: ScoredPair[] = [];
  for (let i = 0; i < before; i += 1) {
    for (let j = 0; j < after; j += 1) {
      const score = pairScore(problem, i, j);
      keepTop(rowBest, i, score);
      keepTop(colBest, j, score);
      if (score >= floor) pairs.push({ before: i, after: j, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.before - b.before || a.after - b.after);
  const second = (top: Float64Array, k: number, score: number) => ((top[2 * k] ?? 0) > score ? (top[2 * k] ?? 0) : (top[2 * k + 1] ?? 0));
  const runnerUp = (pair: ScoredPair) => Math.max(second(rowBest, pair.before, pair.score), second(colBest, pair.after, pair.score));
  return { pairs, runnerUp };
}

function keepTop(top: Float64Array, k: number, score: number): void {
  if (score > (top[2 * k] ?? 0)) {
    top[2 * k + 1] = top[2 * k] ?? 0;
    top[2 * k] = score;
  } else if (score > (top[2 * k + 1] ?? 0)) {
    top[2 * k + 1] = score;
  }
}
