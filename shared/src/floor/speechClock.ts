import type { Speech } from '../conference/state';

/** Speaking time arithmetic shared by the hub's timer and every screen's countdown. */
export function allowedMs(speech: Speech): number {
  return (speech.limitS + speech.extendedS) * 1000;
}

export function elapsedMs(speech: Speech, now: number): number {
  const end = speech.status.kind === 'ended' ? speech.status.endedAt : speech.status.kind === 'paused' ? speech.status.pausedAt : now;
  return Math.max(0, end - speech.startedAt - speech.pausedMs);
}

/** Negative once the speaker runs over: the overrun screens count. */
export function remainingMs(speech: Speech, now: number): number {
  return allowedMs(speech) - elapsedMs(speech, now);
}

/** Server time at which a running speech reaches its limit; undefined while paused or ended. */
export function deadlineOf(speech: Speech): number | undefined {
  if (speech.status.kind !== 'running') return undefined;
  return speech.startedAt + speech.pausedMs + allowedMs(speech);
}

export type TimerPhase = 'normal' | 'warning' | 'overrun';

export function timerPhase(speech: Speech, now: number, warningBeforeS: number): TimerPhase {
  const left = remainingMs(speech, now);
  if (left < 0) return 'overrun';
  return left <= warningBeforeS * 1000 ? 'warning' : 'normal';
}
