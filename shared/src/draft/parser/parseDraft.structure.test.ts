import { findArticle } from '../draft';
import { ARTICLE_FORMS, CODE_WITH_CONTENTS, CODE_WITH_PARTS, CONSTITUTION_STYLE, LAW_WITH_CHAPTERS } from './fixtures/laws';
import { DECISION_WITH_PLAN } from './fixtures/decisions';
import { outline } from './fixtures/outline';
import { PARTY_CHAPTERS, PARTY_ROMAN_SECTIONS } from './fixtures/party';
import { parseDraft } from './parseDraft';

describe('draft structure', () => {
  it('P2: the preamble is left out and names the draft', () => {
    const { draft } = parseDraft(LAW_WITH_CHAPTERS);
    expect(draft.title).toBe('LUẬT THƯ VIỆN CỘNG ĐỒNG');
    expect(outline(draft)[0]).toBe('Chương I: NHỮNG QUY ĐỊNH CHUNG');
  });

  it('P2: a given title wins over the preamble; "QUY ĐỊNH" + "về …" reads as a sentence', () => {
    expect(parseDraft(LAW_WITH_CHAPTERS, { title: 'Dự thảo Luật' }).draft.title).toBe('Dự thảo Luật');
    expect(parseDraft('QUY ĐỊNH\nvề công tác mẫu\nĐiều 1. A\nB.').draft.title).toBe('Quy định về công tác mẫu');
    // A continuation in lower case belongs to the title, whatever its first word.
    expect(parseDraft('QUY CHẾ\nlàm việc của Ban Chấp hành Đảng bộ tỉnh\nnhiệm kỳ 2025 - 2030\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. A\nB.').draft.title).toBe('Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ 2025 - 2030');
  });

  it('P2: "LỜI NÓI ĐẦU" and its text are preamble', () => {
    const { draft, warnings } = parseDraft(CONSTITUTION_STYLE);
    expect(draft.title).toBe('HIẾN PHÁP');
    expect(draft.chapters[0]?.articles[0]?.intro).toBe('Nước Việt Nam là một nước độc lập, có chủ quyền.');
    expect(warnings).toEqual([]);
  });

  it('P3: every heading form gives the same kind of article', () => {
    expect(outline(parseDraft(ARTICLE_FORMS).draft)).toEqual([
      'Chương I: QUY ĐỊNH CHUNG',
      'Điều 1: Dấu chấm', 'Điều 2: Không có dấu cách', 'Điều 3: Dấu hai chấm', 'Điều 4: Không có dấu chấm',
      'Điều 5: Gạch ngang', 'Điều 6: Tiêu đề ở dòng sau', 'Điều 7: CHỮ IN HOA', 'Điều 8: ',
    ]);
  });

  it('P3: an article title on the next line', () => {
    const { draft } = parseDraft('Điều 1.\nPhạm vi điều chỉnh\nQuy định này áp dụng chung.');
    expect(draft.articles[0]).toEqual({ number: 1, title: 'Phạm vi điều chỉnh', intro: 'Quy định này áp dụng chung.', clauses: [] });
  });

  it('P3: "Điều 1" alone keeps a body sentence as body, not title', () => {
    const article = findArticle(parseDraft(CONSTITUTION_STYLE).draft, 3)?.article;
    expect(article).toEqual({ number: 3, title: '', intro: 'Mọi người có quyền sống.', clauses: [] });
  });

  it('P3: a sentence after the number is the body of an untitled article; a short phrase with a full stop is a title', () => {
    const { draft } = parseDraft(DECISION_WITH_PLAN);
    expect(draft.articles.map((a) => a.title)).toEqual(['', '', '']);
    expect(draft.articles[1]?.intro).toMatch(/^Giao Cục Mẫu chủ trì/);
    const titled = parseDraft('Điều 5. Hiệu lực thi hành.\nQuy định này có hiệu lực kể từ ngày ký.').draft.articles[0];
    expect(titled).toMatchObject({ title: 'Hiệu lực thi hành', intro: 'Quy định này có hiệu lực kể từ ngày ký.' });
  });

  it('P5: chapter titles on the next lines, two lines in capitals joined', () => {
    expect(outline(parseDraft(LAW_WITH_CHAPTERS).draft)).toEqual([
      'Chương I: NHỮNG QUY ĐỊNH CHUNG', 'Điều 1: Phạm vi điều chỉnh', 'Điều 2: Nguyên tắc hoạt động',
      'Chương II: TỔ CHỨC, HOẠT ĐỘNG CỦA THƯ VIỆN', 'Điều 3: Thành lập thư viện', 'Điều 4: Hiệu lực thi hành',
    ]);
  });

  it('P5: a chapter out of order is text, with a warning', () => {
    const { draft, warnings } = parseDraft('Chương I\nA\nĐiều 1. X\nY.\nChương III\nB\nĐiều 2. Z\nW.');
    expect(draft.chapters.map((c) => c.number)).toEqual(['I']);
    expect(warnings).toEqual([expect.objectContaining({ code: 'SKIPPED_HEADING', line: 5, message: expect.stringContaining('cần Chương II') })]);
  });

  it('P5: a table of contents before the body is not the structure', () => {
    const { draft, warnings } = parseDraft(CODE_WITH_CONTENTS);
    expect(outline(draft)).toEqual([
      'Phần thứ nhất: QUY ĐỊNH CHUNG', 'Chương I: PHẠM VI', 'Điều 1: Phạm vi điều chỉnh', 'Điều 2: Đối tượng áp dụng',
      'Chương II: THI HÀNH', 'Điều 3: Hiệu lực',
    ]);
    expect(draft.chapters[0]?.articles[0]?.intro).toBe('Bộ luật này quy định chung.');
    expect(warnings).toEqual([]);
  });

  it('P6: Party Roman sections "I- …" are chapters', () => {
    expect(outline(parseDraft(PARTY_ROMAN_SECTIONS).draft)).toEqual([
      'Chương I: QUY ĐỊNH CHUNG', 'Điều 1: Phạm vi điều chỉnh và đối tượng áp dụng', 'Điều 2: Nguyên tắc',
      'Chương II: TỔ CHỨC THỰC HIỆN', 'Điều 3: ', 'Điều 4: ',
    ]);
  });

  it('P6: a Roman line with no article right after it is not a chapter', () => {
    const { draft } = parseDraft('I- MỤC ĐÍCH\nNâng cao nhận thức.\nĐiều 1. A\nB.');
    expect(draft.chapters).toEqual([]);
    expect(draft.articles.map((a) => a.number)).toEqual([1]);
  });

  it('P6: a Party section title wrapped over lines in capitals', () => {
    const { draft } = parseDraft('I- QUY ĐỊNH CHUNG\nĐiều 1. A\nB.\nII- QUẢN LÝ TÀI LIỆU\nVÀ CƠ SỞ DỮ LIỆU\nĐiều 2. C\nD.');
    expect(outline(draft)).toEqual(['Chương I: QUY ĐỊNH CHUNG', 'Điều 1: A', 'Chương II: QUẢN LÝ TÀI LIỆU VÀ CƠ SỞ DỮ LIỆU', 'Điều 2: C']);
  });

  it('P5: a title in capitals after "Chương I:" runs on over the next line in capitals', () => {
    const { draft } = parseDraft('Chương I: NHỮNG QUY ĐỊNH\nCHUNG\nĐiều 1. A\nB.');
    expect(draft.chapters[0]?.title).toBe('NHỮNG QUY ĐỊNH CHUNG');
  });

  it('P7: parts group chapters; chapter numbers run on across parts', () => {
    expect(outline(parseDraft(CODE_WITH_PARTS).draft)).toEqual([
      'Phần thứ nhất: NHỮNG QUY ĐỊNH CHUNG', 'Chương I: ĐIỀU KHOẢN CƠ BẢN', 'Điều 1: Nhiệm vụ',
      'Chương II: HÌNH PHẠT', 'Mục 1: QUY ĐỊNH CHUNG VỀ HÌNH PHẠT', 'Điều 2: Khái niệm', 'Mục 2: CÁC HÌNH PHẠT', 'Điều 3: Cảnh cáo',
      'Phần thứ hai: CÁC TỘI PHẠM', 'Chương III: CÁC TỘI XÂM PHẠM AN NINH', 'Mục 1: TỘI PHẢN BỘI', 'Điều 4: Tội phản bội',
    ]);
  });

  it('P8: sections restart at 1 in each chapter, articles do not', () => {
    const { draft, stats } = parseDraft(CODE_WITH_PARTS);
    expect(draft.chapters[2]?.sections[0]?.articles[0]?.number).toBe(4);
    expect(stats).toEqual({ parts: 2, chapters: 3, sections: 3, articles: 4 });
  });

  it('P8: a section outside any chapter is text', () => {
    const { draft, stats } = parseDraft('Điều 1. A\nB.\nMục 2\nC');
    expect(stats.sections).toBe(0);
    expect(draft.articles[0]?.intro).toBe('B.\nMục 2\nC');
  });

  it('P13: "**Chương I**" with a bold title, and a wrapped title whose next line starts with a digit', () => {
    expect(outline(parseDraft(PARTY_CHAPTERS).draft)).toEqual([
      'Chương I: QUY ĐỊNH CHUNG', 'Điều 1: Phạm vi điều chỉnh',
      'Chương II: KẾT NỐI DỮ LIỆU GIỮA CÁC CƠ QUAN', 'Điều 2: Chia sẻ dữ liệu giữa 4 Văn phòng Trung ương', 'Điều 3: Xử lý vi phạm',
    ]);
  });

  it('P18: stats count what was placed', () => {
    expect(parseDraft(PARTY_ROMAN_SECTIONS).stats).toEqual({ parts: 0, chapters: 2, sections: 0, articles: 4 });
  });
});
