import { writeRtcpHeader } from './rtcpBuild';
import { SeqUnwrapper } from './seq';

/**
 * Transport-wide congestion-control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01): the
 * receiving side reports when each packet of the transport arrived, the browser's send-side estimator
 * (GCC) turns that into a bitrate, and the encoder ramps up to it. Without this feedback a browser stays
 * near its 300 kbps start bitrate.
 */

const PT_RTPFB = 205;
const FMT_TWCC = 15;
const DELTA_TICK_US = 250;
const REFERENCE_TICK_US = 64_000;
/** Bounds one feedback packet (~1 KB) and how far back a burst of loss is reported. */
const MAX_STATUSES_PER_PACKET = 500;
const MAX_PENDING_STATUSES = 2_000;

const NOT_RECEIVED = 0;
const SMALL_DELTA = 1;
const LARGE_DELTA = 2;

export class TwccRecorder {
  private readonly unwrapper = new SeqUnwrapper();
  private readonly arrivals = new Map<number, number>();
  private nextBase: number | null = null;
  private highest = -1;
  private fbCount = 0;

  /** `arrivalUs` on any monotonic microsecond clock, the same for every call. */
  record(seq: number, arrivalUs: number): void {
    const ext = this.unwrapper.unwrap(seq);
    if (this.nextBase === null) this.nextBase = ext;
    // Already reported as lost: the browser has moved on, as libwebrtc's own receiver does.
    if (ext < this.nextBase) return;
    this.arrivals.set(ext, arrivalUs);
    if (ext > this.highest) this.highest = ext;
    if (this.highest - this.nextBase > MAX_PENDING_STATUSES) this.nextBase = this.highest - MAX_PENDING_STATUSES;
  }

  get pending(): number {
    return this.arrivals.size;
  }

  /** Feedback packets covering everything recorded since the previous call (empty when nothing is new). */
  takeFeedback(senderSsrc: number, mediaSsrc: number): Buffer[] {
    if (this.nextBase === null || this.highest < this.nextBase) return [];
    const packets: Buffer[] = [];
    let start = this.nextBase;
    while (start <= this.highest) {
      const { packet, next } = this.buildPacket(start, senderSsrc, mediaSsrc);
      if (packet) packets.push(packet);
      start = next;
    }
    for (const ext of this.arrivals.keys()) if (ext <= this.highest) this.arrivals.delete(ext);
    this.nextBase = this.highest + 1;
    return packets;
  }

  /** One packet starting at `start`; stops early when a delta does not fit or the packet is full. */
  private buildPacket(start: number, senderSsrc: number, mediaSsrc: number): { packet: Buffer | null; next: number } {
    let firstArrival: number | undefined;
    for (let ext = start; ext <= this.highest && firstArrival === undefined; ext++) firstArrival = this.arrivals.get(ext);
    if (firstArrival === undefined) return { packet: null, next: this.highest + 1 };
    const referenceTicks = Math.floor(firstArrival / REFERENCE_TICK_US);
    let clockUs = referenceTicks * REFERENCE_TICK_US;
    const statuses: number[] = [];
    const deltas: number[] = [];
    let ext = start;
    for (; ext <= this.highest && statuses.length < MAX_STATUSES_PER_PACKET; ext++) {
      const arrival = this.arrivals.get(ext);
      if (arrival === undefined) {
        statuses.push(NOT_RECEIVED);
        continue;
      }
      const ticks = Math.round((arrival - clockUs) / DELTA_TICK_US);
      if (ticks < -0x8000 || ticks > 0x7fff) break;
      statuses.push(ticks >= 0 && ticks <= 0xff ? SMALL_DELTA : LARGE_DELTA);
      deltas.push(ticks);
      clockUs += ticks * DELTA_TICK_US;
    }
    const packet = this.serialize(start, referenceTicks, statuses, deltas, senderSsrc, mediaSsrc);
    return { packet, next: ext };
  }

  private serialize(base: number, referenceTicks: number, statuses: number[], deltas: number[], senderSsrc: number, mediaSsrc: number): Buffer {
    const chunks = encodeChunks(statuses);
    const deltaBytes = deltas.reduce((n, d) => n + (d >= 0 && d <= 0xff ? 1 : 2), 0);
    const unpadded = 20 + chunks.length * 2 + deltaBytes;
    const padding = (4 - (unpadded % 4)) % 4;
    const buf = Buffer.alloc(unpadded + padding);
    writeRtcpHeader(buf, FMT_TWCC, PT_RTPFB, buf.length, padding > 0);
    buf.writeUInt32BE(senderSsrc >>> 0, 4);
    buf.writeUInt32BE(mediaSsrc >>> 0, 8);
    buf.writeUInt16BE(base & 0xffff, 12);
    buf.writeUInt16BE(statuses.length, 14);
    buf.writeIntBE(((referenceTicks & 0xffffff) << 8) >> 8, 16, 3);
    buf[19] = this.fbCount;
    this.fbCount = (this.fbCount + 1) & 0xff;
    let o = 20;
    for (const chunk of chunks) o = buf.writeUInt16BE(chunk, o);
    for (const d of deltas) o = d >= 0 && d <= 0xff ? buf.writeUInt8(d, o) : buf.writeInt16BE(d, o);
    if (padding > 0) buf[buf.length - 1] = padding;
    return buf;
  }
}

/** Run-length chunks for runs of 7 or more equal statuses, two-bit status vectors (7 statuses) otherwise. */
export function encodeChunks(statuses: readonly number[]): number[] {
  const chunks: number[] = [];
  let i = 0;
  while (i < statuses.length) {
    const symbol = statuses[i] ?? NOT_RECEIVED;
    let run = 1;
    while (i + run < statuses.length && statuses[i + run] === symbol && run < 0x1fff) run++;
    if (run >= 7) {
      chunks.push((symbol << 13) | run);
      i += run;
      continue;
    }
    let chunk = 0xc000;
    for (let k = 0; k < 7; k++) chunk |= (statuses[i + k] ?? NOT_RECEIVED) << (12 - 2 * k);
    chunks.push(chunk);
    i += 7;
  }
  return chunks;
}
