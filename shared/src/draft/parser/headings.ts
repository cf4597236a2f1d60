import { isMostlyUpper, startsUpper } from './normalise';
import { numeralValue, ordinalValue, romanValue } from './numerals';

/**
 * What a block of text looks like on its own, before any ordering rule is applied:
 * `classifyBlock` only reads the shape ("Chương IV", "Điều 5.", "2.", "đ)").
 */
export type BlockShape =
  | { kind: 'part'; number: string; value: number; title: string }
  | { kind: 'chapter'; style: ChapterStyle; number: string; value: number; title: string }
  | { kind: 'section'; number: string; value: number; title: string }
  | { kind: 'article'; number: number; rest: string; strong: boolean }
  | { kind: 'clause'; number: number; text: string }
  | { kind: 'item'; letter: string; text: string };

/** "Chương I" in laws; "I- QUY ĐỊNH CHUNG" in Party documents. */
export type ChapterStyle = 'chapter' | 'roman';

const SEPARATOR = /^\s*[.:\-–—]\s*/;
const CLAUSE = /^(\d{1,3})\.(?!\d)\s*(.*)$/;
const ITEM = /^([a-zđ])\)\s*(.*)$/u;
const ROMAN_CHAPTER = /^([IVXLC]{1,8})\s*[-–—.]\s*(\S.*)$/;

/** The first word in lower case, and the text after it. */
function keyword(text: string): { word: string; rest: string } {
  const space = text.indexOf(' ');
  if (space < 0) return { word: text.toLowerCase(), rest: '' };
  return { word: text.slice(0, space).toLowerCase(), rest: text.slice(space + 1) };
}

/**
 * The title after a heading number: "" (title on the next line), the text after a separator,
 * or text starting with a capital. Lower case or a comma after the number means the words are a
 * cross-reference in running text ("Chương II của Luật này", "Mục V, số thứ tự 24").
 */
function headingTitle(after: string): string | undefined {
  if (after.trim() === '') return '';
  const separator = SEPARATOR.exec(after);
  if (separator) return after.slice(separator[0].length).trim();
  if (!/^\s/.test(after)) return undefined;
  const title = after.trim();
  return startsUpper(title) ? title : undefined;
}

function numbered(rest: string): { number: string; value: number; title: string } | undefined {
  const match = /^([IVXLC]{1,8}|\d{1,3})(?![\p{L}\d])(.*)$/u.exec(rest);
  if (!match) return undefined;
  const [, number = '', after = ''] = match;
  const value = numeralValue(number);
  const title = headingTitle(after);
  return value === undefined || title === undefined ? undefined : { number, value, title };
}

function part(rest: string): BlockShape | undefined {
  const words = rest.split(' ');
  if (words[0]?.toLowerCase() === 'thứ') {
    const ordinal = ordinalValue(words.slice(1));
    if (!ordinal) return undefined;
    const used = words.slice(0, ordinal.used + 1);
    const title = headingTitle(rest.slice(used.join(' ').length));
    if (title === undefined) return undefined;
    return { kind: 'part', number: used.map((w) => w.toLowerCase()).join(' '), value: ordinal.value, title };
  }
  const plain = numbered(rest);
  return plain && { kind: 'part', ...plain };
}

function article(rest: string): BlockShape | undefined {
  const match = /^(\d{1,4})(?!\d)(.*)$/.exec(rest);
  if (!match) return undefined;
  const number = Number(match[1]);
  const after = match[2] ?? '';
  if (number < 1) return undefined;
  const separator = SEPARATOR.exec(after);
  if (separator) {
    const tail = after.slice(separator[0].length);
    if (/^\d/.test(tail)) return undefined;
    return { kind: 'article', number, rest: tail.trim(), strong: true };
  }
  const tail = after.trim();
  if (tail === '') return { kind: 'article', number, rest: '', strong: true };
  if (!/^\s/.test(after) || !startsUpper(tail)) return undefined;
  return { kind: 'article', number, rest: tail, strong: false };
}

function romanChapter(text: string): BlockShape | undefined {
  const match = ROMAN_CHAPTER.exec(text);
  if (!match) return undefined;
  const [, number = '', title = ''] = match;
  const value = romanValue(number);
  if (value === undefined || !isMostlyUpper(title)) return undefined;
  return { kind: 'chapter', style: 'roman', number, value, title: title.trim() };
}

export function classifyBlock(text: string): BlockShape | undefined {
  const { word, rest } = keyword(text);
  if (word === 'điều') return article(rest);
  if (word === 'chương') {
    const shape = numbered(rest);
    return shape && { kind: 'chapter', style: 'chapter', ...shape };
  }
  if (word === 'mục') {
    const shape = numbered(rest);
    return shape && { kind: 'section', ...shape };
  }
  if (word === 'phần') return part(rest);
  const clause = CLAUSE.exec(text);
  if (clause) return { kind: 'clause', number: Number(clause[1]), text: clause[2] ?? '' };
  const item = ITEM.exec(text);
  if (item) return { kind: 'item', letter: item[1] ?? '', text: item[2] ?? '' };
  return romanChapter(text);
}
