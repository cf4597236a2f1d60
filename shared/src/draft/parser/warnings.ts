import { z } from 'zod';
import { DraftSchema } from '../draft';
import { clip } from './normalise';

/** What the parser tells the organiser about a draft it has read; none of them stops the import. */
export const ParseWarningCode = {
  /** Article numbers skip one or more numbers. */
  ARTICLE_GAP: 'ARTICLE_GAP',
  /** Point letters skip one or more letters ("đ)" right after "b)"); the point is kept as lettered. */
  POINT_GAP: 'POINT_GAP',
  /** An article number is used twice in a row. */
  ARTICLE_REPEAT: 'ARTICLE_REPEAT',
  /** An article with neither text nor clauses. */
  EMPTY_ARTICLE: 'EMPTY_ARTICLE',
  /** Text between headings that belongs to no article. */
  UNPLACED_TEXT: 'UNPLACED_TEXT',
  /** No article at all was found. */
  NO_STRUCTURE: 'NO_STRUCTURE',
  /** A line shaped like a Phần, Chương or Mục heading that is out of order, so read as text. */
  SKIPPED_HEADING: 'SKIPPED_HEADING',
  /** The text starts over (a document pasted twice); the repeat was left out. */
  DUPLICATE_TEXT: 'DUPLICATE_TEXT',
  /** An attachment after the signature (plan, annex) was left out of the draft. */
  TRAILING_TEXT: 'TRAILING_TEXT',
  /** Alternatives (phương án) of one article or clause not numbered 1, 2, 3…. */
  ALTERNATIVE_GAP: 'ALTERNATIVE_GAP',
  /** An article or clause with a single alternative: a mention read as a marker, or the others missing. */
  ALTERNATIVE_SINGLE: 'ALTERNATIVE_SINGLE',
  /** Alternatives placed on a clause (or article) the text does not clearly give them to. */
  ALTERNATIVE_UNSURE: 'ALTERNATIVE_UNSURE',
  /** The draft is larger than the draft limits; the rest was dropped. */
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
} as const;
export type ParseWarningCode = (typeof ParseWarningCode)[keyof typeof ParseWarningCode];

export const ParseWarningSchema = z.object({
  code: z.enum(ParseWarningCode),
  /** 1-based line of the input the warning is about. */
  line: z.number().int().positive(),
  /** Vietnamese, for the organiser. */
  message: z.string(),
});
export type ParseWarning = z.infer<typeof ParseWarningSchema>;

export const ParseStatsSchema = z.object({
  parts: z.number().int().nonnegative(),
  chapters: z.number().int().nonnegative(),
  sections: z.number().int().nonnegative(),
  articles: z.number().int().nonnegative(),
});
export type ParseStats = z.infer<typeof ParseStatsSchema>;

export const ParseResultSchema = z.object({
  draft: DraftSchema,
  warnings: z.array(ParseWarningSchema),
  stats: ParseStatsSchema,
});
export type ParseResult = z.infer<typeof ParseResultSchema>;

const QUOTE_MAX_CHARS = 60;

/** A short quotation of a line for a warning message. */
export function quote(text: string): string {
  return `“${clip(text, QUOTE_MAX_CHARS)}”`;
}

export function articleRange(from: number, to: number): string {
  return from === to ? `Điều ${from}` : `Điều ${from} đến Điều ${to}`;
}
