import type { Block } from './blocks';
import type { Tree } from './builder';
import type { BlockShape, ChapterStyle } from './headings';
import { toRoman } from './numerals';
import { readHeadingTitle } from './titles';

type Shape<K extends BlockShape['kind']> = Extract<BlockShape, { kind: K }>;

/** What the walk knows besides the tree: the blocks, their shapes and the chosen article headings. */
export interface Context {
  blocks: readonly Block[];
  shapes: ReadonlyArray<BlockShape | undefined>;
  /** Block indices of the article headings (see articleSequence). */
  articles: ReadonlySet<number>;
  /** Index of the signature block: nothing from here on is placed. */
  end: number;
  tree: Tree;
  chapterStyle?: ChapterStyle;
  lastChapter: number;
  lastPart: number;
}

/** A heading accepted or the reason it was not, in Vietnamese for the SKIPPED_HEADING warning. */
export type Verdict = { ok: true } | { ok: false; reason: string };

const OK: Verdict = { ok: true };
const AFTER_LOOSE_ARTICLES = 'xuất hiện sau các Điều không thuộc chương nào';

/** Title on the heading line, or on the lines after it; and the index after the heading. */
export function headingTitle(ctx: Context, at: number, sameLine: string): { title: string; next: number } {
  return readHeadingTitle(ctx.blocks, at, sameLine, ctx.end);
}

/**
 * Whether an article heading comes before the next Chương or Phần line: a chapter holds
 * articles, so a heading with none before the next one is from a table of contents.
 */
function articleFollows(ctx: Context, from: number): boolean {
  for (let at = from; at < ctx.end; at += 1) {
    if (ctx.articles.has(at)) return true;
    const kind = ctx.shapes[at]?.kind;
    if (kind === 'chapter' || kind === 'part') return false;
  }
  return false;
}

function expectedNumber(written: string, value: number): string {
  return /^\d/.test(written) ? String(value) : toRoman(value);
}

/**
 * A chapter is the next number in the draft's chapter style ("Chương" or Party "I-"), or
 * Chương I right after a new Phần, and has articles; it never follows articles that stand
 * outside chapters (those are table rows such as "CHƯƠNG I: XE Ô TÔ…" inside an article).
 */
export function judgeChapter(ctx: Context, shape: Shape<'chapter'>, at: number): Verdict {
  if (ctx.tree.articles.length > 0) return { ok: false, reason: AFTER_LOOSE_ARTICLES };
  if (ctx.chapterStyle !== undefined && ctx.chapterStyle !== shape.style) return { ok: false, reason: 'khác kiểu đánh số chương của văn bản' };
  const partJustOpened = ctx.tree.part !== undefined && ctx.tree.chapter?.part !== ctx.tree.part;
  const expected = ctx.lastChapter + 1;
  if (shape.value !== expected && !(partJustOpened && shape.value === 1)) {
    return { ok: false, reason: `không đúng thứ tự (cần Chương ${expectedNumber(shape.number, expected)})` };
  }
  // A Party "II- …" line is a heading only when an article follows its title at once.
  if (shape.style === 'roman' && !ctx.articles.has(headingTitle(ctx, at, shape.title).next)) return { ok: false, reason: 'không có Điều nào ngay sau' };
  if (!articleFollows(ctx, at + 1)) return { ok: false, reason: 'không có Điều nào trước chương sau' };
  return OK;
}

/** A part is the next number, before any loose article, and a chapter with articles follows its title. */
export function judgePart(ctx: Context, shape: Shape<'part'>, at: number): Verdict {
  if (ctx.tree.articles.length > 0) return { ok: false, reason: AFTER_LOOSE_ARTICLES };
  if (shape.value !== ctx.lastPart + 1) return { ok: false, reason: 'không đúng thứ tự các Phần' };
  const { next } = headingTitle(ctx, at, shape.title);
  if (ctx.shapes[next]?.kind !== 'chapter' || !articleFollows(ctx, next + 1)) return { ok: false, reason: 'không có Chương nào ngay sau' };
  return OK;
}

/** Sections live in chapters and are numbered from 1 in each chapter. */
export function judgeSection(ctx: Context, shape: Shape<'section'>): Verdict {
  const chapter = ctx.tree.chapter;
  if (!chapter) return { ok: false, reason: 'nằm ngoài chương' };
  const expected = chapter.sections.length + 1;
  if (shape.value !== expected) return { ok: false, reason: `không đúng thứ tự (cần Mục ${expected})` };
  return OK;
}
