import { command } from '../protocol/commandBase';
import { ConferenceSetupSchema, DiscussionModeSchema } from './setup';
import { z } from 'zod';

export const ConferenceStart = command('conference.start', {});
export const ConferenceEnd = command('conference.end', {});
/** Discussion mode decides whose microphones the SFU lets through. */
export const DiscussionSetMode = command('discussion.setMode', { mode: DiscussionModeSchema });
export const SettingsUpdate = command('settings.update', {
  defaultSpeechS: z.number().int().min(30).max(3_600).optional(),
  autoEndSpeech: z.boolean().optional(),
  maxOpenRequestsPerPoint: z.number().int().min(1).max(20).optional(),
});
/** The organiser replaces the setup (title, draft, agenda, points, settings) before the start. */
export const ConferenceConfigure = command('conference.configure', { setup: ConferenceSetupSchema });
/** An ended conference leaves the organisers' working list; its log and reports stay. */
export const ConferenceArchive = command('conference.archive', {});
