import type { Alternative, Article } from '../draft';
import { alternativeMarker } from './alternatives';
import { appendText, closeArticle, openAlternative, openArticle, openChapter, openClause, openItem, openPart, openSection } from './builder';
import type { BlockShape } from './headings';
import { isNextItemLetter, skippedItemLetters } from './numerals';
import type { Context, Verdict } from './placement';
import { headingTitle, judgeChapter, judgePart, judgeSection } from './placement';
import { isArticleTitleLine, splitArticleLine } from './titles';
import { ParseWarningCode, articleRange, quote } from './warnings';

/** The walk's own memory: where articles started, and the run of text no article took. */
export interface Walk extends Context {
  started: boolean;
  /** Blocks before the first heading: the document's preamble. */
  preambleEnd: number;
  articleLines: Map<Article, number>;
  lastArticle?: { number: number; line: number };
  unplaced?: { line: number; text: string };
  /** Each article's or clause's alternatives, where the first began: a lone one is said at the end. */
  alternativeLists: { list: Alternative[]; line: number; where: string }[];
}

type Step = (walk: Walk, shape: BlockShape, at: number) => number | undefined;

function flushUnplaced(walk: Walk): void {
  if (!walk.unplaced) return;
  const { line, text } = walk.unplaced;
  walk.tree.warnings.push({ code: ParseWarningCode.UNPLACED_TEXT, line, message: `Đoạn văn không thuộc Điều nào: ${quote(text)}` });
  walk.unplaced = undefined;
}

function startHeading(walk: Walk, at: number): void {
  if (!walk.started) walk.preambleEnd = at;
  walk.started = true;
  flushUnplaced(walk);
}

function skipped(walk: Walk, at: number, verdict: Verdict): undefined {
  const block = walk.blocks[at];
  if (!verdict.ok && walk.started && block) {
    walk.tree.warnings.push({ code: ParseWarningCode.SKIPPED_HEADING, line: block.line, message: `Dòng ${quote(block.text)} trông như tiêu đề nhưng được coi là nội dung: ${verdict.reason}.` });
  }
  return undefined;
}

function numberWarnings(walk: Walk, number: number, line: number): void {
  const last = walk.lastArticle;
  const warn = (code: ParseWarningCode, message: string) => walk.tree.warnings.push({ code, line, message });
  if (!last && number > 1) warn(ParseWarningCode.ARTICLE_GAP, `Thiếu ${articleRange(1, number - 1)} (trước Điều ${number})`);
  if (last && number > last.number + 1) warn(ParseWarningCode.ARTICLE_GAP, `Thiếu ${articleRange(last.number + 1, number - 1)} (sau Điều ${last.number})`);
  if (last && number === last.number) warn(ParseWarningCode.ARTICLE_REPEAT, `Điều ${number} bị lặp lại (đã có ở dòng ${last.line})`);
}

/** Whether the block at `at` is text or a clause of the article opened just before it. */
function bodyFollows(walk: Walk, at: number): boolean {
  const kind = walk.shapes[at]?.kind;
  return at < walk.end && !walk.articles.has(at) && (kind === undefined || kind === 'clause' || kind === 'item');
}

const OFF_SEQUENCE: Verdict = { ok: false, reason: 'số Điều không khớp với thứ tự các Điều' };

const article: Step = (walk, shape, at) => {
  if (shape.kind !== 'article') return undefined;
  if (!walk.articles.has(at)) return shape.strong ? skipped(walk, at, OFF_SEQUENCE) : undefined;
  const line = walk.blocks[at]?.line ?? 1;
  startHeading(walk, at);
  const titleLine = walk.blocks[at + 1];
  const titleNext = shape.rest === '' && at + 1 < walk.end && !walk.articles.has(at + 1) && isArticleTitleLine(titleLine);
  const { title, body } = titleNext ? { title: titleLine.text, body: '' } : splitArticleLine(shape.rest, bodyFollows(walk, at + 1));
  if (!openArticle(walk.tree, shape.number, title, line)) return undefined;
  numberWarnings(walk, shape.number, line);
  if (walk.tree.article) walk.articleLines.set(walk.tree.article, line);
  if (body !== '') appendText(walk.tree, body);
  walk.lastArticle = { number: shape.number, line };
  return titleNext ? at + 2 : at + 1;
};

const chapter: Step = (walk, shape, at) => {
  if (shape.kind !== 'chapter') return undefined;
  const verdict = judgeChapter(walk, shape, at);
  if (!verdict.ok) return shape.style === 'chapter' ? skipped(walk, at, verdict) : undefined;
  const { title, next } = headingTitle(walk, at, shape.title);
  startHeading(walk, at);
  if (!openChapter(walk.tree, shape.number, title, walk.blocks[at]?.line ?? 1)) return undefined;
  walk.chapterStyle = shape.style;
  walk.lastChapter = shape.value;
  return next;
};

const part: Step = (walk, shape, at) => {
  if (shape.kind !== 'part') return undefined;
  const verdict = judgePart(walk, shape, at);
  if (!verdict.ok) return skipped(walk, at, verdict);
  const { title, next } = headingTitle(walk, at, shape.title);
  startHeading(walk, at);
  closeArticle(walk.tree);
  openPart(walk.tree, shape.number, title);
  walk.lastPart = shape.value;
  return next;
};

