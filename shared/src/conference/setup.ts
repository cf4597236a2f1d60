import { z } from 'zod';
import { DraftSchema } from '../draft/draft';
import { ArticleRefsSchema, IdSchema, LIMITS, requiredText, textField } from '../protocol/fields';
import { DEFAULT_TIME_ZONE, isTimeZone } from './timeZone';

export const AGENDA_KINDS = ['opening', 'presentation', 'discussion', 'conclusion', 'other'] as const;
export const AgendaKindSchema = z.enum(AGENDA_KINDS);
export type AgendaKind = z.infer<typeof AgendaKindSchema>;

export const AgendaItemSchema = z.object({
  id: IdSchema,
  kind: AgendaKindSchema,
  title: requiredText(300),
  articles: ArticleRefsSchema.default([]),
  plannedMinutes: z.number().int().min(0).max(24 * 60).optional(),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

export const DelegateSchema = z.object({
  id: IdSchema,
  name: requiredText(LIMITS.NAME_CHARS),
  position: textField(LIMITS.NAME_CHARS).default(''),
});
export type Delegate = z.infer<typeof DelegateSchema>;

export const PointKindSchema = z.enum(['central', 'provincial']);
export const BridgePointSetupSchema = z.object({
  id: IdSchema,
  name: requiredText(LIMITS.NAME_CHARS),
  kind: PointKindSchema,
  delegates: z.array(DelegateSchema).max(200).default([]),
});
export type BridgePointSetup = z.infer<typeof BridgePointSetupSchema>;

export const DiscussionModeSchema = z.enum(['request', 'open', 'chair-only']);
export type DiscussionMode = z.infer<typeof DiscussionModeSchema>;

export const SettingsSchema = z.object({
  defaultSpeechS: z.number().int().min(30).max(3_600).default(300),
  /** Open (pending, accepted or granted) requests a point may hold at once. */
  maxOpenRequestsPerPoint: z.number().int().min(1).max(20).default(2),
  /** When true the hub ends a speech by itself at its limit; otherwise it only warns. */
  autoEndSpeech: z.boolean().default(false),
  /** When true the chair accepts each request before it enters the queue. */
  moderatedRequests: z.boolean().default(false),
  /** Seconds before the limit at which timers turn amber. */
  warningBeforeS: z.number().int().min(0).max(600).default(30),
  discussionMode: DiscussionModeSchema.default('request'),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Everything the organiser fixes before the conference: the payload of `conference.created`. */
export const ConferenceSetupSchema = z
  .object({
    title: requiredText(300),
    scheduledAt: z.iso.datetime({ offset: true }).optional(),
    venue: textField(300).optional(),
    /** IANA zone the conference's times are shown in (K11). */
    timeZone: z.string().max(64).refine(isTimeZone, { message: 'unknown time zone: use an IANA name such as Asia/Ho_Chi_Minh' }).default(DEFAULT_TIME_ZONE),
    draft: DraftSchema,
    agenda: z.array(AgendaItemSchema).max(200).default([]),
    points: z.array(BridgePointSetupSchema).min(1).max(500),
    settings: SettingsSchema.default(SettingsSchema.parse({})),
  })
  .superRefine((setup, ctx) => {
    const central = setup.points.filter((p) => p.kind === 'central');
    if (central.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['points'], message: 'exactly one central point is required' });
    }
    const ids = new Set<string>();
    for (const [i, p] of setup.points.entries()) {
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: ['points', i, 'id'], message: `duplicate point id ${p.id}` });
      ids.add(p.id);
    }
    const agendaIds = new Set(setup.agenda.map((a) => a.id));
    if (agendaIds.size !== setup.agenda.length) {
      ctx.addIssue({ code: 'custom', path: ['agenda'], message: 'duplicate agenda item id' });
    }
  });
export type ConferenceSetup = z.infer<typeof ConferenceSetupSchema>;
export type ConferenceSetupInput = z.input<typeof ConferenceSetupSchema>;
