import { z } from 'zod';
import { event } from '../protocol/eventBase';
import { IdSchema } from '../protocol/fields';
import { ConferenceSetupSchema, DiscussionModeSchema, SettingsSchema } from './setup';

export const ConferenceCreated = event('conference.created', { conferenceId: IdSchema, setup: ConferenceSetupSchema });
export const ConferenceStarted = event('conference.started', {});
export const ConferenceEnded = event('conference.ended', {});
export const DiscussionModeSet = event('discussion.modeSet', { mode: DiscussionModeSchema });
export const SettingsUpdated = event('settings.updated', { settings: SettingsSchema.partial() });
export const AgendaActivated = event('agenda.activated', { itemId: IdSchema });
export const PointReadied = event('point.readied', {
  pointId: IdSchema,
  ready: z.boolean(),
  connectionChecked: z.boolean(),
  soundChecked: z.boolean(),
  delegatesPresent: z.array(IdSchema),
});
export const ConferenceConfigured = event('conference.configured', { setup: ConferenceSetupSchema });
export const ConferenceArchived = event('conference.archived', {});
