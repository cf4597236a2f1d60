import type { ConferenceState, Speech } from '../conference/state';
import { allowedMs, elapsedMs } from '../floor/speechClock';
import type { StoredEvent } from '../protocol/events';
import { byLoggedAt, commentEntry, formatRefs, type CommentEntry } from './commentEntry';
import { responsesOf, type CommentResponses } from './commentResponse';
import { foldMinutes, type MinutesFold, type TimelineMark } from './minutesFold';
import type { MinutesEntry, MinutesReport, MinutesSpeech } from './minutesTypes';
import { directoryOf, pointName, type ReportDirectory } from './reportDirectory';
import { AGENDA_KIND_LABELS, END_REASON_LABELS } from './reportLabels';
import { pointTotals } from './minutesTotals';
import { minutesArticleTimes, minutesBudgets } from './minutesBudgets';
import { formatClock, formatDuration } from './vnTime';
import { countsAsComment } from '../comments/commentCount';
import { consultationClosedText, consultationOpenedText, minutesConsultations } from './minutesConsultations';

export interface MinutesOptions {
  /** Server time for a speech still running; defaults to the last event's time. */
  now?: number;
  responses?: CommentResponses;
}

export const RUNNING_LABEL = 'Đang phát biểu';

function speechView(dir: ReportDirectory, fold: MinutesFold, s: Speech, no: number, comments: CommentEntry[], now: number): MinutesSpeech {
  const ended = s.status.kind === 'ended' ? s.status : undefined;
  const durationMs = elapsedMs(s, now);
  const overrunMs = Math.max(0, durationMs - allowedMs(s));
  const agenda = s.agendaItemId === undefined ? undefined : dir.agenda.get(s.agendaItemId);
  const revokeReason = fold.revokeReasons.get(s.id);
  return {
    id: s.id, no, pointId: s.pointId, pointName: pointName(dir, s.pointId),
    speaker: s.delegate.name, position: s.delegate.position, articles: s.articles, articlesLabel: formatRefs(s.articles), topic: s.topic,
    ...(agenda ? { agendaItemId: agenda.id, agendaTitle: agenda.title } : {}),
    startedAt: s.startedAt, start: formatClock(s.startedAt, dir.conference.timeZone),
    ...(ended ? { endedAt: ended.endedAt, endReason: ended.reason } : {}),
    end: ended ? formatClock(ended.endedAt, dir.conference.timeZone) : '',
    durationMs, duration: formatDuration(durationMs),
    limitS: s.limitS, extendedS: s.extendedS, extensions: fold.extensions.get(s.id) ?? 0, allowedMs: allowedMs(s),
    overrunMs, overrun: overrunMs > 0 ? formatDuration(overrunMs) : '', pausedMs: s.pausedMs,
    endLabel: ended ? END_REASON_LABELS[ended.reason] : RUNNING_LABEL,
    ...(revokeReason ? { revokeReason } : {}),
    comments,
  };
}

function commentsBySpeech(comments: readonly CommentEntry[], speeches: ReadonlyMap<string, Speech>): Map<string, CommentEntry[]> {
  const grouped = new Map<string, CommentEntry[]>();
  for (const c of comments) {
    if (c.speechId === undefined || !speeches.has(c.speechId)) continue;
    const list = grouped.get(c.speechId);
    if (list) list.push(c);
    else grouped.set(c.speechId, [c]);
  }
  return grouped;
}

interface Found {
  speeches: ReadonlyMap<string, MinutesSpeech>;
  comments: ReadonlyMap<string, CommentEntry>;
  /** The conference at the end of the log: its consultations and positions. */
  state: ConferenceState;
}

function consultationEntry(mark: Extract<TimelineMark, { kind: 'consultation' }>, state: ConferenceState): MinutesEntry | undefined {
  const c = state.consultations.get(mark.consultationId);
  if (!c) return undefined;
  const text = mark.phase === 'opened' ? consultationOpenedText(c) : consultationClosedText(state, c);
  return { at: mark.at, time: formatClock(mark.at, state.timeZone), kind: 'consultation', consultationId: c.id, phase: mark.phase, text };
}

