import { z } from 'zod';
import { command } from '../protocol/commandBase';
import { IdSchema, textField } from '../protocol/fields';

/**
 * What a consultation (lấy ý kiến) asks: which of an article's alternatives (phương án) a point supports, or a
 * plain approval (tán thành / không tán thành / ý kiến khác) of an article or clause.
 */
export const CONSULTATION_KINDS = ['alternatives', 'approval'] as const;
export const ConsultationKindSchema = z.enum(CONSULTATION_KINDS);
export type ConsultationKind = z.infer<typeof ConsultationKindSchema>;

/** The options of an approval, in the order the consoles show them. */
export const APPROVAL_OPTIONS = ['agree', 'disagree', 'other'] as const;

/** An hour at most: a longer limit is a typing slip. */
export const MAX_CONSULTATION_S = 3_600;
export const POSITION_REASON_CHARS = 500;

/** The chair asks the points; the consultation's id is the command's id. */
export const ConsultationOpen = command('consultation.open', {
  kind: ConsultationKindSchema,
  article: z.number().int().positive().max(100_000),
  clause: z.number().int().positive().max(1_000).optional(),
  /** Seconds the points have to answer; no limit when absent. */
  timeLimitS: z.number().int().min(10).max(MAX_CONSULTATION_S).optional(),
  /** Show only the counts, not which point chose what. */
  hideNames: z.boolean().default(false),
});

/** A point's answer (its position): one per point, a later one replaces it until the consultation closes. */
export const ConsultationAnswer = command('consultation.answer', {
  consultationId: IdSchema,
  pointId: IdSchema,
  optionId: IdSchema,
  reason: textField(POSITION_REASON_CHARS).default(''),
});

export const ConsultationClose = command('consultation.close', { consultationId: IdSchema });

/** Names shown beside the tally (on the chair's console and the display) or only the counts. */
export const ConsultationShowNames = command('consultation.showNames', { consultationId: IdSchema, shown: z.boolean() });
