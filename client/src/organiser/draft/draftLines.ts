import { articlesInOrder, foldDiacritics, type Draft } from '@diem-cau/shared';
import type { DraftWarning } from '../api/organiserApi';

/** The same line breaks the parser counts, so a warning's `line` is an index into this array + 1. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/);
}

export function replaceLine(text: string, line: number, content: string): string {
  const lines = splitLines(text);
  if (line < 1 || line > lines.length) return text;
  lines[line - 1] = content.replace(/[\r\n]+/g, ' ');
  return lines.join('\n');
}

export function warningsByLine(warnings: readonly DraftWarning[]): Map<number, DraftWarning[]> {
  const map = new Map<number, DraftWarning[]>();
  for (const w of warnings) map.set(w.line, [...(map.get(w.line) ?? []), w]);
  return map;
}

/** A line that looks like a heading with a typo ("Đieu5 .", "Chươg II") that the parser read as text. */
export interface SuspectHeading {
  line: number;
  /** The line as it probably should read. */
  fix: string;
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// Headings start with a capital ("Điều", "ĐIỀU", "Chương"); a lower-case "điều 5 của Luật" is a cross-reference.
const HEADING = /^\s*(?:\*\*|#{1,6}\s*)?\s*(\p{Lu}\p{L}{2,6})\s*\.?\s*(\d{1,4}|[IVXLC]{1,7})(?![\p{L}\d])\s*[.:\-–]?\s*(.*?)\s*(?:\*\*)?\s*$/u;

function suspectOf(text: string, articles: Set<number>, chapters: Set<string>): string | undefined {
  const m = HEADING.exec(text);
  if (!m) return undefined;
  const [, word = '', number = '', rest = ''] = m;
  const keyword = foldDiacritics(word);
  if (/^\d+$/.test(number) && withinOneEdit(keyword, 'dieu')) {
    const n = Number(number);
    if (n > 0 && !articles.has(n)) return rest ? `Điều ${n}. ${rest}` : `Điều ${n}.`;
  }
  if (withinOneEdit(keyword, 'chuong')) {
    const numeral = number.toUpperCase();
    if (!chapters.has(numeral)) return rest ? `Chương ${numeral} ${rest}` : `Chương ${numeral}`;
  }
  return undefined;
}

/** Lines the organiser should look at even without a warning: the usual cause of a gap in the articles. */
export function suspectHeadings(lines: readonly string[], draft: Draft): SuspectHeading[] {
  const articles = new Set(articlesInOrder(draft).map((p) => p.article.number));
  const chapters = new Set(draft.chapters.map((c) => c.number.toUpperCase()));
  const out: SuspectHeading[] = [];
  lines.forEach((text, i) => {
    const fix = text.length <= 300 ? suspectOf(text, articles, chapters) : undefined;
    if (fix && fix !== text.trim()) out.push({ line: i + 1, fix });
  });
  return out;
}

/**
 * Line numbers for the "lines to look at" view: each flagged line with `context` non-blank lines
 * on each side (a .docx read by mammoth has a blank line between paragraphs), gaps marked.
 */
export function visibleLines(lines: readonly string[], flagged: ReadonlySet<number>, context = 2): Array<number | 'gap'> {
  const show = new Set<number>();
  const blank = (n: number) => (lines[n - 1] ?? '').trim() === '';
  for (const line of flagged) {
    if (line < 1 || line > lines.length) continue;
    show.add(line);
    for (const step of [-1, 1]) {
      for (let n = line + step, taken = 0; n >= 1 && n <= lines.length && taken < context; n += step) {
        if (!blank(n)) { show.add(n); taken++; }
      }
    }
  }
  const sorted = [...show].sort((a, b) => a - b);
  const out: Array<number | 'gap'> = [];
  const onlyBlankBetween = (a: number, b: number) => { for (let n = a + 1; n < b; n++) if (!blank(n)) return false; return true; };
  sorted.forEach((n, i) => {
    const prev = sorted[i - 1];
    if ((prev === undefined && n > 1 && !onlyBlankBetween(0, n)) || (prev !== undefined && !onlyBlankBetween(prev, n))) out.push('gap');
    out.push(n);
  });
  const last = sorted[sorted.length - 1];
  if (last !== undefined && !onlyBlankBetween(last, lines.length + 1)) out.push('gap');
  return out;
}

/** Past this many line pairs the middle is compared line by line: the count is a hint, not worth a long block. */
const MAX_LCS_CELLS = 4_000_000;

/** The longest common subsequence of two runs of lines (one row of the table at a time). */
function commonLines(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const line of a) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 0; j < b.length; j++) row[j + 1] = line === b[j] ? (previous[j] ?? 0) + 1 : Math.max(previous[j + 1] ?? 0, row[j] ?? 0);
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/**
 * Lines that differ from the upload: a line edited counts once, a line inserted or removed once, and the lines an
 * insertion pushes down (the alternatives editor's "Phương án" lines) not at all.
 */
export function changedLineCount(original: string, current: string): number {
  if (original === '' || original === current) return 0;
  const a = splitLines(original);
  const b = splitLines(current);
  const shorter = Math.min(a.length, b.length);
  let head = 0;
  while (head < shorter && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < shorter - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const [midA, midB] = [a.slice(head, a.length - tail), b.slice(head, b.length - tail)];
  if (midA.length * midB.length <= MAX_LCS_CELLS) return Math.max(midA.length, midB.length) - commonLines(midA, midB);
  let n = Math.abs(midA.length - midB.length);
  for (let i = 0; i < Math.min(midA.length, midB.length); i++) if (midA[i] !== midB[i]) n++;
  return n;
}

export function clauseCount(draft: Draft): number {
  return articlesInOrder(draft).reduce((n, p) => n + p.article.clauses.length, 0);
}

/** Points (điểm) in all clauses: the import preview says how many it read, not only khoản. */
export function pointCount(draft: Draft): number {
  return articlesInOrder(draft).reduce((n, p) => n + p.article.clauses.reduce((m, c) => m + c.items.length, 0), 0);
}
