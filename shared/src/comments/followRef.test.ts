import type { ClauseCorrespondence, DraftAlignment, ArticleCorrespondence } from '../draft/align';
import { alignDrafts } from '../draft/align';
import { fromWork, toWork, type WorkArticle } from '../draft/align/revision/workingDraft';
import { DEMO_DRAFT_TEXT } from '../draft/demoDraft';
import { parseDraft } from '../draft/parser';
import { followRef } from './followRef';
import { FOLLOW_WORDS_EN, FOLLOW_WORDS_VI, formatFollowedRef } from './formatFollowedRef';

const EVIDENCE = { text: 0.9, title: 0.9, basis: ['text' as const] };
const article = (kind: ArticleCorrespondence['kind'], before: number[], after: number[], confidence = 0.95): ArticleCorrespondence =>
  ({ kind, before, after, confidence, changed: true, evidence: EVIDENCE });
const clause = (kind: ClauseCorrespondence['kind'], before: Array<[number, number]>, after: Array<[number, number]>, confidence = 0.95): ClauseCorrespondence =>
  ({ kind, before: before.map(([a, c]) => ({ article: a, clause: c })), after: after.map(([a, c]) => ({ article: a, clause: c })), confidence, changed: false, evidence: EVIDENCE });

const ALIGNMENT: DraftAlignment = {
  articles: [
    article('moved', [5], [6]),
    article('split', [7], [8, 9]),
    article('merged', [10, 11], [10]),
    article('deleted', [12], [], 0.8),
    article('moved', [13], [14], 0.4),
  ],
  clauses: [
    clause('moved', [[5, 2]], [[6, 2]]),
    clause('moved', [[5, 3]], [[6, 4]]),
    clause('deleted', [[5, 4]], []),
    clause('split', [[7, 1]], [[8, 1], [8, 2]]),
  ],
};

const shown = (ref: Parameters<typeof followRef>[1]) => formatFollowedRef(followRef(ALIGNMENT, ref));

describe('DA11: a comment shows where its article went', () => {
  it('DA11: a moved clause reads old place (draft 1) → new place (draft 2)', () => {
    expect(shown({ article: 5, clause: 2 })).toBe('Điều 5 khoản 2 (dự thảo lần 1) → Điều 6 khoản 2 (dự thảo lần 2)');
    expect(shown({ article: 5, clause: 3, item: 'a' })).toBe('Điều 5 khoản 3 điểm a (dự thảo lần 1) → Điều 6 khoản 4 điểm a (dự thảo lần 2)');
  });

  it('DA11: a split article or clause lists every new place and says it was split', () => {
    expect(shown({ article: 7 })).toBe('Điều 7 (dự thảo lần 1) → Điều 8 và Điều 9 (dự thảo lần 2, tách thành 2 điều)');
    expect(shown({ article: 7, clause: 1, item: 'b' })).toBe('Điều 7 khoản 1 điểm b (dự thảo lần 1) → Điều 8 khoản 1 và Điều 8 khoản 2 (dự thảo lần 2, tách thành 2 khoản)');
  });

  it('DA11: a merged article names what it was merged with', () => {
    expect(shown({ article: 11 })).toBe('Điều 11 (dự thảo lần 1) → Điều 10 (dự thảo lần 2, gộp với Điều 10)');
  });

  it('DA11: a deleted article or clause says it is gone; an article the first draft lacks says so', () => {
    expect(shown({ article: 12, clause: 1 })).toBe('Điều 12 khoản 1 (dự thảo lần 1) → không còn trong dự thảo lần 2');
    expect(shown({ article: 5, clause: 4 })).toBe('Điều 5 khoản 4 (dự thảo lần 1) → không còn trong dự thảo lần 2');
    expect(shown({ article: 99 })).toBe('Điều 99 (dự thảo lần 1) → không có trong dự thảo lần 1');
  });

  it('DA11: a clause the first draft does not have follows its article, numbers kept; an unsure link asks for a check', () => {
    expect(shown({ article: 5, clause: 9 })).toBe('Điều 5 khoản 9 (dự thảo lần 1) → Điều 6 khoản 9 (dự thảo lần 2)');
    expect(shown({ article: 13 })).toBe('Điều 13 (dự thảo lần 1) → Điều 14 (dự thảo lần 2, cần kiểm tra)');
  });

  it('DA11: the drafts are named by the caller, and English reads in English', () => {
    const words = { ...FOLLOW_WORDS_VI, before: 'dự thảo trình hội nghị', after: 'dự thảo tiếp thu' };
    expect(formatFollowedRef(followRef(ALIGNMENT, { article: 5, clause: 2 }), words)).toBe('Điều 5 khoản 2 (dự thảo trình hội nghị) → Điều 6 khoản 2 (dự thảo tiếp thu)');
    expect(formatFollowedRef(followRef(ALIGNMENT, { article: 7 }), FOLLOW_WORDS_EN)).toBe('Article 7 (draft 1) → Article 8 and Article 9 (draft 2, split into 2 articles)');
  });

  it('DA11: through a real alignment, a comment on Điều 5 khoản 2 follows it to Điều 6 khoản 2 when an article is inserted before it', () => {
    const demo = parseDraft(DEMO_DRAFT_TEXT).draft;
    const work = toWork(demo);
    const inserted: WorkArticle = { ...(work[1] as WorkArticle), title: 'Bảo vệ môi trường biển', intro: 'Nghiêm cấm xả dầu, hóa chất độc hại xuống vùng nước cảng biển.', clauses: [], origins: [] };
    work.splice(2, 0, inserted);
    const alignment = alignDrafts(demo, fromWork(demo, work).draft);
    expect(formatFollowedRef(followRef(alignment, { article: 5, clause: 2 }))).toBe('Điều 5 khoản 2 (dự thảo lần 1) → Điều 6 khoản 2 (dự thảo lần 2)');
    expect(formatFollowedRef(followRef(alignment, { article: 1 }))).toBe('Điều 1 (dự thảo lần 1) → Điều 1 (dự thảo lần 2)');
  });
});
