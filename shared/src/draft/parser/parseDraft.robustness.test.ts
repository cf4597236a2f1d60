import { DEMO_DRAFT_TEXT } from '../demoDraft';
import { DECISION_WITH_PLAN, DECISION_WITH_TABLE } from './fixtures/decisions';
import { CONSTITUTION_STYLE, LAW_WITH_CHAPTERS } from './fixtures/laws';
import { outline } from './fixtures/outline';
import { PARTY_ROMAN_SECTIONS } from './fixtures/party';
import { hardWrap } from './fixtures/wrap';
import { parseDraft } from './parseDraft';

const SIMPLE = 'Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n1. Quy định này áp dụng chung.\na) Điểm một;';

describe('real files', () => {
  it('P1: NFD input gives the same NFC draft', () => {
    const nfd = SIMPLE.normalize('NFD');
    expect(nfd).not.toBe(SIMPLE);
    const { draft } = parseDraft(nfd);
    expect(draft).toEqual(parseDraft(SIMPLE).draft);
    expect(draft.chapters[0]?.articles[0]?.title.normalize('NFC')).toBe(draft.chapters[0]?.articles[0]?.title);
  });

  it('P1: CRLF, non-breaking spaces, tabs, a byte-order mark, soft hyphens and stray blank lines', () => {
    const messy = `\uFEFF${SIMPLE.replace(/ /g, '\u00A0').replace(/\n/g, '\r\n\r\n\t')}`.replace('Phạm', 'Phạm\u00AD');
    expect(parseDraft(messy).draft).toEqual(parseDraft(SIMPLE).draft);
  });

  it('P1: line numbers count the input lines, CRLF or not', () => {
    const text = 'Điều 1. A\r\nB.\r\n\r\nĐiều 3. C\r\nD.';
    expect(parseDraft(text).warnings).toEqual([expect.objectContaining({ code: 'ARTICLE_GAP', line: 4 })]);
  });

  it('P12: the adoption formula and the signature are not part of the last article', () => {
    const last = parseDraft(LAW_WITH_CHAPTERS).draft.chapters[1]?.articles[1];
    expect(last?.intro).toBe('Luật này có hiệu lực từ ngày 01 tháng 01 năm 2031.');
    const constitution = parseDraft(CONSTITUTION_STYLE).draft.chapters[1]?.articles[0];
    expect(constitution?.intro).toBe('Mọi người có quyền sống.');
  });

  it('P12: an attached plan after "Nơi nhận:" and "KT. BỘ TRƯỞNG" is left out, with a warning', () => {
    const { draft, warnings } = parseDraft(DECISION_WITH_PLAN);
    expect(draft.articles.map((a) => a.number)).toEqual([1, 2, 3]);
    expect(draft.articles[2]?.clauses).toEqual([]);
    expect(draft.articles[2]?.intro).toMatch(/thi hành Quyết định này\.$/);
    expect(warnings).toEqual([{ code: 'TRAILING_TEXT', line: 20, message: 'Phần sau chữ ký, từ “KẾ HOẠCH”, không được đưa vào dự thảo' }]);
  });

  it('P12: "TM. ỦY BAN NHÂN DÂN" and an annex "PHỤ LỤC" end the draft', () => {
    expect(parseDraft(DECISION_WITH_TABLE).draft.articles[1]?.intro).toBe('Quyết định này có hiệu lực kể từ ngày ký.');
    const { draft, warnings } = parseDraft(PARTY_ROMAN_SECTIONS);
    expect(draft.chapters[1]?.articles[1]?.intro).toBe('Các cơ quan, tổ chức có trách nhiệm thực hiện Quy định này.');
    expect(warnings.map((w) => w.code)).toEqual(['TRAILING_TEXT']);
  });

  it('P12: table rows "CHƯƠNG I: …" and "Mục V, số thứ tự 24" inside an article are text', () => {
    const { draft, stats, warnings } = parseDraft(DECISION_WITH_TABLE);
    expect(stats).toEqual({ parts: 0, chapters: 0, sections: 0, articles: 2 });
    expect(draft.articles[0]?.intro).toContain('CHƯƠNG II: XE Ô TÔ DO ĐỨC SẢN XUẤT\n');
    expect(warnings.filter((w) => w.code === 'SKIPPED_HEADING').map((w) => w.line)).toEqual([8, 12, 13]);
  });

  it('P13: markdown bold, headings, escapes and table pipes are removed', () => {
    const md = '# **Chương I**\n\n**QUY ĐỊNH CHUNG**\n\n**Điều 1.** Quy định này áp dụng chung.\n\n1\\. Khoản *một*.\n\n| a) | Điểm một. |';
    const { draft } = parseDraft(md);
    expect(outline(draft)).toEqual(['Chương I: QUY ĐỊNH CHUNG', 'Điều 1: ']);
    expect(draft.chapters[0]?.articles[0]).toEqual({
      number: 1, title: '', intro: 'Quy định này áp dụng chung.',
      clauses: [{ number: 1, text: 'Khoản *một*.', items: [{ letter: 'a', text: 'Điểm một.' }] }],
    });
  });

  it('P13: hard-wrapped paragraphs are joined; blank lines separate them', () => {
    const { draft } = parseDraft(PARTY_ROMAN_SECTIONS);
    expect(draft.chapters[0]?.articles[0]?.intro).toBe('Quy định này áp dụng đối với các cơ quan, tổ chức của Đảng ở Trung ương và địa phương.');
  });

  it('P13: a hard-wrapped text without blank lines still starts a heading after a finished line', () => {
    const text = 'Điều 1. Phạm vi\nQuy định này áp dụng đối với các cơ\nquan của Đảng ở Trung ương và ở\nđịa phương theo quy định tại Điều\n2 của Quy định này.\nĐiều 2. Đối tượng\nCác cơ quan, tổ chức có liên\nquan.';
    const { draft } = parseDraft(text);
    expect(draft.articles.map((a) => [a.number, a.title])).toEqual([[1, 'Phạm vi'], [2, 'Đối tượng']]);
    expect(draft.articles[0]?.intro).toBe('Quy định này áp dụng đối với các cơ quan của Đảng ở Trung ương và ở địa phương theo quy định tại Điều 2 của Quy định này.');
  });

  it.each([40, 60, 80].flatMap((width) => [true, false].flatMap((blankLines) => [true, false].map((boldHeadings) => ({ width, blankLines, boldHeadings })))))(
    'P13: the demo draft hard-wrapped at $width columns (blank lines $blankLines, bold headings $boldHeadings) reads the same',
    (layout) => {
      const { draft, warnings } = parseDraft(hardWrap(DEMO_DRAFT_TEXT, layout.width, layout));
      expect(draft).toEqual(parseDraft(DEMO_DRAFT_TEXT).draft);
      expect(warnings).toEqual([]);
    },
  );

  it('P14: running headers with a changing page number and page-number lines are dropped', () => {
    const filler = (n: number) => Array.from({ length: 10 }, (_, i) => `${n}.${i} Nội dung dòng.`.replace(/^\d+\.\d+ /, ''));
    const page = (n: number) => [`CÔNG BÁO/Số 12/Ngày 1-7-2030 ${n}`, ...filler(n), `- ${n} -`];
    const text = ['Điều 1. A', ...page(1), ...page(2), ...page(3)].join('\n');
    const intro = parseDraft(text).draft.articles[0]?.intro ?? '';
    expect(intro).not.toContain('CÔNG BÁO');
    expect(intro).not.toMatch(/- \d -/);
    expect(intro.split('\n')).toHaveLength(30);
  });

  it('P14: numbered lines close together ("Mẫu số 01, 02, 03") are kept', () => {
    const intro = parseDraft('Điều 1. A\nMẫu số 01\nMẫu số 02\nMẫu số 03').draft.articles[0]?.intro;
    expect(intro).toBe('Mẫu số 01\nMẫu số 02\nMẫu số 03');
  });
});

