/**
 * Markdown exports of legal texts (from .docx converters and archives) wrap headings in
 * `**…**`, escape list numbers (`1\.`), draw tables with `|` and rules with `---`.
 * Structure is read from the plain words, so the markup is removed here.
 */

/** A line with no words: a table border, a horizontal rule, a lone `*` or `|`. */
export function isRuleLine(text: string): boolean {
  return /^[\s\-_=*~|.·•+#]*$/.test(text);
}

const ESCAPED = /\\([\\`*_{}[\]()#+\-.!|>~])/g;
/** Bounded so that a line of lone brackets cannot make the match quadratic. */
const LINK = /!?\[([^\][]{0,300})\]\([^()\s]{0,500}\)/g;

export function stripMarkdown(text: string): string {
  if (!/[*_|#>\\[]/.test(text)) return text.trim();
  return text
    .replace(/^#{1,6}\s+/, '')
    .replace(/^>\s?/, '')
    .replace(/^\|\s*|\s*\|$/g, '')
    .replace(/\s+\|\s+/g, ' ')
    .replace(/\*\*|__/g, '')
    .replace(/^\*+\s*|\s*\*+$/g, '')
    .replace(LINK, '$1')
    .replace(ESCAPED, '$1')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * "**Điều 20.** Quy định này thay thế …": the bold run is the heading, the rest is body.
 * Returns the bold part and the rest when the block starts with a bold run followed by text.
 */
export function splitLeadingBold(raw: string): { bold: string; rest: string } | undefined {
  const match = /^\s*\*\*(.+?)\*\*(.*)$/s.exec(raw);
  if (!match) return undefined;
  const [, bold = '', rest = ''] = match;
  if (stripMarkdown(rest) === '') return undefined;
  return { bold, rest };
}
