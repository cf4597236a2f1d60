import { SeqUnwrapper } from './seq';

/**
 * Receive side of NACK toward a producer (RFC 4585): gaps in the incoming sequence numbers are requested
 * at once, then again every retry interval until the packet arrives (usually as RTX), the retries run out,
 * or it is too old to matter. Also tells duplicates apart, because browsers resend old packets on RTX as
 * bandwidth probes and those must not reach consumers twice.
 */
export const NACK_MAX_RETRIES = 10;
/** Past this many missing packets at once, a key frame is cheaper than retransmission. */
export const NACK_MAX_MISSING = 500;
/** A packet missing for longer than this is out of every jitter buffer: stop asking. */
export const NACK_MAX_AGE_MS = 1_500;

export type PacketStatus = 'new' | 'recovered' | 'duplicate';

interface Missing {
  seq: number;
  detectedAtMs: number;
  lastNackAtMs: number;
  retries: number;
}

export class NackGenerator {
  private readonly unwrapper = new SeqUnwrapper();
  private readonly missing = new Map<number, Missing>();
  private highest: number | null = null;

  /** Classifies a packet; `nackNow` lists newly detected gaps, `keyFrameNeeded` a gap too big to repair. */
  onPacket(seq: number, nowMs: number): { status: PacketStatus; nackNow: number[]; keyFrameNeeded: boolean } {
    const ext = this.unwrapper.unwrap(seq);
    if (this.highest === null) {
      this.highest = ext;
      return { status: 'new', nackNow: [], keyFrameNeeded: false };
    }
    if (ext <= this.highest) {
      const recovered = this.missing.delete(ext);
      return { status: recovered ? 'recovered' : 'duplicate', nackNow: [], keyFrameNeeded: false };
    }
    const gap = ext - this.highest - 1;
    this.highest = ext;
    if (gap === 0) return { status: 'new', nackNow: [], keyFrameNeeded: false };
    if (gap > NACK_MAX_MISSING || this.missing.size + gap > NACK_MAX_MISSING) {
      this.missing.clear();
      return { status: 'new', nackNow: [], keyFrameNeeded: true };
    }
    const nackNow: number[] = [];
    for (let lost = ext - gap; lost < ext; lost++) {
      this.missing.set(lost, { seq: lost & 0xffff, detectedAtMs: nowMs, lastNackAtMs: nowMs, retries: 1 });
      nackNow.push(lost & 0xffff);
    }
    return { status: 'new', nackNow, keyFrameNeeded: false };
  }

  /** Sequence numbers to ask for again now; forgets those past their retries or age. */
  due(nowMs: number, retryIntervalMs: number): number[] {
    const out: number[] = [];
    for (const [ext, m] of this.missing) {
      if (m.retries >= NACK_MAX_RETRIES || nowMs - m.detectedAtMs > NACK_MAX_AGE_MS) {
        this.missing.delete(ext);
        continue;
      }
      if (nowMs - m.lastNackAtMs < retryIntervalMs) continue;
      m.retries++;
      m.lastNackAtMs = nowMs;
      out.push(m.seq);
    }
    return out;
  }

  get missingCount(): number {
    return this.missing.size;
  }
}
