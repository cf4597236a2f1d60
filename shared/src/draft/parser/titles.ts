import type { Block } from './blocks';
import { classifyBlock } from './headings';
import { isMostlyUpper, startsUpper, wordCount } from './normalise';
import { isSignatureStart } from './signature';

const HEADING_TITLE_MAX_CHARS = 300;
const HEADING_TITLE_MAX_LINES = 4;
const ARTICLE_TITLE_MAX_CHARS = 300;
/** A title never ends a sentence; body text does. */
const ENDS_SENTENCE = /[.;:!?…]$/;
/** "Điều 1. Phê duyệt kèm theo Quyết định này Kế hoạch …" is body text, not a title. */
const TITLE_MAX_WORDS_WITH_FULL_STOP = 12;

function isPlainLine(block: Block | undefined): block is Block {
  return block !== undefined && classifyBlock(block.text) === undefined && !isSignatureStart(block.text);
}

/** Lines in capitals from `from` on: the rest of a title wrapped over lines ("TỔ CHỨC,\nHOẠT ĐỘNG…"). */
function capitalLines(blocks: readonly Block[], from: number, end: number, max: number): { lines: string[]; next: number } {
  const lines: string[] = [];
  let at = from;
  while (at < end && lines.length < max) {
    const block = blocks[at];
    if (!isPlainLine(block) || ENDS_SENTENCE.test(block.text) || !isMostlyUpper(block.text)) break;
    lines.push(block.text);
    at += 1;
  }
  return { lines, next: at };
}

/**
 * The title of a Phần, Chương or Mục. Written after the number, it runs on over following lines
 * in capitals; written on the lines after the number, the first line may be in any case and
 * the next ones follow while all are in capitals ("QUYỀN CON NGƯỜI,\nQUYỀN VÀ…").
 */
export function readHeadingTitle(blocks: readonly Block[], at: number, sameLine: string, end: number): { title: string; next: number } {
  if (sameLine !== '') {
    if (!isMostlyUpper(sameLine)) return { title: sameLine, next: at + 1 };
    const more = capitalLines(blocks, at + 1, end, HEADING_TITLE_MAX_LINES - 1);
    return { title: [sameLine, ...more.lines].join(' '), next: more.next };
  }
  const first = blocks[at + 1];
  if (at + 1 >= end || !isPlainLine(first) || ENDS_SENTENCE.test(first.text)) return { title: '', next: at + 1 };
  if (!startsUpper(first.text) || first.text.length > HEADING_TITLE_MAX_CHARS) return { title: '', next: at + 1 };
  if (!isMostlyUpper(first.text)) return { title: first.text, next: at + 2 };
  const more = capitalLines(blocks, at + 2, end, HEADING_TITLE_MAX_LINES - 1);
  return { title: [first.text, ...more.lines].join(' '), next: more.next };
}

/** An article title on the line after "Điều 1": short, capitalised, not a sentence. */
export function isArticleTitleLine(block: Block | undefined): block is Block {
  if (!isPlainLine(block)) return false;
  const text = block.text;
  return startsUpper(text) && text.length <= ARTICLE_TITLE_MAX_CHARS && !/[.;:!?…,]$/.test(text);
}

/**
 * Splits what follows "Điều N." on its line into title and body. Text that ends a sentence is
 * body ("Điều 1. Phê duyệt … năm 2020."), unless it is a short phrase with a stray full stop
 * and the article's text follows on the next lines ("Điều 5. Hiệu lực thi hành.").
 */
export function splitArticleLine(rest: string, bodyFollows: boolean): { title: string; body: string } {
  if (!ENDS_SENTENCE.test(rest)) return { title: rest, body: '' };
  const inner = rest.slice(0, -1).trim();
  const phrase = rest.endsWith('.') && wordCount(rest) <= TITLE_MAX_WORDS_WITH_FULL_STOP && !/[.;:!?]\s/.test(inner);
  return phrase && bodyFollows ? { title: inner, body: '' } : { title: '', body: rest };
}

const DOCUMENT_TYPES = /^(LUẬT|BỘ LUẬT|HIẾN PHÁP|PHÁP LỆNH|NGHỊ QUYẾT|NGHỊ ĐỊNH|QUYẾT ĐỊNH|THÔNG TƯ|CHỈ THỊ|QUY ĐỊNH|QUY CHẾ|ĐIỀU LỆ|HƯỚNG DẪN|KẾT LUẬN)(?=\s|$)/u;
const BOILERPLATE = /^(cộng hòa|cộng hoà|độc lập|số|số hiệu|luật số|hà nội|căn cứ|xét đề nghị|theo đề nghị|dự thảo|lời nói đầu|mục lục)(?=[\s,:]|$)|ngày \d+ tháng \d+ năm \d+/iu;

/** "QUY ĐỊNH" alone or in a title in capitals, or "QUY ĐỊNH về …". */
function isDocumentTypeLine(text: string): boolean {
  return DOCUMENT_TYPES.test(text) && !text.endsWith(':') && (isMostlyUpper(text) || /^\P{Ll}+ về /u.test(text));
}

const OFFICE_START = /^(BỘ TRƯỞNG|CHỦ TỊCH|CỤC TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC|TỔNG CỤC TRƯỞNG|BAN |BỘ CHÍNH TRỊ|QUỐC HỘI|CHÍNH PHỦ)/u;

/** "LUẬT" + "AN NINH MẠNG", "QUY ĐỊNH" + "về chức năng, …": the name of the document in its preamble. */
export function documentTitle(preamble: readonly Block[]): string | undefined {
  const at = preamble.findIndex((b) => isDocumentTypeLine(b.text));
  if (at < 0) return preamble.find((b) => wordCount(b.text) >= 2 && !BOILERPLATE.test(b.text) && !isMostlyUpper(b.text))?.text;
  const parts = [preamble[at]?.text ?? ''];
  for (const block of preamble.slice(at + 1, at + 4)) {
    // In capitals, or starting in lower case ("QUY CHẾ" + "làm việc của …"): nothing else starts that way.
    const continues = isMostlyUpper(block.text) || /^\p{Ll}/u.test(block.text);
    if (!continues || /[;:]$/.test(block.text) || BOILERPLATE.test(block.text) || isSignatureStart(block.text) || OFFICE_START.test(block.text)) break;
    parts.push(block.text);
  }
  // "QUY ĐỊNH" + "về chức năng, …" reads as "Quy định về chức năng, …".
  const title = parts.join(' ');
  const kind = DOCUMENT_TYPES.exec(title)?.[0] ?? '';
  const mixed = /^\s\p{Ll}/u.test(title.slice(kind.length));
  return mixed ? kind.charAt(0) + kind.slice(1).toLowerCase() + title.slice(kind.length) : title;
}
