import { DEMO_DRAFT_TEXT } from '../../demoDraft';
import { articlesInOrder } from '../../draft';
import { parseDraft } from '../../parser';
import { renderDraftText } from '../../renderDraftText';
import type { DraftAlignment } from '../alignmentTypes';
import { reviseDraft } from './reviseDraft';
import { percentOf, reviewScore, scoreAlignment } from './scoreAlignment';

const DEMO = parseDraft(DEMO_DRAFT_TEXT).draft;

describe('reviseDraft (test support)', () => {
  it('DA8: the same seed gives the same revision; another seed another', () => {
    const a = reviseDraft(DEMO, { seed: 42 });
    expect(reviseDraft(DEMO, { seed: 42 })).toEqual(a);
    expect(reviseDraft(DEMO, { seed: 43 }).draft).not.toEqual(a.draft);
  });

  it('DA8: the revision is numbered 1, 2, 3… and parses back to itself', () => {
    const { draft } = reviseDraft(DEMO, { seed: 9, count: 8 });
    const numbers = articlesInOrder(draft).map((p) => p.article.number);
    expect(numbers).toEqual(numbers.map((_, k) => k + 1));
    expect(articlesInOrder(parseDraft(renderDraftText(draft)).draft).map((p) => p.article.number)).toEqual(numbers);
  });

  it('DA8: the true mapping names only units that exist in the two drafts', () => {
    const { draft, truth } = reviseDraft(DEMO, { seed: 2, count: 10 });
    const before = new Set(articlesInOrder(DEMO).map((p) => p.article.number));
    const after = new Set(articlesInOrder(draft).map((p) => p.article.number));
    expect(truth.articles.every((l) => before.has(l.before) && after.has(l.after))).toBe(true);
  });

  it('DA9: a proposal that keeps every number scores low once articles moved, so the accuracy target can fail', () => {
    const revised = reviseDraft(DEMO, { seed: 4, count: 1, mix: { insertArticle: 1 }, donors: articlesInOrder(DEMO).map((p) => p.article).slice(0, 1) });
    const byNumber: DraftAlignment = {
      articles: articlesInOrder(DEMO).map(({ article }) => ({
        kind: 'same', before: [article.number], after: [article.number], confidence: 1, changed: false, evidence: { text: 0, title: 0, basis: ['number'] },
      })),
      clauses: [],
    };
    const score = scoreAlignment(DEMO, revised.draft, revised.truth, byNumber);
    expect(percentOf(score.articles)).toBeLessThan(95);
    expect(percentOf(score.clauses)).toBeLessThan(10);
  });

  it('DA9: the review score counts right and wrong article groups and how many of each are flagged below REVIEW_CONFIDENCE', () => {
    const truth = { articles: [{ before: 1, after: 1 }, { before: 2, after: 3 }], clauses: [] };
    const group = (before: number[], after: number[], confidence: number) =>
      ({ kind: 'moved' as const, before, after, confidence, changed: false, evidence: { text: 1, title: 1, basis: [] } });
    const alignment: DraftAlignment = { articles: [group([1], [1], 0.9), group([2], [2], 0.3), group([], [3], 0.9)], clauses: [] };
    expect(reviewScore(alignment, truth)).toEqual({ right: { correct: 0, total: 1 }, wrong: { correct: 1, total: 2 } });
  });
});
