import type { Link } from './links';

/**
 * The longest chain of links in the same order on both sides (longest increasing subsequence):
 * what stayed in place, around which the rest moved. Patience sorting, O(n log n).
 */
export function orderBackbone(links: readonly Link[]): Link[] {
  const sorted = [...links].sort((a, b) => a.before - b.before || b.after - a.after);
  const tails: number[] = [];
  const previous = new Int32Array(sorted.length).fill(-1);
  sorted.forEach((link, k) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((sorted[tails[mid] ?? 0]?.after ?? 0) < link.after) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[k] = tails[low - 1] ?? -1;
    tails[low] = k;
  });
  const chain: Link[] = [];
  for (let k = tails[tails.length - 1] ?? -1; k >= 0; k = previous[k] ?? -1) {
    const link = sorted[k];
    if (link) chain.push(link);
  }
  return chain.reverse();
}
