import { alternativeMarker } from './alternatives';
import { classifyBlock } from './headings';
import { splitLeadingBold, stripMarkdown } from './markdown';
import type { SourceLine } from './lines';
import { isMostlyUpper } from './normalise';
import { splitRunInHeadings } from './runIn';
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

/** Markdown bold marks in a line; an odd count leaves a bold heading running onto the next line. */
const boldMarks = (raw: string): number => raw.match(/\*\*/g)?.length ?? 0;


/**
 * Signs of hard wrapping: a line that continues a sentence in lower case ("…của Đảng Cộng\nsản
 * Việt Nam"), or a markdown bold run left open at the end of a line. Texts rendered one
 * paragraph per line show neither.
 */
function isHardWrapped(lines: readonly SourceLine[]): boolean {
  let wrapped = 0;
  let nonBlank = 0;
  let previous = '';
  for (const { text, raw } of lines) {
    if (text !== '') nonBlank += 1;
    if (previous !== '' && /^\p{Ll}/u.test(text) && !/^[a-zđ]\)/u.test(text) && !ENDS_SENTENCE.test(previous)) wrapped += 1;
    if (boldMarks(raw) % 2 === 1) wrapped += 1;
    previous = text;
  }
  return wrapped >= WRAPPED_MIN_LINES && wrapped >= nonBlank * WRAPPED_SHARE;
}

/** A heading line this much shorter than the text's wrap width ended there, not at the margin. */
const SHORT_LINE_SHARE = 0.75;
const HEADING_KINDS: ReadonlySet<string> = new Set(['article', 'chapter', 'section', 'part']);

interface Paragraph {
  line: number;
  raw: string;
  /** Shape of the paragraph's first line: a heading keeps its own block. */
  kind?: string;
  /** Count of "**" so far: odd while a bold heading runs on. */
  bold: number;
}

/**
 * Inside a hard-wrapped paragraph a new block still starts at a heading, clause or point,
 * but only where the line before ended (a full stop, a closed bold run, or short of the
 * margin): "tại Điều\n8" is a cross-reference, not Điều 8.
 * A heading also ends at a line well short of the margin ("Điều 1. Phạm vi") or before a
 * clause, and a line in capitals ends where it stops (titles are joined again where read).
 */
function startsNewBlock(open: Paragraph, previous: SourceLine, line: SourceLine, wrapWidth: number): boolean {
  const boldRunsOn = open.bold % 2 === 1;
  const lowerCase = /^\p{Ll}/u.test(line.text);
  const marks = classifyBlock(line.text) !== undefined || alternativeMarker(line.text) !== undefined || /^[-+•]\s/.test(line.text) || isSignatureStart(line.text);
  const short = previous.text.length < wrapWidth * SHORT_LINE_SHARE;
  const inHeading = open.kind !== undefined && HEADING_KINDS.has(open.kind) && !boldRunsOn;
  if (inHeading && !lowerCase && (marks || short)) return true;
  if (isMostlyUpper(previous.text) && !boldRunsOn && !lowerCase) return true;
  if (!marks) return false;
  return ENDS_SENTENCE.test(previous.text) || /\*\*\s*$/.test(previous.raw) || (short && !boldRunsOn);
}

/** The length most lines reach before wrapping (90th percentile). */
function wrapWidthOf(lines: readonly SourceLine[]): number {
  const lengths = lines.filter((l) => l.text !== '').map((l) => l.text.length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.9)] ?? 0;
}

function paragraphs(lines: readonly SourceLine[]): Paragraph[] {
  const out: Paragraph[] = [];
  const wrapWidth = wrapWidthOf(lines);
  let open: Paragraph | undefined;
  let previous: SourceLine | undefined;
  for (const l of lines) {
    if (l.text === '') {
      open = undefined;
    } else if (open && previous && !startsNewBlock(open, previous, l, wrapWidth)) {
      open.raw += ` ${l.raw}`;
      open.bold += boldMarks(l.raw);
    } else {
      open = { line: l.line, raw: l.raw, kind: classifyBlock(l.text)?.kind, bold: boldMarks(l.raw) };
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
  return units.flatMap(splitBoldHeading).flatMap(splitRunInHeadings).filter((b) => b.text !== '');
}
