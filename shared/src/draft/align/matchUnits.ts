import type { LinkBasis } from './alignmentTypes';
import { LinkSet, type Link } from './links';
import { orderBackbone } from './orderBackbone';
import { afterInBefore, beforeInAfter, diceOf } from './overlap';
import { pairScore, scorePairs, titleScore, type MatchProblem } from './pairScores';

/** A one-to-one link needs this much similarity; lower pairs are left to containment and position. */
const PAIR_MIN = 0.3;
/** Score at which a one-to-one link is fully trusted. */
const PAIR_STRONG = 0.6;
/** Share of a unit's text found in another for it to count as split off or merged into it. */
const CONTAINED_MIN = 0.6;
/** Between two in-order links, a pair this similar is taken as the same unit much reworded. */
const GAP_MIN = 0.12;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

function basisOf(problem: MatchProblem, i: number, j: number, first: LinkBasis): LinkBasis[] {
  const basis: LinkBasis[] = [first];
  if (first !== 'text' && diceOf(problem.text, i, j) >= PAIR_MIN) basis.push('text');
  if (titleScore(problem, i, j) >= 0.5) basis.push('title');
  if (problem.sameNumber(i, j)) basis.push('number');
  return basis;
}

/** Greedy one-to-one links, best pair first: the bulk of any revision. */
function linkOneToOne(problem: MatchProblem, links: LinkSet, pairMin: number): void {
  const { pairs, runnerUp } = scorePairs(problem, pairMin);
  for (const pair of pairs) {
    if (links.partnersOfBefore(pair.before).length > 0 || links.partnersOfAfter(pair.after).length > 0) continue;
    // A clear winner is sure; one barely ahead of the runner-up is worth a look.
    const clear = 0.5 + 0.5 * clamp01((pair.score - runnerUp(pair)) / 0.3);
    const confidence = clamp01(pair.score / PAIR_STRONG) * clear;
    links.add({ before: pair.before, after: pair.after, confidence, basis: basisOf(problem, pair.before, pair.after, 'text') });
  }
}

interface Piece {
  before: number;
  after: number;
  contained: number;
}

/** For each unlinked unit on one side, the unit of the other side holding most of its text. */
function bestHomes(count: number, others: number, linked: (k: number) => boolean, contained: (k: number, m: number) => number): Array<[number, number, number]> {
  const homes: Array<[number, number, number]> = [];
  for (let k = 0; k < count; k += 1) {
    if (linked(k)) continue;
    let best: [number, number, number] | undefined;
    for (let m = 0; m < others; m += 1) {
      const share = contained(k, m);
      if (share >= CONTAINED_MIN && (!best || share > best[2])) best = [k, m, share];
    }
    if (best) homes.push(best);
  }
  return homes;
}

/** The best home of each unlinked unit: where most of its text went (merged) or came from (split). */
function piecesOf(problem: MatchProblem, links: LinkSet): Piece[] {
  const { before, after } = problem.text;
  const split = bestHomes(after, before, (j) => links.partnersOfAfter(j).length > 0, (j, i) => afterInBefore(problem.text, i, j));
  const merged = bestHomes(before, after, (i) => links.partnersOfBefore(i).length > 0, (i, j) => beforeInAfter(problem.text, i, j));
  return [
    ...split.map(([j, i, contained]) => ({ before: i, after: j, contained })),
    ...merged.map(([i, j, contained]) => ({ before: i, after: j, contained })),
  ].sort((a, b) => b.contained - a.contained);
}

/** Split pieces and merged parts: unlinked units whose text sits inside a unit of the other draft. */
function linkPieces(problem: MatchProblem, links: LinkSet): void {
  for (const piece of piecesOf(problem, links)) {
    const free = links.partnersOfBefore(piece.before).length === 0 || links.partnersOfAfter(piece.after).length === 0;
    if (!free || !links.keepsStars(piece.before, piece.after)) continue;
    const confidence = clamp01((piece.contained - 0.4) / 0.4);
    links.add({ before: piece.before, after: piece.after, confidence, basis: basisOf(problem, piece.before, piece.after, 'contained') });
  }
}

function unlinkedIn(count: number, from: number, to: number, isLinked: (k: number) => boolean): number[] {
  const out: number[] = [];
  for (let k = from + 1; k < Math.min(to, count); k += 1) if (!isLinked(k)) out.push(k);
  return out;
}

/** Units left between two in-order links, paired by similarity when they are similar enough. */
function linkGaps(problem: MatchProblem, links: LinkSet): void {
  const { before, after } = problem.text;
  const backbone = [{ before: -1, after: -1 }, ...orderBackbone(links.links), { before, after }];
  for (let k = 1; k < backbone.length; k += 1) {
    const from = backbone[k - 1];
    const to = backbone[k];
    if (!from || !to) continue;
    const befores = unlinkedIn(before, from.before, to.before, (i) => links.partnersOfBefore(i).length > 0);
    const afters = unlinkedIn(after, from.after, to.after, (j) => links.partnersOfAfter(j).length > 0);
    const pairs = befores.flatMap((i) => afters.map((j) => ({ i, j, score: pairScore(problem, i, j) })));
    pairs.sort((a, b) => b.score - a.score);
    for (const { i, j, score } of pairs) {
      if (score < GAP_MIN || links.partnersOfBefore(i).length > 0 || links.partnersOfAfter(j).length > 0) continue;
      links.add({ before: i, after: j, confidence: clamp01(0.3 + score), basis: basisOf(problem, i, j, 'position') });
    }
  }
}

export type MatchStep = 'pairs' | 'pieces' | 'gaps';

export interface MatchOptions {
  /** Which steps to run, in this order: one-to-one pairs, split and merged pieces, gaps between in-order links. */
  steps?: readonly MatchStep[];
  /** Links already made (by an earlier pass) that the steps build on. */
  initial?: readonly Link[];
  /** Similarity a one-to-one pair needs. */
  pairMin?: number;
}

/** Links between the units of two drafts (articles, or the clauses of linked articles). */
export function matchUnits(problem: MatchProblem, options: MatchOptions = {}): Link[] {
  const links = new LinkSet(problem.text.before, problem.text.after);
  for (const link of options.initial ?? []) links.add(link);
  for (const step of options.steps ?? ['pairs', 'pieces', 'gaps']) {
    if (step === 'pairs') linkOneToOne(problem, links, options.pairMin ?? PAIR_MIN);
    else if (step === 'pieces') linkPieces(problem, links);
    else linkGaps(problem, links);
  }
  return links.links;
}
