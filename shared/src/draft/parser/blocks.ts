import { classifyBlock } from './headings';
import { splitLeadingBold, stripMarkdown } from './markdown';
import type { SourceLine } from './lines';
import { isMostlyUpper } from './normalise';
import { isSignatureStart } from './signature';

/** A paragraph of the document: one line of a web-page rendering, or a hard-wrapped paragraph joined. */
export interface Block {
  /** 1-based line number of the block's first line. */
  line: number;
  text: string;
}

/** Share of lines that continue a sentence from the line before, above which the text is hard-wrapped. */
const WRAPPED_SHARE = 0.05;
const WRAPPED_MIN_LINES = 3;
const ENDS_SENTENCE = /[.:;!?…)”"]$/;

/**
 * A line continues the previous one when that one ends mid-sentence and it starts in lower
 * case ("…của Đảng Cộng\nsản Việt Nam"). Texts rendered one paragraph per line never do this.
 */
function isHardWrapped(lines: readonly SourceLine[]): boolean {
  let wrapped = 0;
  let nonBlank = 0;
  let previous = '';
  for (const { text } of lines) {
    if (text !== '') nonBlank += 1;
    if (previous !== '' && /^\p{Ll}/u.test(text) && !/^[a-zđ]\)/u.test(text) && !ENDS_SENTENCE.test(previous)) wrapped += 1;
    previous = text;
  }
  return wrapped >= WRAPPED_MIN_LINES && wrapped >= nonBlank * WRAPPED_SHARE;
}

/**
 * Inside a hard-wrapped paragraph a new block still starts at a heading, clause or point,
 * but only where the line before ended: "tại Điều\n8" is a cross-reference, not Điều 8.
 */
function startsNewBlock(previous: SourceLine, line: SourceLine): boolean {
  const marks = classifyBlock(line.text) !== undefined || /^[-+•]\s/.test(line.text) || isSignatureStart(line.text);
  if (!marks) return false;
  const ended = ENDS_SENTENCE.test(previous.text) || /\*\*\s*$/.test(previous.raw) || isMostlyUpper(previous.text);
  const previousShape = classifyBlock(previous.text)?.kind;
  return ended || previousShape === 'chapter' || previousShape === 'section' || previousShape === 'part';
}

function paragraphs(lines: readonly SourceLine[]): Array<{ line: number; raw: string }> {
  const out: Array<{ line: number; raw: string }> = [];
  let open: { line: number; raw: string } | undefined;
  let previous: SourceLine | undefined;
  for (const l of lines) {
    if (l.text === '') {
      open = undefined;
    } else if (open && previous && !startsNewBlock(previous, l)) {
      open.raw += ` ${l.raw}`;
    } else {
      open = { line: l.line, raw: l.raw };
      out.push(open);
    }
    previous = l.text === '' ? undefined : l;
  }
  return out;
}

/** Splits "**Điều 20.** Quy định này…" into the heading and its first body line. */
function splitBoldHeading(p: { line: number; raw: string }): Block[] {
  const split = splitLeadingBold(p.raw);
  const heading = split && stripMarkdown(split.bold);
  if (split && heading && classifyBlock(heading)) {
    return [{ line: p.line, text: heading }, { line: p.line, text: stripMarkdown(split.rest) }];
  }
  return [{ line: p.line, text: stripMarkdown(p.raw) }];
}

export function toBlocks(lines: readonly SourceLine[]): Block[] {
  const units = isHardWrapped(lines)
    ? paragraphs(lines)
    : lines.filter((l) => l.text !== '').map((l) => ({ line: l.line, raw: l.raw }));
  return units.flatMap(splitBoldHeading).filter((b) => b.text !== '');
}
