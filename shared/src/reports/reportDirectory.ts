import type { AgendaItem } from '../conference/setup';
import type { BridgePoint, ConferenceState, ConferenceStatus } from '../conference/state';
import { listOf } from '../conference/state';
import type { Draft } from '../draft/draft';
import { compareVi } from '../text/vietnamese';
import { STATUS_LABELS, UNKNOWN_POINT_LABEL } from './reportLabels';

/** What every report prints about the conference itself. */
export interface ConferenceInfo {
  id: string;
  title: string;
  draftTitle: string;
  status: ConferenceStatus;
  statusLabel: string;
  scheduledAt?: string;
  venue?: string;
  /** The zone every time in the report is printed in. */
  timeZone: string;
  startedAt?: number;
  endedAt?: number;
  /** The log position the report was built from. */
  asOfSeq: number;
}

/** Names the reports look up: points in report order, agenda items, the draft. */
export interface ReportDirectory {
  conference: ConferenceInfo;
  draft: Draft;
  points: ReadonlyMap<string, BridgePoint>;
  /** The central point first, then the provinces by Vietnamese collation. */
  pointOrder: readonly string[];
  agenda: ReadonlyMap<string, AgendaItem>;
}

export function orderPoints(points: readonly BridgePoint[]): string[] {
  return [...points]
    .sort((a, b) => (a.kind === b.kind ? compareVi(a.name, b.name) : a.kind === 'central' ? -1 : 1))
    .map((p) => p.id);
}

export function conferenceInfoOf(state: ConferenceState): ConferenceInfo {
  return {
    id: state.id, title: state.title, draftTitle: state.draft.title, status: state.status,
    statusLabel: STATUS_LABELS[state.status], asOfSeq: state.seq, timeZone: state.timeZone,
    ...(state.scheduledAt !== undefined ? { scheduledAt: state.scheduledAt } : {}),
    ...(state.venue !== undefined ? { venue: state.venue } : {}),
    ...(state.startedAt !== undefined ? { startedAt: state.startedAt } : {}),
    ...(state.endedAt !== undefined ? { endedAt: state.endedAt } : {}),
  };
}

export function directoryOf(state: ConferenceState): ReportDirectory {
  const points = listOf(state.points);
  return {
    conference: conferenceInfoOf(state),
    draft: state.draft,
    points: new Map(points.map((p) => [p.id, p])),
    pointOrder: orderPoints(points),
    agenda: new Map(listOf(state.agenda).map((a) => [a.id, a])),
  };
}

export function pointName(dir: ReportDirectory, pointId: string | undefined): string {
  return (pointId === undefined ? undefined : dir.points.get(pointId)?.name) ?? UNKNOWN_POINT_LABEL;
}

/** The day a report is about: the start of the conference, else its planned date. */
export function conferenceDay(info: ConferenceInfo): number | undefined {
  if (info.startedAt !== undefined) return info.startedAt;
  const planned = info.scheduledAt === undefined ? Number.NaN : Date.parse(info.scheduledAt);
  return Number.isNaN(planned) ? undefined : planned;
}
