/**
 * Weighted overlap of every text of one draft with every text of the other, through an inverted
 * index: the work is the number of (before, after) pairs sharing a feature, not all pairs times
 * their lengths, which keeps a 400-article draft well under a second.
 */
export interface Overlap {
  readonly before: number;
  readonly after: number;
  /** Weight of the features unit i (before) and unit j (after) share, at i * after + j. */
  readonly shared: Float64Array;
  readonly weightBefore: Float64Array;
  readonly weightAfter: Float64Array;
}

function weightOf(bag: Int32Array, idf: Float64Array): number {
  let sum = 0;
  for (const id of bag) sum += idf[id] ?? 0;
  return sum;
}

/** Feature → the after units holding it, as compressed rows (offsets into one array). */
function postings(after: readonly Int32Array[], vocabularySize: number): { start: Uint32Array; units: Uint32Array } {
  const start = new Uint32Array(vocabularySize + 1);
  for (const bag of after) for (const id of bag) start[id + 1] = (start[id + 1] ?? 0) + 1;
  for (let id = 0; id < vocabularySize; id += 1) start[id + 1] = (start[id + 1] ?? 0) + (start[id] ?? 0);
  const fill = start.slice(0, vocabularySize);
  const units = new Uint32Array(start[vocabularySize] ?? 0);
  after.forEach((bag, j) => {
    for (const id of bag) {
      const at = fill[id] ?? 0;
      units[at] = j;
      fill[id] = at + 1;
    }
  });
  return { start, units };
}

/** Weight of the features two sorted feature sets share. */
function sharedWeight(a: Int32Array, b: Int32Array, idf: Float64Array): number {
  let sum = 0;
  for (let x = 0, y = 0; x < a.length && y < b.length; ) {
    const p = a[x] ?? 0;
    const q = b[y] ?? 0;
    if (p === q) sum += idf[p] ?? 0;
    if (p <= q) x += 1;
    if (q <= p) y += 1;
  }
  return sum;
}

/** Below this many pairs, walking each pair's sorted features beats building an index over the whole vocabulary. */
const INDEX_PAIRS_MIN = 4_096;

function sharedByIndex(before: readonly Int32Array[], after: readonly Int32Array[], idf: Float64Array, shared: Float64Array): void {
  const { start, units } = postings(after, idf.length);
  before.forEach((bag, i) => {
    const row = i * after.length;
    for (const id of bag) {
      const weight = idf[id] ?? 0;
      const end = start[id + 1] ?? 0;
      for (let k = start[id] ?? 0; k < end; k += 1) {
        const at = row + (units[k] ?? 0);
        shared[at] = (shared[at] ?? 0) + weight;
      }
    }
  });
}

export function overlapOf(before: readonly Int32Array[], after: readonly Int32Array[], idf: Float64Array): Overlap {
  const shared = new Float64Array(before.length * after.length);
  if (shared.length >= INDEX_PAIRS_MIN) sharedByIndex(before, after, idf, shared);
  else before.forEach((a, i) => after.forEach((b, j) => (shared[i * after.length + j] = sharedWeight(a, b, idf))));
  return {
    before: before.length,
    after: after.length,
    shared,
    weightBefore: Float64Array.from(before, (bag) => weightOf(bag, idf)),
    weightAfter: Float64Array.from(after, (bag) => weightOf(bag, idf)),
  };
}

/** Dice coefficient of the weighted features, 0–1; 0 when either text is empty. */
export function diceOf(overlap: Overlap, i: number, j: number): number {
  const total = (overlap.weightBefore[i] ?? 0) + (overlap.weightAfter[j] ?? 0);
  return total === 0 ? 0 : (2 * (overlap.shared[i * overlap.after + j] ?? 0)) / total;
}

/** How much of after unit j is found in before unit i (a piece split off i). */
export function afterInBefore(overlap: Overlap, i: number, j: number): number {
  const weight = overlap.weightAfter[j] ?? 0;
  return weight === 0 ? 0 : (overlap.shared[i * overlap.after + j] ?? 0) / weight;
}

/** How much of before unit i is found in after unit j (a piece merged into j). */
export function beforeInAfter(overlap: Overlap, i: number, j: number): number {
  const weight = overlap.weightBefore[i] ?? 0;
  return weight === 0 ? 0 : (overlap.shared[i * overlap.after + j] ?? 0) / weight;
}
