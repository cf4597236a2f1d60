/**
 * A console told to wait (RATE_LIMITED, with retryAfterMs) waits: its outbox and its sync do. A socket that keeps
 * asking anyway costs the hub a refusal per message, thousands a second — and hundreds of sockets of one display
 * code asking a dozen times a second each cost as much. Past `refusalsPerWindow` refusals within `windowMs`, the
 * socket is not read until the wait it was given is over (Q18): TCP then holds the sender back, and the hub spends
 * nothing on it meanwhile. A socket that offends again within `forgetMs` of its last pause is paused twice as
 * long each time, up to `maxPauseMs`.
 */
export interface PacerSettings {
  refusalsPerWindow: number;
  windowMs: number;
  /** The shortest and the longest a socket goes unread (below Socket.IO's ping timeout). */
  minPauseMs: number;
  maxPauseMs: number;
  /** A socket that went this long after a pause without another is paused from the shortest again. */
  forgetMs: number;
}

export const PACER_DEFAULTS: PacerSettings = { refusalsPerWindow: 5, windowMs: 1_000, minPauseMs: 1_000, maxPauseMs: 5_000, forgetMs: 10_000 };

/** What the pacer keeps per socket. */
export interface PaceState {
  windowStart: number;
  refusals: number;
  /** Pauses in a row, each within forgetMs of the one before. */
  strikes: number;
  lastPauseAt: number;
  /**
   * The end of the last wait given, per kind of refusal (its reason: commands, syncs, media transports…): a refusal
   * before it is an offence, one after it is not. Per kind, because a console has one sender for each — its outbox,
   * its sync, its media — and a command refused while its sync waits is not the sync asking again.
   */
  notBefore: Map<string, number>;
}

export const newPace = (): PaceState => ({ windowStart: 0, refusals: 0, strikes: 0, lastPauseAt: -Infinity, notBefore: new Map() });

/**
 * Counts one refusal; answers how long to stop reading the socket, or 0 to go on. Only offences count: a request
 * sent before the wait given with the previous refusal was over, or refused by a quota that waiting does not lift
 * (no retryAfterMs) — so a console that waits as told is never paused, however often it is refused.
 */
export function paceAfterRefusal(pace: PaceState, kind: string, retryAfterMs: number | undefined, now: number, s: PacerSettings = PACER_DEFAULTS): number {
  const offence = retryAfterMs === undefined || now < (pace.notBefore.get(kind) ?? -Infinity);
  pace.notBefore.set(kind, now + (retryAfterMs ?? 0));
  if (!offence) return 0;
  if (now - pace.windowStart >= s.windowMs) {
    pace.windowStart = now;
    pace.refusals = 0;
  }
  pace.refusals += 1;
  if (pace.refusals <= s.refusalsPerWindow) return 0;
  pace.refusals = 0;
  pace.windowStart = now;
  const base = Math.min(s.maxPauseMs, Math.max(s.minPauseMs, retryAfterMs ?? 0));
  pace.strikes = now - pace.lastPauseAt <= s.maxPauseMs + s.forgetMs ? pace.strikes + 1 : 1;
  pace.lastPauseAt = now;
  return Math.min(s.maxPauseMs, base * 2 ** (pace.strikes - 1));
}
