import { z } from 'zod';
import { MAX_DOCX_INFLATED_BYTES, MAX_DRAFT_TEXT_CHARS } from '../draftImport/draftImportErrors';

/**
 * What the parsing code itself enforces, wherever it runs (a pool worker, or in-process in tests and
 * tools). The pool adds what only a separate thread can enforce: the time limit and the memory limit.
 */
export const ParseLimitsSchema = z.object({
  /** Bytes a .docx or .xlsx may inflate to, counted while inflating (IMPORT_MAX_INFLATED_MB). */
  maxInflatedBytes: z.number().int().positive(),
  /** Characters of text handed to a parser: a draft's text, a CSV's (IMPORT_MAX_TEXT_CHARS). */
  maxTextChars: z.number().int().positive(),
});
export type ParseLimits = z.infer<typeof ParseLimitsSchema>;

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxInflatedBytes: MAX_DOCX_INFLATED_BYTES, maxTextChars: MAX_DRAFT_TEXT_CHARS };
