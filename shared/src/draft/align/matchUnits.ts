import type { LinkBasis } from './alignmentTypes';
import { LinkSet, type Link } from './links';
import { orderBackbone } from './orderBackbone';
import { afterInBefore, beforeInAfter, diceOf } from './overlap';
import { pairScore, scorePairs, titleScore, type MatchProblem } from './pairScores';

/** A one-to-one link needs this much similarity; lower pairs are left to containment and position. */
const PAIR_MIN = 0.3;
/** Score at which a one-to-one link is fully trusted. */
const PAIR_STRONG = 0.6;
/** Share of an unlinked unit's text found in another unlinked unit for the two to be linked. */
const CONTAINED_MIN = 0.6;
/** Share of a unit's text found in a linked unit for it to be a split piece or merged part beside its siblings… */
const NEIGHBOUR_PIECE_MIN = 0.45;
/** …and away from them, which real revisions rarely do. */
const FAR_PIECE_MIN = 0.85;
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

/** Every unit of the other side holding at least `min` of an unlinked unit's text. */
function homes(count: number, others: number, linked: (k: number) => boolean, contained: (k: number, m: number) => number): Array<[number, number, number]> {
  const found: Array<[number, number, number]> = [];
  for (let k = 0; k < count; k += 1) {
    if (linked(k)) continue;
    for (let m = 0; m < others; m += 1) {
      const share = contained(k, m);
      if (share >= NEIGHBOUR_PIECE_MIN) found.push([k, m, share]);
    }
  }
  return found;
}

/** Where unlinked units' text went (merged) or came from (split), most contained first. */
function piecesOf(problem: MatchProblem, links: LinkSet): Piece[] {
  const { before, after } = problem.text;
  const split = homes(after, before, (j) => links.partnersOfAfter(j).length > 0, (j, i) => afterInBefore(problem.text, i, j));
  const merged = homes(before, after, (i) => links.partnersOfBefore(i).length > 0, (i, j) => beforeInAfter(problem.text, i, j));
  return [
    ...split.map(([j, i, contained]) => ({ before: i, after: j, contained })),
    ...merged.map(([i, j, contained]) => ({ before: i, after: j, contained })),
  ].sort((a, b) => b.contained - a.contained || a.before - b.before || a.after - b.after);
}

/** Whether the piece would sit next to its siblings: a split's pieces follow one another, merged units were neighbours. */
function besideSiblings(links: LinkSet, piece: Piece): boolean {
  const siblingsAfter = links.partnersOfBefore(piece.before);
  const siblingsBefore = links.partnersOfAfter(piece.after);
  return siblingsAfter.some((j) => Math.abs(j - piece.after) === 1) || siblingsBefore.some((i) => Math.abs(i - piece.before) === 1);
}

function minimumShare(links: LinkSet, piece: Piece): number {
  const alone = links.partnersOfBefore(piece.before).length === 0 && links.partnersOfAfter(piece.after).length === 0;
  if (alone) return CONTAINED_MIN;
  return besideSiblings(links, piece) ? NEIGHBOUR_PIECE_MIN : FAR_PIECE_MIN;
}

/**
 * Split pieces and merged parts: unlinked units whose text sits inside a unit of the other draft.
 * Repeated while it finds some, so the third piece of a split joins once the second sits beside the first.
 */
function linkPieces(problem: MatchProblem, links: LinkSet): void {
  for (let added = true; added; ) {
    added = false;
    for (const piece of piecesOf(problem, links)) {
      const free = links.partnersOfBefore(piece.before).length === 0 || links.partnersOfAfter(piece.after).length === 0;
      if (!free || !links.keepsStars(piece.before, piece.after) || piece.contained < minimumShare(links, piece)) continue;
      const confidence = clamp01((piece.contained - 0.3) / 0.4);
      links.add({ before: piece.before, after: piece.after, confidence, basis: basisOf(problem, piece.before, piece.after, 'contained') });
      added = true;
    }
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
