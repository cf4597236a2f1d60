import { findArticle } from '../draft';
import { renderDraftText } from '../renderDraftText';
import { DRAFT_WITH_ALTERNATIVES, DRAFT_WITH_DOUBTFUL_ALTERNATIVES, WRAPPED_ALTERNATIVES } from './fixtures/alternatives';
import { alternativeMarker } from './alternatives';
import { parseDraft } from './parseDraft';

describe('alternatives (phương án)', () => {
  it('P20: an article’s alternatives take the clauses under them, which are not the article’s clauses', () => {
    const { draft, warnings } = parseDraft(DRAFT_WITH_ALTERNATIVES);
    const article = findArticle(draft, 2)?.article;
    expect(article?.clauses).toEqual([]);
    expect(article?.alternatives).toEqual([
      { number: 1, text: '1. Thường trực tỉnh ủy gồm bí thư và các phó bí thư.\n2. Số lượng phó bí thư không quá ba.' },
      { number: 2, text: '1. Thường trực tỉnh ủy gồm bí thư, các phó bí thư và một ủy viên ban thường vụ.\n2. Số lượng phó bí thư không quá hai.' },
    ]);
    expect(warnings.filter((w) => w.code.startsWith('ALTERNATIVE') || w.code === 'EMPTY_ARTICLE')).toEqual([]);
  });

  it('P20: a clause ending with a colon takes the alternatives after it; the next clause ends them; a mention mid-sentence is text', () => {
    const article = findArticle(parseDraft(DRAFT_WITH_ALTERNATIVES).draft, 3)?.article;
    expect(article?.alternatives).toBeUndefined();
    expect(article?.clauses.map((c) => [c.number, c.alternatives?.map((a) => a.text)])).toEqual([
      [1, ['Nhiệm kỳ 5 năm, trùng với nhiệm kỳ đại hội.', 'Nhiệm kỳ 5 năm, được đánh giá giữa nhiệm kỳ.']],
      [2, undefined],
      [3, undefined],
    ]);
    expect(article?.clauses[2]?.text).toBe('Việc bầu bổ sung thực hiện theo phương án 1 tại khoản 1 Điều này.');
  });

  it('P20: markers in capitals, Roman numerals, ordinals and with a note in brackets', () => {
    const article = findArticle(parseDraft(DRAFT_WITH_ALTERNATIVES).draft, 4)?.article;
    expect(article?.alternatives?.map((a) => [a.number, a.text])).toEqual([
      [1, 'Các tỉnh ủy, thành ủy chịu trách nhiệm thi hành Quy định này.'],
      [2, 'Các cấp ủy trực thuộc Trung ương chịu trách nhiệm thi hành Quy định này.'],
      [3, 'Ban Tổ chức Trung ương hướng dẫn thi hành Quy định này.'],
    ]);
    expect(alternativeMarker('Phương án được lựa chọn là …')).toBeUndefined();
    expect(alternativeMarker('phương án 1: viết thường')).toBeUndefined();
    expect(alternativeMarker('Phương án 1 của Ban soạn thảo được đa số tán thành.')).toBeUndefined();
  });

  it('P20: in a hard-wrapped draft the wrapped lines join their alternative', () => {
    const article = findArticle(parseDraft(WRAPPED_ALTERNATIVES).draft, 5)?.article;
    expect(article?.clauses[0]?.alternatives?.map((a) => a.text.replace(/\s+/g, ' '))).toEqual([
      'Không quá ba cấp phó; riêng Thành ủy Hà Nội, Thành ủy Thành phố Hồ Chí Minh không quá bốn cấp phó.',
      'Không quá bốn cấp phó đối với các ban có từ mười lăm biên chế trở lên.',
    ]);
    expect(article?.clauses[1]?.text).toBe('Ban Tổ chức Trung ương hướng dẫn việc thực hiện khoản 1 Điều này.');
  });

  it('P21: warnings where unsure: a gap in the numbers, a single alternative, alternatives after a clause that announces none', () => {
    const { draft, warnings } = parseDraft(DRAFT_WITH_DOUBTFUL_ALTERNATIVES);
    expect(warnings.filter((w) => w.code.startsWith('ALTERNATIVE')).map((w) => [w.code, w.line])).toEqual([
      ['ALTERNATIVE_GAP', 3], ['ALTERNATIVE_SINGLE', 6], ['ALTERNATIVE_UNSURE', 10],
    ]);
    expect(findArticle(draft, 3)?.article.clauses[0]?.alternatives).toHaveLength(2);
  });

  it('P20: renderDraftText writes alternatives as "Phương án n: …" and parsing it gives the same tree', () => {
    for (const text of [DRAFT_WITH_ALTERNATIVES, WRAPPED_ALTERNATIVES]) {
      const { draft } = parseDraft(text);
      expect(parseDraft(renderDraftText(draft)).draft).toEqual(draft);
    }
  });
});
