import { latestOpen, type ConferenceState } from '@diem-cau/shared';
import type { Clock } from './clock';
import { DeadlineTimers } from './deadlineTimers';

/**
 * Past the deadline, so the hub's close is decided as expired whatever the timer's rounding (Node may fire a
 * timeout a millisecond early); the log still says `closedAt = closesAt`.
 */
const AFTER_DEADLINE_MS = 5;

/**
 * One timer per conference on the open consultation's time limit (PO17): when it runs out the hub sends
 * `consultation.close` itself, so the log records the expiry with no chair console open. The commandId is
 * derived from the consultation and its deadline, so several nodes (or a chair console's close) write it once.
 */
export class ConsultationTimers extends DeadlineTimers {
  constructor(
    clock: Clock,
    private readonly onDeadline: (conferenceId: string, consultationId: string, closesAt: number) => void,
  ) {
    super(clock);
  }

  track(state: ConferenceState): void {
    const c = latestOpen(state);
    const closesAt = c?.closesAt;
    const due = c !== undefined && closesAt !== undefined && state.status === 'live';
    this.set(state.id, due ? { key: `${c.id}:${closesAt}`, at: closesAt + AFTER_DEADLINE_MS, fire: () => this.onDeadline(state.id, c.id, closesAt) } : undefined);
  }
}
