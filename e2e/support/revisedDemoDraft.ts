import { DEMO_DRAFT_TEXT, DraftSchema, parseDraft, type Article, type Draft } from '@diem-cau/shared';

/** The article the drafting team adds in Chương II, after Điều 4: every later article moves one number down. */
export const NEW_ARTICLE_TITLE = 'Nguyên tắc lãnh đạo của đảng đoàn, ban cán sự đảng';
/** Điều 10 and Điều 11 of the first draft become one article. */
export const MERGED_TITLE = 'Nguyên tắc, chế độ làm việc và sinh hoạt';
/** Điều 12 of the first draft, rewritten under a new title: too little is left for the alignment to be sure. */
export const REWRITTEN_TITLE = 'Bảo đảm điều kiện hoạt động';

const NEW_ARTICLE: Article = {
  number: 0, title: NEW_ARTICLE_TITLE, intro: '',
  clauses: [
    { number: 1, text: 'Đảng đoàn, ban cán sự đảng lãnh đạo bằng nghị quyết, chỉ thị, kết luận và bằng công tác cán bộ, công tác kiểm tra, giám sát.', items: [] },
    { number: 2, text: 'Không làm thay, không buông lỏng vai trò của cơ quan, tổ chức nơi có đảng đoàn, ban cán sự đảng.', items: [] },
  ],
};

const REWRITTEN: Omit<Article, 'number'> = {
  title: REWRITTEN_TITLE, intro: '',
  clauses: [
    { number: 1, text: 'Văn phòng hoặc đơn vị được giao của cơ quan, tổ chức làm nhiệm vụ tham mưu, phục vụ đảng đoàn, ban cán sự đảng theo quy chế.', items: [] },
    { number: 2, text: 'Ngân sách bảo đảm cho hoạt động được bố trí trong dự toán hằng năm của cơ quan, tổ chức.', items: [] },
  ],
};

/**
 * The demo draft as a drafting team would bring it back after the conference: a new Điều 5 (old 5–9 become
 * 6–10), old Điều 10 and 11 merged into Điều 11, old Điều 12 rewritten (still Điều 12), the rest one number
 * further as before the merge (old 13–16 stay 13–16).
 */
export function revisedDemoDraft(): Draft {
  const first = parseDraft(DEMO_DRAFT_TEXT).draft;
  const chapters = first.chapters.map((chapter) => ({ ...chapter, articles: [...chapter.articles] }));
  const [, second, third] = chapters;
  if (!second || !third) throw new Error('the demo draft has changed: four chapters expected');
  second.articles.splice(1, 0, NEW_ARTICLE);
  const at = third.articles.findIndex((a) => a.number === 10);
  const [ten, eleven, twelve] = third.articles.slice(at, at + 3);
  if (!ten || !eleven || !twelve) throw new Error('the demo draft has changed: Điều 10–12 expected in Chương III');
  const merged = { ...ten, title: MERGED_TITLE, clauses: [...ten.clauses, ...eleven.clauses].map((c, i) => ({ ...c, number: i + 1 })) };
  third.articles.splice(at, 3, merged, { ...REWRITTEN, number: twelve.number });
  let number = 0;
  const renumbered = chapters.map((chapter) => ({ ...chapter, articles: chapter.articles.map((a) => ({ ...a, number: (number += 1) })) }));
  return DraftSchema.parse({ ...first, title: `${first.title} (dự thảo lần 2)`, chapters: renumbered });
}
