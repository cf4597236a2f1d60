import { findArticle } from '../draft';
import { DECISION_WITH_TABLE, NO_STRUCTURE_TEXT } from './fixtures/decisions';
import { LAW_WITH_CHAPTERS, NUMBERING_MISTAKES } from './fixtures/laws';
import { PARTY_CHAPTERS, PARTY_ROMAN_SECTIONS } from './fixtures/party';
import { parseDraft } from './parseDraft';

describe('articles, clauses and points', () => {
  it('P4: a cross-reference starting a line ("Điều 9 của Luật này") stays in the article', () => {
    const { draft } = parseDraft(NUMBERING_MISTAKES);
    expect(findArticle(draft, 4)?.article.intro).toBe('Điều 9 của Luật này không áp dụng.');
  });

  it('P4: "Điều\\n8" wrapped mid-sentence in a hard-wrapped text is a cross-reference', () => {
    const { draft } = parseDraft(PARTY_ROMAN_SECTIONS);
    expect(findArticle(draft, 2)?.article.clauses.map((c) => c.text)).toEqual([
      'Bảo đảm sự lãnh đạo thống nhất của Đảng theo quy định tại Điều 2, Điều 3 của Quy định này.',
      'Công khai, minh bạch theo quy định tại khoản 1 Điều 3 của Quy định này.',
    ]);
  });

  it('P4: an article number far off the run is text, with a warning', () => {
    const { draft, warnings } = parseDraft(NUMBERING_MISTAKES);
    expect(draft.chapters[0]?.articles.map((a) => a.number)).toEqual([1, 2, 4, 4, 5, 6]);
    expect(warnings.filter((w) => w.code === 'SKIPPED_HEADING').map((w) => w.line)).toEqual([15]);
  });

  it('P9: clauses are numbered 1, 2, 3 inside an article; a number out of order is text', () => {
    const clauses = findArticle(parseDraft(NUMBERING_MISTAKES).draft, 5)?.article.clauses;
    expect(clauses?.map((c) => [c.number, c.text])).toEqual([
      [1, 'Khoản một.\n3. Không phải khoản ba.'],
      [2, 'Khoản hai.\nĐiều 40. Không phải Điều 40\nNội dung.'],
    ]);
  });

  it('P9: a clause starting "1. Chương trình …" is a clause, not a chapter', () => {
    const article = findArticle(parseDraft(PARTY_CHAPTERS).draft, 2)?.article;
    expect(article?.clauses[0]).toEqual({ number: 1, text: 'Chương trình công tác tuần, tháng, quý, năm.', items: [] });
  });

  it('P9: table cells "1" and "1.300" inside an article are not clauses', () => {
    expect(parseDraft(DECISION_WITH_TABLE).draft.articles[0]?.clauses).toEqual([]);
  });

  it('P10: points a) … đ) belong to the clause before them', () => {
    const clause = findArticle(parseDraft(LAW_WITH_CHAPTERS).draft, 2)?.article.clauses[1];
    expect(clause?.text).toBe('Các hình thức phục vụ gồm:');
    expect(clause?.items.map((i) => i.letter)).toEqual(['a', 'b', 'c', 'd', 'đ']);
    expect(clause?.items[4]?.text).toBe('Hình thức khác.');
  });

  it('P10: a point with no clause, or a letter going back, is text', () => {
    const { draft } = parseDraft('Điều 1. A\na) Không có khoản.\n1. Khoản:\na) Một;\nb) Hai;\na) Không phải điểm a.');
    expect(draft.articles[0]).toEqual({
      number: 1, title: 'A', intro: 'a) Không có khoản.',
      clauses: [{ number: 1, text: 'Khoản:', items: [{ letter: 'a', text: 'Một;' }, { letter: 'b', text: 'Hai;\na) Không phải điểm a.' }] }],
    });
  });

  it('P10: a skipped letter ("đ)" right after "b)") is a point of its own, with a warning beside its line', () => {
    const { draft, warnings } = parseDraft('Điều 1. A\n1. Khoản:\na) Một;\nb) Hai;\nđ) Năm.\ny) Quá xa, là nội dung.');
    expect(draft.articles[0]?.clauses[0]?.items.map((i) => [i.letter, i.text])).toEqual([['a', 'Một;'], ['b', 'Hai;'], ['đ', 'Năm.\ny) Quá xa, là nội dung.']]);
    expect(warnings).toEqual([{ code: 'POINT_GAP', line: 5, message: 'Thiếu điểm c, d (sau điểm b)' }]);
  });

  it('P11: text goes to the open point, clause or intro, joined by line breaks', () => {
    const { draft } = parseDraft('Điều 1. A\nMở đầu.\nTiếp.\n1. Khoản:\na) Điểm;\nThêm vào điểm.');
    expect(draft.articles[0]).toEqual({
      number: 1, title: 'A', intro: 'Mở đầu.\nTiếp.',
      clauses: [{ number: 1, text: 'Khoản:', items: [{ letter: 'a', text: 'Điểm;\nThêm vào điểm.' }] }],
    });
  });

  it('P11: text between a chapter heading and its first article is reported', () => {
    const { warnings } = parseDraft(NUMBERING_MISTAKES);
    expect(warnings[0]).toEqual({ code: 'UNPLACED_TEXT', line: 3, message: 'Đoạn văn không thuộc Điều nào: “Chương này quy định những vấn đề chung.”' });
  });
});

describe('warnings', () => {
  it('P15: gaps, repeats and empty articles, with 1-based lines, in line order', () => {
    const { warnings } = parseDraft(NUMBERING_MISTAKES);
    expect(warnings.map((w) => [w.code, w.line, w.message])).toEqual([
      ['UNPLACED_TEXT', 3, 'Đoạn văn không thuộc Điều nào: “Chương này quy định những vấn đề chung.”'],
      ['EMPTY_ARTICLE', 6, 'Điều 2 không có nội dung'],
      ['ARTICLE_GAP', 7, 'Thiếu Điều 3 (sau Điều 2)'],
      ['ARTICLE_REPEAT', 9, 'Điều 4 bị lặp lại (đã có ở dòng 7)'],
      ['SKIPPED_HEADING', 15, expect.stringContaining('Điều 40')],
    ]);
  });

  it('P15: a gap of several articles names the range', () => {
    const { warnings } = parseDraft('Điều 1. A\nB.\nĐiều 5. C\nD.');
    expect(warnings).toEqual([{ code: 'ARTICLE_GAP', line: 3, message: 'Thiếu Điều 2 đến Điều 4 (sau Điều 1)' }]);
  });

  it('P15: a text with no article says so', () => {
    const result = parseDraft(NO_STRUCTURE_TEXT);
    expect(result.warnings).toEqual([{ code: 'NO_STRUCTURE', line: 1, message: expect.stringContaining('Không tìm thấy Điều nào') }]);
    expect(result.draft).toEqual({ title: 'Biên bản họp', chapters: [], articles: [] });
  });

  it('P15: an empty input gives an empty draft titled "Dự thảo"', () => {
    const result = parseDraft('');
    expect(result.draft.title).toBe('Dự thảo');
    expect(result.stats).toEqual({ parts: 0, chapters: 0, sections: 0, articles: 0 });
  });
});
