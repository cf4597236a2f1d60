/**
 * A console told to wait (RATE_LIMITED, with retryAfterMs) waits: its outbox and its sync do. A socket that keeps
 * asking anyway costs the hub a refusal per message, thousands a second. Past `refusalsPerWindow` refusals
 * within `windowMs`, the socket is not read until the wait it was given is over (Q18): TCP then holds the
 * sender back, and the hub spends nothing on it meanwhile.
 */
export interface PacerSettings {
  refusalsPerWindow: number;
  windowMs: number;
  /** The shortest and the longest a socket goes unread (below Socket.IO's ping timeout). */
  minPauseMs: number;
  maxPauseMs: number;
}

export const PACER_DEFAULTS: PacerSettings = { refusalsPerWindow: 20, windowMs: 1_000, minPauseMs: 1_000, maxPauseMs: 5_000 };

/** What the pacer keeps per socket. */
export interface PaceState {
  windowStart: number;
  refusals: number;
}

export const newPace = (): PaceState => ({ windowStart: 0, refusals: 0 });

/** Counts one refusal; answers how long to stop reading the socket, or 0 to go on. */
export function paceAfterRefusal(pace: PaceState, retryAfterMs: number | undefined, now: number, s: PacerSettings = PACER_DEFAULTS): number {
  if (now - pace.windowStart >= s.windowMs) {
    pace.windowStart = now;
    pace.refusals = 0;
  }
  pace.refusals += 1;
  if (pace.refusals <= s.refusalsPerWindow) return 0;
  pace.refusals = 0;
  pace.windowStart = now;
  return Math.min(s.maxPauseMs, Math.max(s.minPauseMs, retryAfterMs ?? 0));
}
