import type { RtcpPacket, RtpPacket } from 'werift';
import { RtcpSrPacket } from 'werift';
import type { RtpParameters } from '../../../../shared/src/media';
import { NackGenerator } from '../werift/nackGenerator';
import { buildNack, buildPli } from '../werift/rtcpBuild';
import { SeqUnwrapper } from '../werift/seq';
import type { RawPeer } from './rawPeer';

const RECEIVER_RTCP_SSRC = 0x1234_5678;
const NACK_RETRY_MS = 30;

/** What the receiver reads of a packet: its header, and its payload on demand (decrypted then on a `headers` peer). */
interface ReceivedPacket {
  header: { ssrc: number; sequenceNumber: number; timestamp: number; marker: boolean; payloadType: number };
  payload: () => Buffer | null;
}

/** The first packet of a VP8 key frame (RFC 7741): S set and partition 0 in the descriptor, P clear in the frame tag. */
function startsVp8KeyFrame(payload: Buffer): boolean {
  const first = payload[0] ?? 0;
  if ((first & 0x1f) !== 0x10) return false;
  let tag = 1;
  if (first & 0x80) {
    const x = payload[1] ?? 0;
    tag = 2;
    if (x & 0x80) tag += (payload[2] ?? 0) & 0x80 ? 2 : 1; // PictureID, 7 or 15 bits
    if (x & 0x40) tag++; // TL0PICIDX
    if (x & 0x30) tag++; // TID / KEYIDX
  }
  return payload.length > tag && ((payload[tag] ?? 1) & 0x01) === 0;
}

/**
 * Receives one consumer's stream the way a browser does — NACKs gaps, unwraps RTX, keeps sender
 * reports — and counts what arrived so tests can assert "nothing lost" and benches a frame rate.
 * On a peer in `headers` mode it counts from the clear RTP header alone and decrypts only RTX packets (for the
 * sequence number they repair) and, while a key frame is awaited, the packets that may start it.
 */
export class StreamReceiver {
  readonly ssrc: number;
  readonly rtxSsrc: number | null;
  readonly counters = { packets: 0, unique: 0, duplicates: 0, rtx: 0, frames: 0, nacksSent: 0, senderReports: 0, beforeFirst: 0 };
  readonly payloadTypes = new Set<number>();
  readonly extensionIds = new Set<number>();
  /** The last payload seen under each header-extension id. */
  readonly extensionPayloads = new Map<number, Buffer>();
  lastSenderReport: { ntp: bigint; rtpTimestamp: number } | null = null;
  private readonly seen = new Set<number>();
  private readonly unwrapper = new SeqUnwrapper();
  private readonly nack = new NackGenerator();
  private firstExt: number | null = null;
  private highestExt = -1;
  private readonly frameTimes: number[] = [];
  private keyFrameWatch: KeyFrameWatch | null = null;

  constructor(
    private readonly peer: RawPeer,
    rtpParameters: RtpParameters,
    private readonly options: { nack: boolean; trackSequences: boolean } = { nack: true, trackSequences: true },
  ) {
    const encoding = rtpParameters.encodings?.[0];
    if (encoding?.ssrc === undefined) throw new Error('consumer without ssrc');
    this.ssrc = encoding.ssrc;
    this.rtxSsrc = encoding.rtx?.ssrc ?? null;
    peer.rtpListeners.add((packet) => this.onRtp(packet));
    peer.clearRtpListeners.add((packet) => this.onPacket({ header: packet, payload: () => packet.payload() }));
    peer.rtcpListeners.add((packet) => this.onRtcp(packet));
    if (options.nack) NACK_RETRIES.add(this);
  }

  private onRtp(packet: RtpPacket): void {
    const { header } = packet;
    if (header.ssrc !== this.ssrc && header.ssrc !== this.rtxSsrc) return;
    for (const ext of header.extensions) {
      this.extensionIds.add(ext.id);
      this.extensionPayloads.set(ext.id, ext.payload);
    }
    this.onPacket({ header, payload: () => packet.payload });
  }

