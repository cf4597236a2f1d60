import { z } from 'zod';
import type { ArticleRef } from '../protocol/fields';
import { currentSpeech, type ConferenceState } from '../conference/state';

/**
 * What the viewer page shows beside the livestream (issue 13), read from the log as the display does: the
 * conference, the agenda item, the floor holder (name, point, articles) and the speech's clock. Served as a small
 * JSON next to the stream, so thousands of viewers read it through the same caches as the video.
 */
export interface StreamNow {
  conferenceId: string;
  title: string;
  status: ConferenceState['status'];
  agendaItem: { id: string; title: string } | null;
  speech: {
    id: string;
    pointId: string;
    pointName: string;
    delegateName: string;
    position: string;
    articles: ArticleRef[];
    topic: string;
    startedAt: number;
    /** Allowed length, s (limit + extensions). */
    allowedS: number;
    pausedMs: number;
    pausedAt: number | null;
  } | null;
  /** The hub's clock when this was built: the page counts the timer against it. */
  serverNow: number;
}

export function streamNowOf(state: ConferenceState, now: number): StreamNow {
  const speech = currentSpeech(state);
  const live = speech && speech.status.kind !== 'ended' ? speech : undefined;
  const itemId = live?.agendaItemId ?? state.activeAgendaItemId;
  const item = itemId ? state.agenda.get(itemId) : undefined;
  return {
    conferenceId: state.id,
    title: state.title,
    status: state.status,
    agendaItem: item ? { id: item.id, title: item.title } : null,
    speech: live
      ? {
          id: live.id, pointId: live.pointId, pointName: state.points.get(live.pointId)?.name ?? '', delegateName: live.delegate.name,
          position: live.delegate.position, articles: live.articles, topic: live.topic, startedAt: live.startedAt,
          allowedS: live.limitS + live.extendedS, pausedMs: live.pausedMs, pausedAt: live.status.kind === 'paused' ? live.status.pausedAt : null,
        }
      : null,
    serverNow: now,
  };
}

/** Seconds spoken so far (pauses excluded), counted against the hub's clock. */
export function streamElapsedS(speech: NonNullable<StreamNow['speech']>, hubNow: number): number {
  const until = speech.pausedAt ?? hubNow;
  return Math.max(0, Math.floor((until - speech.startedAt - speech.pausedMs) / 1000));
}

/** A speech's recording as the organiser's list has it (SPEC R1–R4). */
export const SpeechRecordingSchema = z.object({
  speechId: z.string(),
  pointId: z.string(),
  pointName: z.string(),
  delegateName: z.string(),
  articles: z.array(z.object({ article: z.number(), clause: z.number().optional(), item: z.string().optional() })),
  startedAt: z.number(),
  /** Absent while the speech goes on. */
  endedAt: z.number().optional(),
  /** Recorded stretches of the speech; a gap between two is time not recorded (FFmpeg restarting, disk full). */
  ranges: z.array(z.object({ fromMs: z.number(), toMs: z.number() })),
  recordedMs: z.number(),
});
export type SpeechRecording = z.infer<typeof SpeechRecordingSchema>;

/** What the organiser is warned of (LS5): the disk filled up (live and recording stopped), or FFmpeg keeps failing. */
export const StreamWarningSchema = z.object({ kind: z.enum(['diskFull', 'ffmpegRestarting']), at: z.number() });
export type StreamWarning = z.infer<typeof StreamWarningSchema>;

/** Pushed to the conference's organiser sockets when the warning starts or clears (null: recovered), LS11. */
export const StreamNoticeSchema = z.object({ warning: StreamWarningSchema.nullable() });
export type StreamNotice = z.infer<typeof StreamNoticeSchema>;

export const StreamInfoSchema = z.object({
  /** False when the hub has no FFmpeg (or streaming is switched off): the consoles offer neither stream nor recordings. */
  enabled: z.boolean(),
  state: z.enum(['off', 'idle', 'starting', 'running', 'restarting', 'diskFull', 'stopped']),
  /** The live playlist (relative to the hub), for any session of the conference. */
  url: z.string().optional(),
  /** Beside it: what the viewer page shows (StreamNow). */
  nowUrl: z.string().optional(),
  warning: StreamWarningSchema.optional(),
});
export type StreamInfo = z.infer<typeof StreamInfoSchema>;
