import type { ReportBlock } from './rtcpBuild';
import { ntpMiddle32 } from './rtcpBuild';

/**
 * Reception statistics of one incoming RTP stream, as RFC 3550 §6.4.1 / A.3 / A.8 define them, for the
 * receiver reports the SFU sends to each producer (the browser uses them for its round-trip time and loss
 * figures) and for the producer's score.
 */
export class ReceiveStats {
  private baseExt: number | null = null;
  private highestExt = 0;
  private received = 0;
  private expectedPrior = 0;
  private receivedPrior = 0;
  private jitter = 0;
  private lastTransit: number | null = null;
  private lastSr: { middle: number; atMs: number } | null = null;
  /** Loss fraction (0..1) over the last report interval, for the score. */
  lastFractionLost = 0;

  constructor(private readonly clockRate: number) {}

  /** `ext` is the extended sequence number; retransmissions count as received but not for jitter. */
  onPacket(ext: number, rtpTimestamp: number, arrivalMs: number, retransmitted: boolean): void {
    if (this.baseExt === null) {
      this.baseExt = ext;
      this.highestExt = ext;
    }
    this.received++;
    if (ext > this.highestExt) this.highestExt = ext;
    if (retransmitted) return;
    const transit = (arrivalMs * this.clockRate) / 1000 - rtpTimestamp;
    if (this.lastTransit !== null) {
      let d = Math.abs(transit - this.lastTransit);
      if (d > 0x7fff_ffff) d = 0; // timestamp wrap: skip one sample rather than spike
      this.jitter += (d - this.jitter) / 16;
    }
    this.lastTransit = transit;
  }

  onSenderReport(ntp: bigint, nowMs: number): void {
    this.lastSr = { middle: ntpMiddle32(ntp), atMs: nowMs };
  }

  /** A report block for `ssrc`; advances the "since last report" counters. Null before any packet. */
  report(ssrc: number, nowMs: number): ReportBlock | null {
    if (this.baseExt === null) return null;
    const expected = this.highestExt - this.baseExt + 1;
    const expectedInterval = expected - this.expectedPrior;
    const receivedInterval = this.received - this.receivedPrior;
    this.expectedPrior = expected;
    this.receivedPrior = this.received;
    const lostInterval = expectedInterval - receivedInterval;
    const fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0 : lostInterval / expectedInterval;
    this.lastFractionLost = fraction;
    return {
      ssrc,
      fractionLost: Math.floor(fraction * 256),
      cumulativeLost: expected - this.received,
      extendedHighestSeq: this.highestExt,
      jitter: this.jitter,
      lastSr: this.lastSr?.middle ?? 0,
      delaySinceLastSr: this.lastSr ? Math.floor(((nowMs - this.lastSr.atMs) / 1000) * 65_536) : 0,
    };
  }
}