  private onPacket(packet: ReceivedPacket): void {
    const { header } = packet;
    let seq = header.sequenceNumber;
    let media = packet.payload;
    if (header.ssrc === this.rtxSsrc) {
      const payload = packet.payload();
      if (!payload) return;
      this.counters.rtx++;
      seq = payload.readUInt16BE(0);
      media = () => payload.subarray(2);
    } else if (header.ssrc !== this.ssrc) {
      return;
    }
    this.counters.packets++;
    this.payloadTypes.add(header.payloadType);
    if (!this.options.trackSequences) return this.countFrame(header.marker);
    const ext = this.unwrapper.unwrap(seq);
    // A late repair of a packet from before this receiver's first one: mediasoup forwards it (werift does not); a
    // browser's jitter buffer drops it, as it started with a later key frame. Counted apart, not as a gap.
    if (this.firstExt !== null && ext < this.firstExt) {
      this.counters.beforeFirst++;
      return;
    }
    if (this.seen.has(ext)) {
      this.counters.duplicates++;
      return;
    }
    this.seen.add(ext);
    this.counters.unique++;
    this.firstExt ??= ext;
    this.highestExt = Math.max(this.highestExt, ext);
    if (this.options.nack) {
      const { nackNow } = this.nack.onPacket(seq, performance.now());
      if (nackNow.length > 0) this.sendNack(nackNow);
    }
    this.countFrame(header.marker);
    if (this.keyFrameWatch?.whole(ext, header, media, this.seen)) {
      this.keyFrameWatch.resolve(performance.now());
      this.keyFrameWatch = null;
    }
  }

  private countFrame(marker: boolean): void {
    if (!marker) return;
    this.counters.frames++;
    this.frameTimes.push(performance.now());
    if (this.frameTimes.length > 600) this.frameTimes.shift();
  }

  /** Resolves with performance.now() when the next key frame to start has arrived whole (repairs included). */
  nextKeyFrame(): Promise<number> {
    if (!this.options.trackSequences) throw new Error('nextKeyFrame needs trackSequences');
    return new Promise((resolve) => (this.keyFrameWatch = new KeyFrameWatch(resolve)));
  }

  private onRtcp(packet: RtcpPacket): void {
    if (packet instanceof RtcpSrPacket && packet.ssrc === this.ssrc) {
      this.counters.senderReports++;
      this.lastSenderReport = { ntp: packet.senderInfo.ntpTimestamp, rtpTimestamp: packet.senderInfo.rtpTimestamp };
    }
  }

  retryNacks(): void {
    const due = this.nack.due(performance.now(), NACK_RETRY_MS);
    if (due.length > 0) this.sendNack(due);
  }

  private sendNack(seqs: number[]): void {
    this.counters.nacksSent++;
    this.peer.sendRtcp(buildNack(RECEIVER_RTCP_SSRC, this.ssrc, seqs));
  }

  requestKeyFrame(): void {
    this.peer.sendRtcp(buildPli(RECEIVER_RTCP_SSRC, this.ssrc));
  }

  /** Sequence numbers between the first and last received that never arrived. */
  get missing(): number {
    return this.firstExt === null ? 0 : this.highestExt - this.firstExt + 1 - this.counters.unique;
  }

  /** Frames per second over the last `windowMs`. */
  frameRate(windowMs: number): number {
    const since = performance.now() - windowMs;
    return this.frameTimes.filter((t) => t >= since).length / (windowMs / 1000);
  }

  close(): void {
    NACK_RETRIES.delete(this);
  }
}

/**
 * A key frame awaited: found by the VP8 key bit of its first packet (decrypting, on a `headers` peer, only until then),
 * whole once its marker packet and every sequence number between the two have arrived, first transmission or RTX.
 */
class KeyFrameWatch {
  private timestamp: number | null = null;
  private firstExt = 0;
  /** Marker packets seen while waiting, by RTP timestamp: the key frame's may come before its first packet's repair. */
  private readonly markers = new Map<number, number>();

  constructor(readonly resolve: (atMs: number) => void) {}

  whole(ext: number, header: ReceivedPacket['header'], payload: () => Buffer | null, seen: ReadonlySet<number>): boolean {
    if (header.marker) this.markers.set(header.timestamp, ext);
    if (this.timestamp === null) {
      const media = payload();
      if (!media || !startsVp8KeyFrame(media)) return false;
      this.timestamp = header.timestamp;
      this.firstExt = ext;
    }
    const lastExt = this.markers.get(this.timestamp);
    if (lastExt === undefined) return false;
    for (let e = this.firstExt; e <= lastExt; e++) if (!seen.has(e)) return false;
    return true;
  }
}

/**
 * One timer for every open receiver's NACK retries rather than one each: a bench process holds hundreds of
 * receivers, and hundreds of 30 ms intervals would cost it more than the packets do.
 */
class NackRetries {
  private readonly receivers = new Set<StreamReceiver>();
  private timer: NodeJS.Timeout | null = null;

  add(receiver: StreamReceiver): void {
    this.receivers.add(receiver);
    this.timer ??= setInterval(() => {
      for (const r of this.receivers) r.retryNacks();
    }, NACK_RETRY_MS);
  }

  delete(receiver: StreamReceiver): void {
    this.receivers.delete(receiver);
    if (this.receivers.size > 0 || !this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
  }
}

const NACK_RETRIES = new NackRetries();
