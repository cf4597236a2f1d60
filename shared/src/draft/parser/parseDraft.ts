import { selectArticleChain } from './articleSequence';
import type { ArticleCandidate } from './articleSequence';
import { toBlocks, type Block } from './blocks';
import { createTree, finishTree } from './builder';
import { classifyBlock } from './headings';
import type { BlockShape } from './headings';
import { toSourceLines } from './lines';
import { DRAFT_LIMITS } from '../draft';
import { clip, normaliseText } from './normalise';
import { findAttachment, findTrailer } from './signature';
import { documentTitle } from './titles';
import { alternativeWarnings, walkBlocks } from './walk';
import type { Walk } from './walk';
import { ParseWarningCode, quote } from './warnings';
import type { ParseResult, ParseWarning } from './warnings';

export interface ParseOptions {
  /** The draft's title; read from the preamble ("LUẬT" + "AN NINH MẠNG") when absent. */
  title?: string;
}

const FALLBACK_TITLE = 'Dự thảo';

/** Text, a clause or a point: what follows the heading of an article that has content. */
const isBodyShape = (shape: BlockShape | undefined): boolean => shape === undefined || shape.kind === 'clause' || shape.kind === 'item';

function articleCandidates(shapes: ReadonlyArray<BlockShape | undefined>, end: number): ArticleCandidate[] {
  const out: ArticleCandidate[] = [];
  shapes.slice(0, end).forEach((shape, at) => {
    if (shape?.kind === 'article') out.push({ at, number: shape.number, strong: shape.strong, hasBody: at + 1 < end && isBodyShape(shapes[at + 1]) });
  });
  return out;
}

function endWarnings(walk: Walk, trailer: number): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  for (const [article, line] of walk.articleLines) {
    if (article.intro === '' && article.clauses.length === 0 && !article.alternatives) {
      warnings.push({ code: ParseWarningCode.EMPTY_ARTICLE, line, message: `Điều ${article.number} không có nội dung` });
    }
  }
  const attachment = findAttachment(walk.blocks, trailer);
  if (attachment) {
    warnings.push({ code: ParseWarningCode.TRAILING_TEXT, line: attachment.line, message: `Phần sau chữ ký, từ ${quote(attachment.text)}, không được đưa vào dự thảo` });
  }
  if (walk.tree.counts.articles === 0) {
    warnings.push({ code: ParseWarningCode.NO_STRUCTURE, line: 1, message: 'Không tìm thấy Điều nào (“Điều 1.”, “Điều 2.”…) trong văn bản' });
  }
  return warnings;
}

/** How many lines must repeat, in order, for a restart of the text to count as the document pasted again. */
const REPEAT_LINES = 3;

/**
 * Where the text starts over (a document pasted twice): the first block after the first article from which
 * the opening lines — or the first article's heading and the lines after it — come again in order, moved
 * back over the preamble lines repeated before it. undefined when nothing repeats.
 */
function findRepeat(blocks: readonly Block[], firstArticle: number): number | undefined {
  const same = (a: number, b: number, n: number) => {
    for (let k = 0; k < n; k += 1) if (blocks[a + k]?.text !== blocks[b + k]?.text || blocks[a + k] === undefined) return false;
    return true;
  };
  for (let j = firstArticle + 1; j + REPEAT_LINES <= blocks.length; j += 1) {
    if (firstArticle >= REPEAT_LINES && same(0, j, REPEAT_LINES)) return j;
    if (same(firstArticle, j, REPEAT_LINES)) {
      let start = j;
      while (start - 1 > firstArticle && firstArticle - (j - start) - 1 >= 0 && blocks[start - 1]?.text === blocks[firstArticle - (j - start) - 1]?.text) start -= 1;
      return start;
    }
  }
  return undefined;
}

/** Enough to show what is wrong with a file; a hostile one would otherwise get one per line. */
const MAX_WARNINGS = 500;

function capWarnings(warnings: ParseWarning[]): ParseWarning[] {
  if (warnings.length <= MAX_WARNINGS) return warnings;
  const kept = warnings.slice(0, MAX_WARNINGS);
  const line = kept[kept.length - 1]?.line ?? 1;
  kept.push({ code: ParseWarningCode.LIMIT_EXCEEDED, line, message: `Còn ${warnings.length - MAX_WARNINGS} cảnh báo khác không được liệt kê` });
  return kept;
}

function draftTitle(walk: Walk, given: string | undefined): string {
  const own = given === undefined ? '' : normaliseText(given).replace(/\n/g, ' ').trim();
  if (own !== '') return own;
  return documentTitle(walk.blocks.slice(0, walk.preambleEnd)) ?? FALLBACK_TITLE;
}

/**
 * Reads the structure of a Vietnamese legal draft (Phần, Chương, Mục, Điều, khoản, điểm) from
 * plain or markdown text. Never throws: what it cannot place is reported as warnings.
 */
export function parseDraft(text: string, options: ParseOptions = {}): ParseResult {
  const blocks = toBlocks(toSourceLines(normaliseText(text)));
  const shapes = blocks.map((b) => classifyBlock(b.text));
  const firstArticle = shapes.findIndex((s) => s?.kind === 'article');
  const signed = firstArticle < 0 ? blocks.length : findTrailer(blocks, firstArticle + 1);
  const repeat = firstArticle < 0 ? undefined : findRepeat(blocks, firstArticle);
  // A document pasted twice ends where it starts over: one draft, and the copy said, not merged into the last article.
  const trailer = repeat !== undefined && repeat < signed ? repeat : signed;
  const walk: Walk = {
    blocks, shapes, end: trailer, tree: createTree(),
    articles: selectArticleChain(articleCandidates(shapes, trailer)),
    lastChapter: 0, lastPart: 0, started: false, preambleEnd: 0, articleLines: new Map(), alternativeLists: [],
  };
  walkBlocks(walk);
  alternativeWarnings(walk);
  const repeated = repeat !== undefined && repeat === trailer && blocks[repeat]
    ? [{ code: ParseWarningCode.DUPLICATE_TEXT, line: blocks[repeat].line, message: `Văn bản như được dán hai lần: phần lặp lại từ dòng ${blocks[repeat].line} không được đưa vào dự thảo` }]
    : [];
  const warnings = capWarnings([...walk.tree.warnings, ...endWarnings(walk, repeated.length > 0 ? blocks.length : trailer), ...repeated].sort((a, b) => a.line - b.line));
  const title = clip(draftTitle(walk, options.title), DRAFT_LIMITS.TITLE_CHARS);
  return { draft: finishTree(walk.tree, title), warnings, stats: { ...walk.tree.counts } };
}
