import type { GuessLimits } from './edgeSettings';

const MINUTE_MS = 60_000;
/** Beyond this many tracked addresses, those that stopped failing longest ago are dropped first. */
const MAX_TRACKED = 20_000;

interface Record { failures: number; blockedUntil: number; lastFailureAt: number }

export type GuessVerdict = { ok: true } | { ok: false; retryAfterMs: number; scope: 'address' | 'global' };

/**
 * Counts failed guesses (join codes, the admin token) per client address and in all (Q34–Q37). Pure: time
 * comes in. After `freeFailures` an address waits backoffBaseMs, doubling with each further failure up to
 * backoffMaxMs; with more than globalFailuresPerMin failures in the last minute from everyone, everyone
 * waits until the oldest leaves the minute. A success does not wipe the count (a guesser holding one valid
 * code would use it to reset); quiet for forgetMs does. Blocks are checked before the guess is looked at,
 * so a blocked guesser learns nothing, not even when it guessed right.
 */
export class GuessThrottle {
  private readonly byAddress = new Map<string, Record>();
  /** Times of the failures of the last minute, oldest first; never longer than the global limit. */
  private readonly recent: number[] = [];

  constructor(private readonly limits: GuessLimits) {}

  check(address: string, now: number): GuessVerdict {
    this.trimRecent(now);
    const own = this.current(address, now);
    if (own && own.blockedUntil > now) return { ok: false, retryAfterMs: own.blockedUntil - now, scope: 'address' };
    const oldest = this.recent[0];
    if (oldest !== undefined && this.recent.length >= this.limits.globalFailuresPerMin) {
      return { ok: false, retryAfterMs: oldest + MINUTE_MS - now, scope: 'global' };
    }
    return { ok: true };
  }

  /** Records a failure; returns how long the address must now wait (0: still free). */
  fail(address: string, now: number): number {
    this.trimRecent(now);
    this.recent.push(now);
    const own = this.current(address, now) ?? { failures: 0, blockedUntil: 0, lastFailureAt: now };
    own.failures += 1;
    own.lastFailureAt = now;
    const over = own.failures - this.limits.freeFailures;
    const waitMs = over <= 0 ? 0 : Math.min(this.limits.backoffMaxMs, this.limits.backoffBaseMs * 2 ** Math.min(over - 1, 30));
    own.blockedUntil = now + waitMs;
    this.byAddress.delete(address);
    this.byAddress.set(address, own);
    if (this.byAddress.size > MAX_TRACKED) this.prune(now);
    return waitMs;
  }

  private current(address: string, now: number): Record | undefined {
    const own = this.byAddress.get(address);
    if (own && now - own.lastFailureAt > this.limits.forgetMs && own.blockedUntil <= now) {
      this.byAddress.delete(address);
      return undefined;
    }
    return own;
  }

  private trimRecent(now: number): void {
    while (this.recent.length > 0 && (this.recent[0] ?? 0) <= now - MINUTE_MS) this.recent.shift();
  }

  /** Insertion order is last-failure order (fail re-inserts), so the oldest are first. */
  private prune(now: number): void {
    for (const [address, r] of this.byAddress) {
      if (this.byAddress.size <= MAX_TRACKED && now - r.lastFailureAt <= this.limits.forgetMs) break;
      this.byAddress.delete(address);
    }
  }
}
