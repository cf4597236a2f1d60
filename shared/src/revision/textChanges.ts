import type { Correspondence, DraftAlignment } from '../draft/align/alignmentTypes';
import type { Draft } from '../draft/draft';
import { sameTextIn } from './revisionUnits';

function derived<K>(groups: ReadonlyArray<Correspondence<K>>, same: (before: K, after: K) => boolean): Correspondence<K>[] {
  return groups.map((g) => {
    const [from, to] = [g.before[0], g.after[0]];
    const oneToOne = g.before.length === 1 && g.after.length === 1 && from !== undefined && to !== undefined;
    return { ...g, changed: !(oneToOne && same(from, to)) };
  });
}

/**
 * DA18: `changed` is the drafts' word, not the browser's. Every group is `changed` unless it sends one unit to one
 * whose words (NFC) are the same, as `alignDrafts` and `regroup` decide it; whatever the command said is replaced.
 */
export function withTextChanges(before: Draft, after: Draft, alignment: DraftAlignment): DraftAlignment {
  const same = sameTextIn(before, after);
  return { articles: derived(alignment.articles, same.articles), clauses: derived(alignment.clauses, same.clauses) };
}
