import { z } from 'zod';

/** What an entry of the log is about: the audit view's "kind" filter. */
export const AUDIT_AREAS = ['conference', 'agenda', 'points', 'floor', 'comments'] as const;
export const AuditAreaSchema = z.enum(AUDIT_AREAS);
export type AuditArea = z.infer<typeof AuditAreaSchema>;

/**
 * The facts a sentence is built from (names, article references, codes such as a comment kind). Rows
 * carry them beside the Vietnamese sentence so a console can say the same thing in its own language,
 * the way refusals carry a reason and params (B8).
 */
export const AuditParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type AuditParams = z.infer<typeof AuditParamsSchema>;

/** Who did it, from the actor the hub stamped from the session (never from what a client claimed). */
export const AuditWhoSchema = z.object({
  /** chair, secretary, point, display, organiser or system. */
  role: z.string(),
  /** The role in Vietnamese words ("Thư ký"). */
  roleLabel: z.string(),
  /** The bridge point the session speaks for (the chair's is the central point). */
  pointId: z.string().optional(),
  point: z.string().optional(),
  /** The name a person gave their session (a secretary on the shared code), when it is not just the code's label. */
  name: z.string().optional(),
});
export type AuditWho = z.infer<typeof AuditWhoSchema>;

/** One event of the log in words (H8). */
export const AuditRowSchema = z.object({
  seq: z.number().int().positive(),
  /** Hub time, ms since the epoch. */
  at: z.number(),
  /** "08:05:09 27/10/2023" in the conference's time zone (K11). */
  time: z.string(),
  who: AuditWhoSchema,
  area: AuditAreaSchema,
  /** The event type ("floor.denied"): the key a console renders `params` with. */
  action: z.string(),
  /** The bridge point the entry concerns (whose request, speech or comment), if any. */
  pointId: z.string().optional(),
  point: z.string().optional(),
  params: AuditParamsSchema,
  /** What happened, in Vietnamese: the CSV's words, and a console's fallback for an action it does not know. */
  text: z.string(),
});
export type AuditRow = z.infer<typeof AuditRowSchema>;

/** The hub's answer to `GET /api/conferences/:id/audit`. */
export const AuditAnswerSchema = z.object({ seq: z.number().int().min(0), timeZone: z.string(), rows: z.array(AuditRowSchema) });
export type AuditAnswer = z.infer<typeof AuditAnswerSchema>;
