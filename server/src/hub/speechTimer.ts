import { currentSpeech, deadlineOf, type ConferenceState } from '@diem-cau/shared';
import type { Clock } from './clock';
import { DeadlineTimers } from './deadlineTimers';

/**
 * Keeps one timer per conference on the current speech's deadline. The callback issues
 * `floor.timeUp` with a commandId derived from the speech and deadline, so it is applied once
 * however many nodes fire it; an extension or pause moves the deadline and so the timer.
 */
export class SpeechTimers extends DeadlineTimers {
  constructor(
    clock: Clock,
    private readonly onDeadline: (conferenceId: string, speechId: string, deadline: number) => void,
  ) {
    super(clock);
  }

  track(state: ConferenceState): void {
    const speech = currentSpeech(state);
    const deadline = speech ? deadlineOf(speech) : undefined;
    const due = speech && deadline !== undefined && !speech.warnedDeadlines.includes(deadline) && state.status === 'live';
    this.set(state.id, due ? { key: `${speech.id}:${deadline}`, at: deadline, fire: () => this.onDeadline(state.id, speech.id, deadline) } : undefined);
  }
}
