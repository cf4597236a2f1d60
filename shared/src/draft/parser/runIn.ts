/**
 * Headings that ran into the text before them: a copy from a web page or a PDF that lost its line breaks
 * ("… của pháp luật. Chương II. QUYỀN VÀ NGHĨA VỤ Điều 7. Quyền của … 1. Công dân …"). A block holding a
 * Phần, Chương, Mục or Điều heading in mid-text is cut before each heading (and, in a cut-off article
 * line, before its clauses and points); the walk then decides, as for any line, what is a heading.
 */

const KEYWORD = String.raw`(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+(?:[IVXLCDM]+|\d{1,3}|thứ\s+\p{Ll}+)\b`;
const ARTICLE = String.raw`(?:Điều|ĐIỀU)\s+\d{1,4}\s*[.:]`;
/**
 * Before a Phần, Chương or Mục whose number is followed by a separator or a title in capitals (never "tại
 * Chương II của …"); before an Điều after the end of a sentence or a title in capitals (a chapter's, run
 * into its first article), never "tại Điều 5. …" in mid-sentence.
 */
const BEFORE_HEADING = new RegExp(String.raw`\s+(?=${KEYWORD}(?:\s*[.:–-]|\s+\p{Lu}{2,}))|(?<=[.;:!?…]|\p{Lu}{2,})\s+(?=${ARTICLE})`, 'gu');
/** Inside a cut-off article line: its first clause "1. X…", then clauses and points after a sentence end. */
const FIRST_CLAUSE = /\s+(?=1\.\s+\p{Lu})/u;
const LATER_PARTS = /(?<=[.;:])\s+(?=(?:\d{1,3}\.\s+\p{Lu}|[a-zđ]\)\s))/gu;
const STARTS_ARTICLE = new RegExp(String.raw`^${ARTICLE}`, 'u');

export function splitRunInHeadings<T extends { line: number; text: string }>(block: T): T[] {
  const parts = block.text.split(BEFORE_HEADING);
  if (parts.length === 1) return [block];
  return parts.flatMap((part) => {
    const heading = STARTS_ARTICLE.exec(part)?.[0];
    if (heading === undefined) return [part];
    // The article's own "Điều 1." is not its first clause: look after it.
    const [head, ...rest] = part.slice(heading.length).split(FIRST_CLAUSE);
    const body = rest.join(' ');
    return body === '' ? [part] : [`${heading}${head ?? ''}`, ...body.split(LATER_PARTS)];
  }).map((text) => text.trim()).filter((text) => text !== '').map((text) => ({ ...block, text }));
}