function entryOf(mark: TimelineMark, dir: ReportDirectory, { speeches, comments, state }: Found): MinutesEntry | undefined {
  const at = { at: mark.at, time: formatClock(mark.at, dir.conference.timeZone) };
  switch (mark.kind) {
    case 'consultation': return consultationEntry(mark, state);
    case 'opened': return { ...at, kind: 'opened', text: 'Khai mạc hội nghị' };
    case 'closed': return { ...at, kind: 'closed', text: 'Bế mạc hội nghị' };
    case 'agenda': {
      const item = dir.agenda.get(mark.itemId);
      return { ...at, kind: 'agenda', itemId: mark.itemId, title: item?.title ?? mark.itemId, agendaKindLabel: item ? AGENDA_KIND_LABELS[item.kind] : '' };
    }
    case 'speech': {
      const speech = speeches.get(mark.speechId);
      return speech ? { ...at, kind: 'speech', speech } : undefined;
    }
    case 'denied': {
      const name = pointName(dir, mark.pointId);
      const why = mark.reason.trim() === '' ? 'không nêu lý do' : `lý do: ${mark.reason.trim()}`;
      return { ...at, kind: 'denied', pointId: mark.pointId, pointName: name, speaker: mark.speaker, reason: mark.reason, text: `Chủ trì không mời phát biểu đăng ký của đồng chí ${mark.speaker} (${name}), ${why}` };
    }
    case 'comment': {
      const comment = comments.get(mark.commentId);
      return comment && (comment.speechId === undefined || !speeches.has(comment.speechId)) ? { ...at, kind: 'comment', comment } : undefined;
    }
  }
}

/** The minutes (biên bản), chronological, from the log alone. Pure; undefined for a log without its creation. */
export function buildMinutes(events: readonly StoredEvent[], options: MinutesOptions = {}): MinutesReport | undefined {
  const fold = foldMinutes(events);
  if (!fold) return undefined;
  const dir = directoryOf(fold.base);
  const now = options.now ?? fold.lastAt;
  const live = [...fold.comments.values()].filter(countsAsComment);
  const responses = { ...responsesOf(live), ...options.responses };
  const comments = live.sort(byLoggedAt).map((c) => commentEntry(dir, c, responses));
  const bySpeech = commentsBySpeech(comments, fold.speeches);
  const speeches = [...fold.speeches.values()].map((s, i) => speechView(dir, fold, s, i + 1, bySpeech.get(s.id) ?? [], now));
  const speechById = new Map(speeches.map((s) => [s.id, s]));
  const commentById = new Map(comments.map((c) => [c.id, c]));
  const found = { speeches: speechById, comments: commentById, state: fold.base };
  // Stable by time: an expiry written after later events still stands at its deadline.
  const timeline = [...fold.timeline].sort((a, b) => a.at - b.at);
  const entries = timeline.map((m) => entryOf(m, dir, found)).filter((e): e is MinutesEntry => e !== undefined);
  const speakingMs = speeches.reduce((sum, s) => sum + s.durationMs, 0);
  const { startedAt, endedAt } = dir.conference;
  const durationMs = startedAt === undefined ? undefined : (endedAt ?? now) - startedAt;
  return {
    conference: dir.conference, entries, speeches,
    totals: pointTotals(dir, speeches, comments),
    budgets: minutesBudgets(fold.base, fold.speeches),
    articleTimes: minutesArticleTimes(fold.base, fold.speeches, now),
    consultations: minutesConsultations(fold.base),
    overall: {
      speeches: speeches.length, speakingMs, speaking: formatDuration(speakingMs), comments: comments.length,
      ...(durationMs !== undefined ? { durationMs, duration: formatDuration(durationMs) } : {}),
    },
  };
}
