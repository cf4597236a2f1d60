import { currentSpeech, deadlineOf, type ConferenceState } from '@diem-cau/shared';
import type { Clock } from './clock';

/**
 * Keeps one timer per conference on the current speech's deadline. The callback issues
 * `floor.timeUp` with a commandId derived from the speech and deadline, so it is applied once
 * however many nodes fire it; an extension or pause moves the deadline and so the timer.
 */
export class SpeechTimers {
  private timers = new Map<string, { key: string; cancel(): void }>();

  constructor(
    private readonly clock: Clock,
    private readonly onDeadline: (conferenceId: string, speechId: string, deadline: number) => void,
  ) {}

  track(state: ConferenceState): void {
    const speech = currentSpeech(state);
    const deadline = speech ? deadlineOf(speech) : undefined;
    const due = speech && deadline !== undefined && !speech.warnedDeadlines.includes(deadline) && state.status === 'live';
    const key = due ? `${speech.id}:${deadline}` : '';
    const existing = this.timers.get(state.id);
    if (existing?.key === key) return;
    existing?.cancel();
    this.timers.delete(state.id);
    if (!due) return;
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(state.id);
      this.onDeadline(state.id, speech.id, deadline);
    }, deadline - this.clock.now());
    this.timers.set(state.id, { key, cancel: handle.cancel });
  }

  /** This node no longer runs the conference's timers (it lost the lease, or dropped the room). */
  cancel(conferenceId: string): void {
    this.timers.get(conferenceId)?.cancel();
    this.timers.delete(conferenceId);
  }

  stopAll(): void {
    for (const t of this.timers.values()) t.cancel();
    this.timers.clear();
  }
}