const section: Step = (walk, shape, at) => {
  if (shape.kind !== 'section') return undefined;
  const verdict = judgeSection(walk, shape);
  if (!verdict.ok) return skipped(walk, at, verdict);
  const { title, next } = headingTitle(walk, at, shape.title);
  startHeading(walk, at);
  return openSection(walk.tree, shape.number, title, walk.blocks[at]?.line ?? 1) ? next : undefined;
};

/** Clauses count 1, 2, 3… inside an article; points a), b), c)… inside a clause. */
const clauseOrItem: Step = (walk, shape, at) => {
  const tree = walk.tree;
  const line = walk.blocks[at]?.line ?? 1;
  if (shape.kind === 'clause' && tree.article && shape.number === (tree.clause?.number ?? 0) + 1) {
    return openClause(tree, shape.number, shape.text, line) ? at + 1 : undefined;
  }
  if (shape.kind === 'item' && tree.clause && isNextItemLetter(tree.item?.letter, shape.letter)) {
    return openItem(tree, shape.letter, shape.text, line) ? at + 1 : undefined;
  }
  // A skipped letter is a point of its own, said beside its line, never folded into the previous point.
  const skipped = shape.kind === 'item' && tree.clause ? skippedItemLetters(tree.item?.letter, shape.letter) : undefined;
  if (shape.kind === 'item' && skipped) {
    const after = tree.item?.letter ?? '';
    if (!openItem(tree, shape.letter, shape.text, line)) return undefined;
    tree.warnings.push({ code: ParseWarningCode.POINT_GAP, line, message: `Thiếu điểm ${skipped.join(', ')} (sau điểm ${after})` });
    return at + 1;
  }
  return undefined;
};

function whereOf(walk: Walk): string {
  const { article: a, clause } = walk.tree;
  return clause ? `khoản ${clause.number} Điều ${a?.number ?? ''}` : `Điều ${a?.number ?? ''}`;
}

/** "Phương án 1: …" opens an alternative of the open clause, or of the article when no clause is open. */
function alternative(walk: Walk, at: number): number | undefined {
  const block = walk.blocks[at];
  const marker = block && walk.tree.article ? alternativeMarker(block.text) : undefined;
  if (!block || !marker) return undefined;
  const tree = walk.tree;
  const owner = tree.clause ?? tree.article;
  const before = owner?.alternatives?.length ?? 0;
  const where = whereOf(walk);
  const warn = (code: ParseWarningCode, message: string) => tree.warnings.push({ code, line: block.line, message });
  // A clause that announces alternatives ends with a colon; one that does not may only precede the article's.
  if (before === 0 && tree.clause && (tree.item || !/:\s*$/.test(tree.clause.text))) {
    warn(ParseWarningCode.ALTERNATIVE_UNSURE, `Phương án ${marker.number} được gắn với ${where}; nếu là phương án của cả Điều, hãy sửa lại`);
  }
  if (marker.number !== before + 1) warn(ParseWarningCode.ALTERNATIVE_GAP, `Phương án ${marker.number} của ${where} đứng sau ${before === 0 ? 'không có phương án nào' : `Phương án ${before}`}`);
  if (!openAlternative(tree, marker.number, marker.text, block.line)) return undefined;
  const list = owner?.alternatives;
  if (before === 0 && list) walk.alternativeLists.push({ list, line: block.line, where });
  return at + 1;
}

/** Inside an alternative, clauses and points are its text; the clause after a clause's alternatives ends them. */
function inAlternative(walk: Walk, shape: BlockShape): boolean {
  const open = walk.tree.alternative;
  if (!open || (shape.kind !== 'clause' && shape.kind !== 'item')) return false;
  return !(open.of === 'clause' && shape.kind === 'clause' && shape.number === (walk.tree.clause?.number ?? 0) + 1);
}

const STEPS: readonly Step[] = [article, chapter, part, section, clauseOrItem];

/** Said once the walk is over: an article or clause with a single alternative. */
export function alternativeWarnings(walk: Walk): void {
  for (const { list, line, where } of walk.alternativeLists) {
    if (list.length === 1) walk.tree.warnings.push({ code: ParseWarningCode.ALTERNATIVE_SINGLE, line, message: `${where} chỉ có một phương án: kiểm tra lại` });
  }
}

function placeText(walk: Walk, at: number): void {
  const block = walk.blocks[at];
  if (!block || !walk.started || appendText(walk.tree, block.text)) return;
  walk.unplaced ??= { line: block.line, text: block.text };
}

/** Places every block before the signature into the tree. */
export function walkBlocks(walk: Walk): void {
  let at = 0;
  while (at < walk.end) {
    const shape = walk.shapes[at];
    let next = alternative(walk, at);
    if (next === undefined && shape && !inAlternative(walk, shape)) {
      for (const step of STEPS) {
        next = step(walk, shape, at);
        if (next !== undefined) break;
      }
    }
    if (next === undefined) {
      placeText(walk, at);
      next = at + 1;
    }
    at = next;
  }
  flushUnplaced(walk);
  if (!walk.started) walk.preambleEnd = walk.end;
}
