/** One `time` round trip: local send and receive instants (ms) and the server's clock reading. */
export interface ClockSample {
  sentAt: number;
  receivedAt: number;
  serverTime: number;
}

export const CLOCK_SAMPLES = 5;

/**
 * NTP-style estimate: the server read its clock about halfway through the round trip, so
 * offset = serverTime − midpoint. The sample with the shortest round trip has the least
 * room for asymmetric delay, so it wins.
 */
export function estimateOffset(samples: readonly ClockSample[]): { offsetMs: number; rttMs: number } | undefined {
  let best: ClockSample | undefined;
  for (const s of samples) {
    if (s.receivedAt < s.sentAt) continue;
    if (!best || s.receivedAt - s.sentAt < best.receivedAt - best.sentAt) best = s;
  }
  if (!best) return undefined;
  const rttMs = best.receivedAt - best.sentAt;
  return { offsetMs: Math.round(best.serverTime - (best.sentAt + rttMs / 2)), rttMs };
}

/** The server's clock as seen from here: local time plus the best known offset. */
export class ServerClock {
  private offset = 0;

  constructor(private readonly localNow: () => number = () => Date.now()) {}

  now(): number {
    return this.localNow() + this.offset;
  }

  get offsetMs(): number {
    return this.offset;
  }

  /** A fresh estimate always wins: the local clock may have been stepped since the last one. */
  update(samples: readonly ClockSample[]): void {
    const estimate = estimateOffset(samples);
    if (estimate) this.offset = estimate.offsetMs;
  }

  /** Runs `CLOCK_SAMPLES` sequential round trips through `ask` and updates the estimate. */
  async measure(ask: () => Promise<number>): Promise<void> {
    const samples: ClockSample[] = [];
    for (let i = 0; i < CLOCK_SAMPLES; i += 1) {
      const sentAt = this.localNow();
      try {
        const serverTime = await ask();
        samples.push({ sentAt, receivedAt: this.localNow(), serverTime });
      } catch {
        break;
      }
    }
    this.update(samples);
  }
}
