import { DEMO_DRAFT_TEXT } from './demoDraft';
import { articlesInOrder } from './draft';
import { parseDraft } from './parser';
import { renderDraftText } from './renderDraftText';

describe('demo draft', () => {
  const result = parseDraft(DEMO_DRAFT_TEXT);

  it('P2: the demo draft is the Party regulation of 4 chapters and 16 articles, read without warnings', () => {
    expect(result.warnings).toEqual([]);
    expect(result.stats).toEqual({ parts: 0, chapters: 4, sections: 0, articles: 16 });
    expect(result.draft.title).toBe(
      'Quy định về chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức, mối quan hệ công tác của đảng đoàn, ban cán sự đảng cấp tỉnh',
    );
  });

  it('P5: its chapters are those of the product brief', () => {
    expect(result.draft.chapters.map((c) => [c.number, c.title, c.articles.map((a) => a.number)])).toEqual([
      ['I', 'NHỮNG QUY ĐỊNH CHUNG', [1, 2, 3]],
      ['II', 'CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN', [4, 5, 6, 7]],
      ['III', 'CƠ CẤU TỔ CHỨC, NGUYÊN TẮC VÀ CHẾ ĐỘ LÀM VIỆC', [8, 9, 10, 11, 12]],
      ['IV', 'QUAN HỆ CÔNG TÁC VÀ TỔ CHỨC THỰC HIỆN', [13, 14, 15, 16]],
    ]);
    expect(articlesInOrder(result.draft).slice(0, 2).map((p) => p.article.title)).toEqual([
      'Phạm vi điều chỉnh và đối tượng áp dụng',
      'Giải thích từ ngữ',
    ]);
  });

  it('P9: every article has 2 to 4 clauses, and some clauses have points', () => {
    const articles = articlesInOrder(result.draft).map((p) => p.article);
    for (const article of articles) {
      expect(article.clauses.length).toBeGreaterThanOrEqual(2);
      expect(article.clauses.length).toBeLessThanOrEqual(4);
    }
    expect(articles.filter((a) => a.clauses.some((c) => c.items.length > 0)).map((a) => a.number)).toEqual([3, 5, 7, 11]);
  });

  it('P1: the demo text is NFC and its draft renders back to itself', () => {
    expect(DEMO_DRAFT_TEXT.normalize('NFC')).toBe(DEMO_DRAFT_TEXT);
    expect(parseDraft(renderDraftText(result.draft)).draft).toEqual(result.draft);
  });
});