describe('headings run into the text before them (a copy that lost its line breaks)', () => {
  it('P19: chapters, articles, clauses and points still come out; "tại Điều 5." and "tại Chương II của" stay text', () => {
    const flat = 'QUY ĐỊNH về công tác mẫu Chương I. QUY ĐỊNH CHUNG Điều 1. Phạm vi Quy định này áp dụng theo Chương II của Luật và tại Điều 5. Điều 2. Đối tượng 1. Cán bộ, công chức. 2. Viên chức: a) Trong cơ quan; b) Ngoài cơ quan. Chương II. QUYỀN VÀ NGHĨA VỤ Điều 3. Quyền của cán bộ 1. Được bảo đảm điều kiện làm việc. 2. Được hưởng lương.';
    const { draft, warnings } = parseDraft(flat);
    expect(draft.title).toBe('Quy định về công tác mẫu');
    expect(draft.chapters.map((c) => [c.number, c.title, c.articles.map((a) => a.number)])).toEqual([['I', 'QUY ĐỊNH CHUNG', [1, 2]], ['II', 'QUYỀN VÀ NGHĨA VỤ', [3]]]);
    const [first, second] = draft.chapters[0]?.articles ?? [];
    expect(first?.intro).toContain('theo Chương II của Luật và tại Điều 5.');
    expect(second?.title).toBe('Đối tượng');
    expect(second?.clauses.map((c) => [c.number, c.text, c.items.map((i) => [i.letter, i.text])])).toEqual([
      [1, 'Cán bộ, công chức.', []], [2, 'Viên chức:', [['a', 'Trong cơ quan;'], ['b', 'Ngoài cơ quan.']]],
    ]);
    expect(draft.chapters[1]?.articles[0]?.clauses.map((c) => c.text)).toEqual(['Được bảo đảm điều kiện làm việc.', 'Được hưởng lương.']);
    expect(warnings.filter((w) => w.code === 'SKIPPED_HEADING')).toEqual([]);
  });
});
