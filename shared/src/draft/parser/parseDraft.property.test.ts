import fc from 'fast-check';
import { DraftSchema } from '../draft';
import type { Article, Chapter, Draft } from '../draft';
import { renderDraftText } from '../renderDraftText';
import { itemLetterAt, toRoman } from './numerals';
import { parseDraft } from './parseDraft';
import { ParseResultSchema } from './warnings';

const WORDS = ['cơ', 'quan', 'tổ', 'chức', 'đảng', 'đoàn', 'ban', 'cán', 'sự', 'tỉnh', 'nhiệm', 'vụ', 'quyền', 'hạn', 'thực', 'hiện', 'công', 'tác', 'phối', 'hợp', 'lãnh', 'đạo', 'kiểm', 'tra', 'giám', 'sát', 'bảo', 'đảm', 'xây', 'dựng', 'nhân', 'dân', 'địa', 'phương', 'trách', 'nguyên', 'tắc', 'thông', 'tin', 'báo', 'cáo', 'kế', 'hoạch', 'họp', 'định', 'kỳ', 'và', 'của', 'các', 'với'];
const FRAGMENTS = ['Điều ', 'Chương ', 'Mục ', 'Phần thứ ', 'I', 'V', 'X', '1', '2', '12', '. ', ': ', 'a) ', 'đ) ', '**', '|', '\n', '\n\n', '\r\n', ' ', 'Nơi nhận:', 'T/M BAN BÍ THƯ', 'CHỦ TỊCH', 'I- QUY ĐỊNH CHUNG', 'PHỤ LỤC', 'thứ nhất', '\u00A0', '\t', 'e\u0301', 'Văn bản', '- ', '\\.', '#'];

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const phrase = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(' '));
const sentence = fc.tuple(phrase(2, 10), fc.constantFrom('.', ';', ':')).map(([p, end]) => capitalise(p) + end);
const title = phrase(1, 8).map(capitalise);
const headingTitle = fc.oneof(title, title.map((t) => t.toUpperCase()), fc.constant(''));

/** An article whose numbers are filled in later; every text is one a drafter could write. */
const articleShape = fc.record({
  title: fc.oneof(title, fc.constant('')),
  intro: fc.array(sentence, { maxLength: 2 }).map((s) => s.join('\n')),
  clauses: fc.array(fc.array(sentence, { maxLength: 3 }), { maxLength: 4 }),
  clauseTexts: fc.array(sentence, { minLength: 4, maxLength: 4 }),
});
type ArticleShape = typeof articleShape extends fc.Arbitrary<infer T> ? T : never;

function numbered(shapes: ArticleShape[], next: { n: number }): Article[] {
  return shapes.map((s) => ({
    number: next.n++,
    title: s.title,
    intro: s.intro,
    clauses: s.clauses.map((items, i) => ({
      number: i + 1,
      text: s.clauseTexts[i] ?? 'Nội dung.',
      items: items.map((text, k) => ({ letter: itemLetterAt(k) ?? 'a', text })),
    })),
  }));
}

const chapterShape = fc.record({
  title: headingTitle,
  // A chapter holds at least one article (SPEC P5); sections may be empty.
  articles: fc.array(articleShape, { minLength: 1, maxLength: 3 }),
  sections: fc.array(fc.record({ title: headingTitle, articles: fc.array(articleShape, { maxLength: 3 }) }), { maxLength: 2 }),
  newPart: fc.boolean(),
  partTitle: title.map((t) => t.toUpperCase()),
});

const PART_WORDS = ['nhất', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];

/** Drafts the renderer writes and the parser must read back: numbering in order, texts well formed. */
const draftArbitrary: fc.Arbitrary<Draft> = fc
  .record({ title: title.map((t) => `Quy định về ${t.toLowerCase()}`), withParts: fc.boolean(), loose: fc.array(articleShape, { maxLength: 4 }), chapters: fc.array(chapterShape, { maxLength: 4 }) })
  .map(({ title: draftTitle, withParts, loose, chapters }) => {
    const next = { n: 1 };
    if (chapters.length === 0) return { title: draftTitle, chapters: [], articles: numbered(loose, next) };
    let part: Chapter['part'];
    let parts = 0;
    const built = chapters.map((c, i): Chapter => {
      if (withParts && (i === 0 || c.newPart)) part = { number: `thứ ${PART_WORDS[parts++] ?? 'nhất'}`, title: c.partTitle };
      const chapter: Chapter = { number: toRoman(i + 1), title: c.title, articles: numbered(c.articles, next), sections: [] };
      chapter.sections = c.sections.map((s, k) => ({ number: String(k + 1), title: s.title, articles: numbered(s.articles, next) }));
      if (part) chapter.part = part;
      return chapter;
    });
    return { title: draftTitle, chapters: built, articles: [] };
  });

describe('parser properties', () => {
  it('P16: any text parses without throwing into a valid result', () => {
    const noisy = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 80 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), noisy), (text) => {
        const result = parseDraft(text);
        expect(ParseResultSchema.safeParse(result).success).toBe(true);
        expect(DraftSchema.parse(result.draft)).toEqual(result.draft);
      }),
      { numRuns: 400 },
    );
  });

  it('P16: a draft beyond the limits is cut to a valid draft, with one warning per limit', () => {
    const text = Array.from({ length: 2100 }, (_, i) => `Điều ${i + 1}. Tiêu đề\n${'Nội dung rất dài. '.repeat(i === 0 ? 2000 : 1)}`).join('\n');
    const result = parseDraft(text);
    expect(result.stats.articles).toBe(2000);
    expect(result.draft.articles[0]?.intro.length).toBeLessThanOrEqual(20_000);
    expect(result.warnings.filter((w) => w.code === 'LIMIT_EXCEEDED')).toHaveLength(1);
    expect(ParseResultSchema.safeParse(result).success).toBe(true);
  });

  it('P16: pathological lines (lone brackets, stars, one huge line) parse', () => {
    for (const text of ['['.repeat(100_000), `${'*'.repeat(100_000)}x`, 'Điều 1. A\n'.concat('x '.repeat(200_000))]) {
      expect(ParseResultSchema.safeParse(parseDraft(text)).success).toBe(true);
    }
  });

  it('P16: the same text always gives the same result (pure)', () => {
    fc.assert(fc.property(draftArbitrary, (draft) => {
      const text = renderDraftText(draft);
      expect(parseDraft(text)).toEqual(parseDraft(text));
    }), { numRuns: 50 });
  });

  it('P17: a rendered draft parses back to the same tree', () => {
    fc.assert(
      fc.property(draftArbitrary, (draft) => {
        expect(parseDraft(renderDraftText(draft)).draft).toEqual(draft);
      }),
      { numRuns: 300 },
    );
  });

  it('P18: a draft pasted twice parses to the draft of one copy, with one DUPLICATE_TEXT warning at the copy', () => {
    fc.assert(
      fc.property(draftArbitrary, (draft) => {
        const once = renderDraftText(draft);
        const result = parseDraft(`${once}\n${once}`);
        // A repeat is recognised by three lines in order from the first article on: a shorter text cannot tell.
        const lines = once.split('\n').filter((l) => l.trim() !== '');
        if (parseDraft(once).stats.articles === 0 || lines.length - lines.findIndex((l) => /^Điều \d/.test(l)) < 3) return;
        expect(result.draft).toEqual(draft);
        const repeats = result.warnings.filter((w) => w.code === 'DUPLICATE_TEXT');
        expect(repeats).toHaveLength(1);
        expect(repeats[0]?.line).toBe(once.split('\n').length + 1);
      }),
      { numRuns: 200 },
    );
  });
});
