import type { Clock } from './clock';

/** What a conference's timer waits for: `key` names the deadline (a new key moves the timer), `at` is when it fires. */
export interface Deadline { key: string; at: number; fire: () => void }

/**
 * One timer per conference on one deadline (the speech's, the open consultation's): armed when the deadline appears,
 * moved when its key changes, dropped when it goes; the owner node runs them, and `cancel` stops a conference's when
 * it no longer owns it.
 */
export class DeadlineTimers {
  private timers = new Map<string, { key: string; cancel(): void }>();

  constructor(private readonly clock: Clock) {}

  /** Keeps the conference's timer on `deadline`, or none when it is undefined. */
  set(conferenceId: string, deadline: Deadline | undefined): void {
    const existing = this.timers.get(conferenceId);
    if (existing?.key === (deadline?.key ?? '')) return;
    this.cancel(conferenceId);
    if (!deadline) return;
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(conferenceId);
      deadline.fire();
    }, Math.max(0, deadline.at - this.clock.now()));
    this.timers.set(conferenceId, { key: deadline.key, cancel: handle.cancel });
  }

  /** Whether a timer is running here for the conference. */
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
