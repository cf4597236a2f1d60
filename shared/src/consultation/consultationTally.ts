import type { BridgePoint, ConferenceState } from '../conference/state';
import type { ConsultationOption } from './consultationEvents';
import type { Consultation, Position } from './consultationState';

const COLLATOR = new Intl.Collator('vi');

/** Still taking answers at `now`: not closed, its time limit not run out, the conference live. */
export function isOpenAt(state: ConferenceState, c: Consultation, now: number): boolean {
  return c.status.kind === 'open' && state.status === 'live' && (c.closesAt === undefined || now < c.closesAt);
}

/** When it stopped taking answers, as far as is known at `now` (undefined while open). */
export function closedAtOf(state: ConferenceState, c: Consultation, now: number): number | undefined {
  if (c.status.kind === 'closed') return c.status.closedAt;
  const ends = [c.closesAt, state.endedAt].filter((t): t is number => t !== undefined && t <= now);
  return ends.length > 0 ? Math.min(...ends) : undefined;
}

/** The consultation still open (or open in the log but run out) — at most one at a time. */
export function latestOpen(state: ConferenceState): Consultation | undefined {
  return state.consultations.list().find((c) => c.status.kind === 'open');
}

/** Who is asked: the provincial points, in Vietnamese order. */
export function consultedPoints(state: ConferenceState): BridgePoint[] {
  return state.points.list().filter((p) => p.kind === 'provincial').sort((a, b) => COLLATOR.compare(a.name, b.name));
}

export interface OptionTally {
  option: ConsultationOption;
  count: number;
  /** The points that chose it, in Vietnamese order, with their reasons. */
  positions: (Position & { pointName: string })[];
}

export interface ConsultationTally {
  consultation: Consultation;
  options: OptionTally[];
  answered: number;
  /** Provincial points that have not answered, in Vietnamese order. */
  unanswered: BridgePoint[];
}

export function positionsOf(state: ConferenceState, consultationId: string): Position[] {
  return state.positions.list().filter((p) => p.consultationId === consultationId);
}

export function tallyOf(state: ConferenceState, c: Consultation): ConsultationTally {
  const positions = positionsOf(state, c.id);
  const nameOf = (pointId: string) => state.points.get(pointId)?.name ?? pointId;
  const options = c.options.map((option) => {
    const chosen = positions
      .filter((p) => p.optionId === option.id)
      .map((p) => ({ ...p, pointName: nameOf(p.pointId) }))
      .sort((a, b) => COLLATOR.compare(a.pointName, b.pointName));
    return { option, count: chosen.length, positions: chosen };
  });
  const answeredIds = new Set(positions.map((p) => p.pointId));
  return { consultation: c, options, answered: answeredIds.size, unanswered: consultedPoints(state).filter((p) => !answeredIds.has(p.id)) };
}
