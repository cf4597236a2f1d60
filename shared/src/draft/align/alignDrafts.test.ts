import { DEMO_DRAFT_TEXT } from '../demoDraft';
import { DraftSchema, type Article, type Draft } from '../draft';
import { parseDraft } from '../parser';
import { alignDrafts } from './alignDrafts';
import type { ArticleCorrespondence } from './alignmentTypes';
import { REVISIONS, reviseDraft, scoreAlignment, percentOf, type RevisionKind } from './revision';
import { fromWork, toWork, type WorkArticle } from './revision/workingDraft';

const DEMO = parseDraft(DEMO_DRAFT_TEXT).draft;

/** Text from another kind of document, so an inserted article is truly new. */
const DONORS: Article[] = DraftSchema.parse({
  title: 'Nguồn',
  articles: [
    { number: 1, title: 'Bảo vệ môi trường biển', clauses: [
      { number: 1, text: 'Tổ chức, cá nhân khai thác tài nguyên biển phải thu gom chất thải rắn và nước thải phát sinh trên tàu thuyền.' },
      { number: 2, text: 'Nghiêm cấm xả dầu, hóa chất độc hại xuống vùng nước cảng biển và vùng biển ven bờ.' },
    ] },
    { number: 2, title: 'Phí sử dụng đường bộ', intro: 'Chủ phương tiện giao thông cơ giới đường bộ nộp phí theo chu kỳ đăng kiểm của xe ô tô, rơ moóc và sơ mi rơ moóc.' },
  ],
}).articles;

function articleKinds(before: Draft, after: Draft): ArticleCorrespondence[] {
  return alignDrafts(before, after).articles;
}

describe('alignDrafts', () => {
  it('DA1: a draft aligned with itself keeps every article and clause under the same number, unchanged and sure', () => {
    const alignment = alignDrafts(DEMO, DEMO);
    expect(alignment.articles.every((c) => c.kind === 'same' && !c.changed && c.confidence > 0.9)).toBe(true);
    expect(alignment.articles.map((c) => c.before[0])).toEqual(alignment.articles.map((c) => c.after[0]));
    expect(alignment.clauses.every((c) => c.kind === 'same')).toBe(true);
  });

  it('DA1: an article inserted near the start renumbers the rest: they are moved, the insertion is new', () => {
    const work = toWork(DEMO);
    work.splice(1, 0, { ...(work[0] as WorkArticle), title: 'Bảo vệ môi trường biển', intro: DONORS[1]?.intro ?? '', clauses: [], origins: [] });
    const kinds = articleKinds(DEMO, fromWork(DEMO, work).draft);
    expect(kinds.filter((c) => c.kind === 'new')).toEqual([expect.objectContaining({ before: [], after: [2] })]);
    expect(kinds[0]).toMatchObject({ kind: 'same', before: [1], after: [1] });
    expect(kinds.find((c) => c.before[0] === 2)).toMatchObject({ kind: 'moved', after: [3], changed: false });
    expect(kinds.filter((c) => c.kind === 'moved')).toHaveLength(15);
  });

  it('DA1: merged articles are one group of several → one, split articles one → several, each with why', () => {
    const merged = reviseDraft(DEMO, { seed: 3, count: 1, mix: { mergeArticles: 1 } });
    const mergedGroup = articleKinds(DEMO, merged.draft).find((c) => c.kind === 'merged');
    expect(mergedGroup?.before).toHaveLength(2);
    expect(mergedGroup?.after).toHaveLength(1);
    expect(mergedGroup?.evidence.basis).toContain('contained');
    const split = reviseDraft(DEMO, { seed: 3, count: 1, mix: { splitArticle: 1 } });
    const splitGroup = articleKinds(DEMO, split.draft).find((c) => c.kind === 'split');
    expect(splitGroup?.before).toHaveLength(1);
    expect(splitGroup?.after).toHaveLength(2);
  });

  it('DA4: a deleted article has no successor and says how sure that is', () => {
    const revised = reviseDraft(DEMO, { seed: 11, count: 1, mix: { deleteArticle: 1 } });
    const deleted = articleKinds(DEMO, revised.draft).filter((c) => c.kind === 'deleted');
    expect(deleted).toHaveLength(1);
    expect(deleted[0]?.after).toEqual([]);
    expect(deleted[0]?.confidence).toBeGreaterThan(0.3);
  });

  it('DA1: a reworded article keeps its number, marked changed', () => {
    const revised = reviseDraft(DEMO, { seed: 5, count: 1, mix: { rewordArticle: 1 } });
    const kinds = articleKinds(DEMO, revised.draft);
    expect(kinds.every((c) => c.kind === 'same')).toBe(true);
    expect(kinds.filter((c) => c.changed)).toHaveLength(1);
  });

  it('DA2: articles compare by words whatever the Unicode form (NFD text aligns with NFC)', () => {
    const nfd = DraftSchema.parse(JSON.parse(JSON.stringify(DEMO).normalize('NFD')));
    expect(alignDrafts(DEMO, nfd).articles.every((c) => c.kind === 'same' && c.evidence.text > 0.99)).toBe(true);
  });
});

const KINDS = Object.keys(REVISIONS) as RevisionKind[];

describe('DA7: each kind of revision alone is mapped exactly, article and clause', () => {
  it.each(KINDS)('%s, three revisions of that kind, five seeds', (kind) => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const revised = reviseDraft(DEMO, { seed, donors: DONORS, count: 3, mix: { [kind]: 1 } });
      expect(revised.applied.length > 0 && revised.applied.every((k) => k === kind)).toBe(true);
      const score = scoreAlignment(DEMO, revised.draft, revised.truth, alignDrafts(DEMO, revised.draft));
      expect({ seed, articles: percentOf(score.articles), clauses: percentOf(score.clauses) }).toEqual({ seed, articles: 100, clauses: 100 });
    }
  });
});
