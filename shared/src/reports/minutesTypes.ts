import type { ArticleRef } from '../protocol/fields';
import type { CommentEntry } from './commentEntry';
import type { MinutesArticleTime, MinutesBudget } from './minutesBudgets';
import type { ConsultationSynthesis } from './positionsSynthesis';
import type { ConferenceInfo } from './reportDirectory';
import type { SpeechEndReason } from './reportLabels';

export interface MinutesSpeech {
  id: string;
  /** 1-based, in order of the floor being given. */
  no: number;
  pointId: string;
  pointName: string;
  speaker: string;
  position: string;
  articles: ArticleRef[];
  articlesLabel: string;
  topic: string;
  agendaItemId?: string;
  agendaTitle?: string;
  startedAt: number;
  start: string;
  endedAt?: number;
  /** HH:mm:ss, or '' while the speech runs. */
  end: string;
  /** Speaking time without pauses. */
  durationMs: number;
  duration: string;
  limitS: number;
  extendedS: number;
  /** How many times the chair extended the time. */
  extensions: number;
  allowedMs: number;
  overrunMs: number;
  overrun: string;
  pausedMs: number;
  endReason?: SpeechEndReason;
  endLabel: string;
  /** The chair's reason when the speech was stopped. */
  revokeReason?: string;
  /** Comments logged against this speech, earliest first. */
  comments: CommentEntry[];
  /** Where the organiser hears this speech's recording (LS3), set by the hub when some of it was recorded. */
  recordingUrl?: string;
}

interface At {
  at: number;
  /** HH:mm:ss, Vietnam time. */
  time: string;
}

export type MinutesEntry =
  | (At & { kind: 'opened'; text: string })
  | (At & { kind: 'agenda'; itemId: string; title: string; agendaKindLabel: string })
  | (At & { kind: 'speech'; speech: MinutesSpeech })
  /** A comment not made in a speech (written, or logged on its own), where it was logged. */
  | (At & { kind: 'comment'; comment: CommentEntry })
  /** The chair declined a point's request; `text` says who asked and why not, as the minutes print it. */
  | (At & { kind: 'denied'; pointId: string; pointName: string; speaker: string; reason: string; text: string })
  /** A consultation opened, or stopped taking answers (with its count); `text` as the minutes print it (PO15). */
  | (At & { kind: 'consultation'; consultationId: string; phase: 'opened' | 'closed'; text: string })
  | (At & { kind: 'closed'; text: string });

export interface PointTotals {
  pointId: string;
  name: string;
  speeches: number;
  speakingMs: number;
  speaking: string;
  overrunMs: number;
  overrun: string;
  comments: number;
}

export interface MinutesReport {
  conference: ConferenceInfo;
  entries: MinutesEntry[];
  speeches: MinutesSpeech[];
  /** Every registered point, in report order. */
  totals: PointTotals[];
  /** Speaking-time budgets per budgeted agenda item: budget, used and overrun per point and group. */
  budgets: MinutesBudget[];
  /** Per agenda item with speeches: how its time spread over the articles. */
  articleTimes: MinutesArticleTime[];
  /** The consultations (lấy ý kiến) in the order opened; counts only where the chair hid the names (PO15). */
  consultations: ConsultationSynthesis[];
  overall: {
    speeches: number;
    speakingMs: number;
    speaking: string;
    comments: number;
    /** From opening to closing (or to the last event while live). */
    durationMs?: number;
    duration?: string;
  };
}
