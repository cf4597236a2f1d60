import { z } from 'zod';
import { event } from '../protocol/eventBase';
import { IdSchema } from '../protocol/fields';
import { ConsultationKindSchema } from './consultationCommands';

/** An option as it was put to the points: copied from the draft when opened, so later edits of the draft leave it. */
export const ConsultationOptionSchema = z.object({ id: IdSchema, label: z.string(), text: z.string().default('') });
export type ConsultationOption = z.infer<typeof ConsultationOptionSchema>;

/** chair: the chair closed it; expired: its time limit ran out (written by the next command that touches it). */
export const CLOSE_REASONS = ['chair', 'expired'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const ConsultationOpened = event('consultation.opened', {
  consultationId: IdSchema,
  kind: ConsultationKindSchema,
  article: z.number().int().positive(),
  clause: z.number().int().positive().optional(),
  options: z.array(ConsultationOptionSchema),
  /** ms since the epoch; answers from then on are refused. */
  closesAt: z.number().int().optional(),
  hideNames: z.boolean(),
});
export const ConsultationAnswered = event('consultation.answered', {
  consultationId: IdSchema,
  pointId: IdSchema,
  optionId: IdSchema,
  reason: z.string(),
  /**
   * Present when the chair recorded the answer on the point's behalf (a point on the phone, its console down);
   * absent when the point answered itself. Stamped by decide from the session, never taken from the command.
   * Optional, so logs written before it read unchanged.
   */
  recordedBy: z.literal('chair').optional(),
});
/** `closedAt`: when it stopped taking answers (its deadline when it expired, whenever the event was written). */
export const ConsultationClosed = event('consultation.closed', {
  consultationId: IdSchema,
  closedAt: z.number().int(),
  reason: z.enum(CLOSE_REASONS),
});
export const ConsultationNamesShown = event('consultation.namesShown', { consultationId: IdSchema, shown: z.boolean() });
