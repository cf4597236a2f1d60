import fc from 'fast-check';
import { DEMO_DRAFT_TEXT } from '../demoDraft';
import { articlesInOrder, type Draft } from '../draft';
import { parseDraft } from '../parser';
import { alignDrafts } from './alignDrafts';
import type { Correspondence } from './alignmentTypes';
import { reviseDraft } from './revision';

const DEMO = parseDraft(DEMO_DRAFT_TEXT).draft;
const EMPTY: Draft = { title: 'Trống', articles: [], chapters: [] };

/** Every unit of each draft is in exactly one group, and no group is several → several. */
function partitions<Key>(groups: ReadonlyArray<Correspondence<Key>>, before: string[], after: string[], id: (k: Key) => string): boolean {
  const seenBefore = groups.flatMap((g) => g.before.map(id)).sort();
  const seenAfter = groups.flatMap((g) => g.after.map(id)).sort();
  const stars = groups.every((g) => g.before.length <= 1 || g.after.length <= 1);
  const bounded = groups.every((g) => g.confidence >= 0 && g.confidence <= 1);
  return stars && bounded && seenBefore.join() === [...before].sort().join() && seenAfter.join() === [...after].sort().join();
}

const articleIds = (d: Draft) => articlesInOrder(d).map((p) => String(p.article.number));
const clauseIds = (d: Draft) => articlesInOrder(d).flatMap(({ article }) => article.clauses.map((c) => `${article.number}.${c.number}`));

describe('alignDrafts properties', () => {
  it('DA1: for any seeded revision, every article and clause of both drafts is in exactly one group, groups are stars, confidence in 0–1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 30 }), (seed, count) => {
        const { draft } = reviseDraft(DEMO, { seed, count });
        const alignment = alignDrafts(DEMO, draft);
        return (
          partitions(alignment.articles, articleIds(DEMO), articleIds(draft), String) &&
          partitions(alignment.clauses, clauseIds(DEMO), clauseIds(draft), (p) => `${p.article}.${p.clause}`)
        );
      }),
      { numRuns: 40 },
    );
  });

  it('DA4: against an empty draft every article is new, or deleted', () => {
    expect(alignDrafts(EMPTY, DEMO).articles.every((g) => g.kind === 'new')).toBe(true);
    expect(alignDrafts(DEMO, EMPTY).articles.every((g) => g.kind === 'deleted')).toBe(true);
    expect(alignDrafts(EMPTY, EMPTY)).toEqual({ articles: [], clauses: [] });
  });

  it('DA1: the same drafts give the same alignment', () => {
    const { draft } = reviseDraft(DEMO, { seed: 77, count: 12 });
    expect(alignDrafts(DEMO, draft)).toEqual(alignDrafts(DEMO, draft));
  });
});
