import { latestOpen, type ConferenceState } from '@diem-cau/shared';
import type { Clock } from './clock';

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
export class ConsultationTimers {
  private timers = new Map<string, { key: string; cancel(): void }>();

  constructor(
    private readonly clock: Clock,
    private readonly onDeadline: (conferenceId: string, consultationId: string, closesAt: number) => void,
  ) {}

  track(state: ConferenceState): void {
    const c = latestOpen(state);
    const closesAt = c?.closesAt;
    const due = c !== undefined && closesAt !== undefined && state.status === 'live';
    const key = due ? `${c.id}:${closesAt}` : '';
    const existing = this.timers.get(state.id);
    if (existing?.key === key) return;
    existing?.cancel();
    this.timers.delete(state.id);
    if (!due) return;
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(state.id);
      this.onDeadline(state.id, c.id, closesAt);
    }, Math.max(0, closesAt - this.clock.now()) + AFTER_DEADLINE_MS);
    this.timers.set(state.id, { key, cancel: handle.cancel });
  }

  /** Whether a time limit is running here for the conference (its room stays while it does). */
  has(conferenceId: string): boolean {
    return this.timers.has(conferenceId);
  }

  cancel(conferenceId: string): void {
    this.timers.get(conferenceId)?.cancel();
    this.timers.delete(conferenceId);
  }

  stopAll(): void {
    for (const t of this.timers.values()) t.cancel();
    this.timers.clear();
  }
}
