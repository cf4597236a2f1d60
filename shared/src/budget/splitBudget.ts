/**
 * Shares a whole number of seconds out by weight, largest remainder first, so the parts always sum to the
 * total; ties go to the earlier taker, so the split is the same on every node.
 */
export function splitByWeight(totalS: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (totalS * w) / sum);
  const parts = exact.map(Math.floor);
  let left = totalS - parts.reduce((a, p) => a + p, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}
