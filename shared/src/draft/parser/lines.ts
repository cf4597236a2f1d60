import { classifyBlock } from './headings';
import { isRuleLine, stripMarkdown } from './markdown';

/** One line of the normalised input: `raw` keeps markdown, `text` is the plain words. */
export interface SourceLine {
  /** 1-based line number in the input. */
  line: number;
  raw: string;
  /** '' for blank lines and rules: both end a paragraph. */
  text: string;
}

/** A running header repeats at least this often, with the page number changing. */
const RUNNING_HEADER_MIN_REPEATS = 3;
/** …and no closer than this many lines (a page), so numbered lists ("Mẫu số 01, 02…") stay. */
const RUNNING_HEADER_MIN_GAP_LINES = 10;
const PAGE_NUMBER = [
  /^[-–—]\s*\d{1,4}\s*[-–—]$/,
  /^(trang|page)\s+\d{1,4}(\s*(\/|của|of)\s*\d{1,4})?$/i,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
];

export function toSourceLines(text: string): SourceLine[] {
  const lines = text.split('\n').map((raw, index) => ({
    line: index + 1,
    raw,
    text: isRuleLine(raw) ? '' : stripMarkdown(raw),
  }));
  const headers = runningHeaderLines(lines);
  return lines.filter((l) => !headers.has(l.line) && !PAGE_NUMBER.some((p) => p.test(l.text)));
}

/** "CÔNG BÁO/Số 451/Ngày 25-7-2015 7": the text around an edge number, or undefined. */
function headerKey(text: string): { key: string; page: string } | undefined {
  if (text.length > 120 || classifyBlock(text)) return undefined;
  const match = /^(\d{1,4})\s+(\D.*)$/.exec(text) ?? /^(.*\p{L}.*?)\s+(\d{1,4})$/u.exec(text);
  if (!match) return undefined;
  const [, a = '', b = ''] = match;
  return /^\d/.test(a) ? { key: `#${b}`, page: a } : { key: `${a}#`, page: b };
}

/** Lines of page headers and footers that repeat with a changing page number. */
function runningHeaderLines(lines: readonly SourceLine[]): Set<number> {
  const groups = new Map<string, { lines: number[]; pages: Set<string> }>();
  for (const l of lines) {
    const found = headerKey(l.text);
    if (!found) continue;
    const group = groups.get(found.key) ?? { lines: [], pages: new Set<string>() };
    group.lines.push(l.line);
    group.pages.add(found.page);
    groups.set(found.key, group);
  }
  const drop = new Set<number>();
  for (const group of groups.values()) {
    const spread = group.lines.every((n, i) => i === 0 || n - (group.lines[i - 1] ?? 0) >= RUNNING_HEADER_MIN_GAP_LINES);
    if (group.lines.length >= RUNNING_HEADER_MIN_REPEATS && group.pages.size >= 2 && spread) {
      for (const n of group.lines) drop.add(n);
    }
  }
  return drop;
}
