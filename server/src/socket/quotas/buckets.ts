import type { Rate } from './quotaSettings';

interface Bucket { tokens: number; at: number; rate: Rate }

/**
 * Token buckets by key (a session, a join code, a point). A take needs a token in every bucket it names, so
 * a refusal costs none of them; a full bucket nobody touched for a while is forgotten (memory stays bounded
 * by the users active lately, not by everyone who ever connected).
 */
export class Buckets {
  private readonly held = new Map<string, Bucket>();
  private lastSweep: number;

  constructor(private readonly now: () => number, private readonly forgetAfterMs = 60_000) {
    this.lastSweep = now();
  }

  /** Takes one token from each bucket, or none: then answers how long until all of them have one. */
  take(wants: ReadonlyArray<{ key: string; rate: Rate }>): { ok: true } | { ok: false; retryAfterMs: number } {
    const t = this.now();
    this.sweep(t);
    const buckets = wants.map((w) => this.refilled(w.key, w.rate, t));
    const short = buckets.filter((b) => b.tokens < 1);
    if (short.length > 0) return { ok: false, retryAfterMs: Math.max(...short.map((b) => Math.ceil(((1 - b.tokens) / b.rate.perS) * 1000))) };
    for (const b of buckets) b.tokens -= 1;
    return { ok: true };
  }

  /**
   * Takes `n` tokens another hub node's sessions took from this key's budget (Q55), however few are left: the
   * bucket may owe up to one burst, so what every node lets through together stays within the rate.
   */
  spend(key: string, rate: Rate, n: number): void {
    const t = this.now();
    this.sweep(t);
    const b = this.refilled(key, rate, t);
    b.tokens = Math.max(-rate.burst, b.tokens - n);
  }

  size(): number {
    return this.held.size;
  }

  private refilled(key: string, rate: Rate, t: number): Bucket {
    const b = this.held.get(key);
    if (!b) {
      const fresh = { tokens: rate.burst, at: t, rate };
      this.held.set(key, fresh);
      return fresh;
    }
    b.tokens = Math.min(rate.burst, b.tokens + ((t - b.at) / 1000) * rate.perS);
    b.at = t;
    b.rate = rate;
    return b;
  }

  private sweep(t: number): void {
    if (t - this.lastSweep < this.forgetAfterMs) return;
    this.lastSweep = t;
    for (const [key, b] of this.held) if (t - b.at >= this.forgetAfterMs) this.held.delete(key);
  }
}
