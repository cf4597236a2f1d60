import { z } from 'zod';
import { nfc } from '../text/vietnamese';

/** Input limits: anything longer is refused as INVALID rather than stored. */
export const LIMITS = {
  ID_CHARS: 64,
  NAME_CHARS: 120,
  TOPIC_CHARS: 300,
  COMMENT_CHARS: 10_000,
  REASON_CHARS: 500,
  ARTICLE_REFS: 30,
} as const;

/** Trimmed, NFC-normalised text: every Vietnamese string enters the log this way. */
export const textField = (max: number) =>
  z
    .string()
    .max(max * 2)
    .transform((s) => nfc(s.trim()))
    .pipe(z.string().max(max));

export const requiredText = (max: number) => textField(max).pipe(z.string().min(1).max(max));

/**
 * Names every object already answers to (`__proto__`, `constructor`, `toString`, `hasOwnProperty`…): refused as
 * ids, so no lookup keyed by id — in the state, a report's tally or a console's table — can mistake one for an entry.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

export const IdSchema = z
  .string()
  .min(1)
  .max(LIMITS.ID_CHARS)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'id: letters, digits, _ . : - only')
  .refine((id) => !RESERVED_IDS.has(id), 'id: a reserved name');

export const CommandIdSchema = z.uuid();

/** A reference to an article of the draft, optionally to one of its clauses (khoản) and item (điểm). */
export const ArticleRefSchema = z.object({
  article: z.number().int().positive().max(100_000),
  clause: z.number().int().positive().max(1_000).optional(),
  item: z.string().min(1).max(3).optional(),
});
export type ArticleRef = z.infer<typeof ArticleRefSchema>;

export const ArticleRefsSchema = z.array(ArticleRefSchema).max(LIMITS.ARTICLE_REFS);

export const DelegateRefSchema = z.object({
  /** A registered delegate of the point, or absent when typed in on the spot. */
  delegateId: IdSchema.optional(),
  name: requiredText(LIMITS.NAME_CHARS),
  position: textField(LIMITS.NAME_CHARS).default(''),
});
export type DelegateRef = z.infer<typeof DelegateRefSchema>;
