/**
 * Which "Điều N" lines are article headings. Articles are numbered once across the draft, so
 * the headings form an increasing run 1, 2, 3…; a cross-reference that happens to start a line
 * breaks that run. The chosen headings are the best-scoring chain through the candidates:
 * each next number scores 1, a small gap a little less, a repeated number (a numbering
 * mistake in the draft) less again, and a line far off the run can never join it. A heading
 * with text after it scores a little more than one without (a table of contents), and a loose
 * form ("Điều 5 Chính sách…", which could start a sentence) a little less than "Điều 5.".
 */

export interface ArticleCandidate {
  /** Block index. */
  at: number;
  number: number;
  /** "Điều 5." or "Điều 5" alone: written as a heading, not just starting a sentence. */
  strong: boolean;
  /** Text follows before the next article line (a table of contents lists headings only). */
  hasBody: boolean;
}

/** The largest step between two consecutive article numbers still read as a gap. */
const MAX_STEP = 10;
const GAP_COST = 0.2;
const REPEAT_GAIN = 0.4;
const START_GAIN_FIRST = 1;
const START_GAIN_OTHER = 0.5;
/** Breaks the tie between a table of contents and the articles it lists. */
const BODY_GAIN = 0.05;

/** "Điều 5 Chính sách…" with no full stop could be a sentence; "Điều 5." wins a tie with it. */
const LOOSE_FORM_COST = 0.1;

function stepGain(step: number, candidate: ArticleCandidate, previous: ArticleCandidate | undefined): number | undefined {
  // A number written twice is a drafting slip only when both are headings of real articles.
  if (step === 0) return candidate.strong && previous?.hasBody ? REPEAT_GAIN : undefined;
  if (step < 0 || step > MAX_STEP) return undefined;
  return 1 - GAP_COST * (step - 1);
}

interface ChainEnd {
  score: number;
  /** Index into the candidate list. */
  candidate: number;
}

/** Block indices of the candidates that are article headings, in order. */
export function selectArticleChain(candidates: readonly ArticleCandidate[]): Set<number> {
  const bestEndingAt = new Map<number, ChainEnd>();
  const previous: number[] = [];
  const scores: number[] = [];
  candidates.forEach((c, index) => {
    const own = (c.hasBody ? BODY_GAIN : 0) - (c.strong ? 0 : LOOSE_FORM_COST);
    let score = (c.number === 1 ? START_GAIN_FIRST : START_GAIN_OTHER) + own;
    let from = -1;
    for (let n = Math.max(1, c.number - MAX_STEP); n <= c.number; n += 1) {
      const end = bestEndingAt.get(n);
      const gain = end && stepGain(c.number - n, c, candidates[end.candidate]);
      if (end && gain !== undefined && end.score + gain + own > score) {
        score = end.score + gain + own;
        from = end.candidate;
      }
    }
    scores.push(score);
    previous.push(from);
    const best = bestEndingAt.get(c.number);
    if (!best || score > best.score) bestEndingAt.set(c.number, { score, candidate: index });
  });
  return traceBack(candidates, scores, previous);
}

function traceBack(candidates: readonly ArticleCandidate[], scores: readonly number[], previous: readonly number[]): Set<number> {
  let last = -1;
  scores.forEach((score, index) => {
    if (last < 0 || score > (scores[last] ?? 0)) last = index;
  });
  const chosen = new Set<number>();
  for (let i = last; i >= 0; i = previous[i] ?? -1) {
    const candidate = candidates[i];
    if (candidate) chosen.add(candidate.at);
  }
  return chosen;
}
