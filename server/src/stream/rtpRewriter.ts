import type { TappedRtp } from '../media/sfuBackend';

/**
 * One continuous RTP stream out of a succession of sources (issue 13): FFmpeg reads a single SSRC per medium for
 * the whole conference, so when the floor passes to another point the hub rewrites that point's packets into the
 * same numbering. Sequence numbers continue from the last one sent; timestamps continue by the wall-clock time
 * between the last packet of the old source and the first of the new, so a pause in the floor is a pause in the
 * stream, not a jump. A new video source is not forwarded before its first key frame (FFmpeg could not decode it).
 */
export class RtpRewriter {
  readonly ssrc: number;
  private seq: number;
  private lastTimestamp: number;
  private lastSentAtMs: number | null = null;
  private source: { id: string; seqOffset: number; tsOffset: number; started: boolean; highestSeq: number; firstSeq: number } | null = null;

  constructor(
    private readonly clockRate: number,
    private readonly waitForKeyFrame: boolean,
    private readonly now: () => number = () => performance.now(),
    ssrc = randomUint32(),
  ) {
    this.ssrc = ssrc;
    this.seq = randomUint32() & 0x7fff;
    this.lastTimestamp = randomUint32();
  }

  /** The next packets come from another source (a new producer): numbering continues where the last left it. */
  switchTo(sourceId: string): void {
    if (this.source?.id === sourceId) return;
    this.source = { id: sourceId, seqOffset: 0, tsOffset: 0, started: false, highestSeq: 0, firstSeq: 0 };
  }

  /** The same source starts again at its next key frame (a restarted FFmpeg must begin with one); numbering continues. */
  resync(): void {
    if (this.source) this.source.started = false;
  }

  /** Whose packets are forwarded now (a producer id, or the hub's own filler such as the slate). */
  get sourceId(): string | null {
    return this.source?.id ?? null;
  }

  get waitingForKeyFrame(): boolean {
    return this.source !== null && !this.source.started && this.waitForKeyFrame;
  }

  /** The packet in the output numbering, or null when it is dropped (before a key frame, or a late repair of the previous source). */
  rewrite(sourceId: string, packet: TappedRtp): { sequenceNumber: number; timestamp: number } | null {
    const source = this.source;
    if (!source || source.id !== sourceId) return null;
    const now = this.now();
    if (!source.started) {
      if (this.waitForKeyFrame && !packet.keyFrameStart) return null;
      const elapsed = this.lastSentAtMs === null ? 0 : Math.max(1, Math.round(((now - this.lastSentAtMs) * this.clockRate) / 1000));
      const firstTimestamp = (this.lastTimestamp + elapsed) >>> 0;
      const firstSeq = (this.seq + 1) & 0xffff;
      source.seqOffset = (firstSeq - packet.sequenceNumber) & 0xffff;
      source.tsOffset = (firstTimestamp - packet.timestamp) >>> 0;
      source.started = true;
      source.highestSeq = packet.sequenceNumber;
      source.firstSeq = packet.sequenceNumber;
    }
    // A late repair of a packet from before the source's first one in our numbering: never sent, so dropped.
    if (((packet.sequenceNumber - source.firstSeq) & 0xffff) >= 0x8000) return null;
    const sequenceNumber = (packet.sequenceNumber + source.seqOffset) & 0xffff;
    const timestamp = (packet.timestamp + source.tsOffset) >>> 0;
    const advances = ((packet.sequenceNumber - source.highestSeq) & 0xffff) < 0x8000;
    if (advances) {
      source.highestSeq = packet.sequenceNumber;
      this.seq = sequenceNumber;
      this.lastTimestamp = timestamp;
      this.lastSentAtMs = now;
    }
    return { sequenceNumber, timestamp };
  }
}

function randomUint32(): number {
  return Math.floor(Math.random() * 0x1_0000_0000) >>> 0;
}

/** A 12-byte RTP header (version 2, no CSRC, no extensions) in front of the payload. */
export function rtpPacket(payloadType: number, marker: boolean, sequenceNumber: number, timestamp: number, ssrc: number, payload: Buffer): Buffer {
  const out = Buffer.allocUnsafe(12 + payload.length);
  out[0] = 0x80;
  out[1] = (marker ? 0x80 : 0) | (payloadType & 0x7f);
  out.writeUInt16BE(sequenceNumber & 0xffff, 2);
  out.writeUInt32BE(timestamp >>> 0, 4);
  out.writeUInt32BE(ssrc >>> 0, 8);
  payload.copy(out, 12);
  return out;
}
