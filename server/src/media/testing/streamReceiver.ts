import type { RtcpPacket, RtpPacket } from 'werift';
import { RtcpSrPacket } from 'werift';
import type { RtpParameters } from '../../../../shared/src/media';
import { NackGenerator } from '../werift/nackGenerator';
import { buildNack, buildPli } from '../werift/rtcpBuild';
import { SeqUnwrapper } from '../werift/seq';
import type { RawPeer } from './rawPeer';

const RECEIVER_RTCP_SSRC = 0x1234_5678;
const NACK_RETRY_MS = 30;

/**
 * Receives one consumer's stream the way a browser does — NACKs gaps, unwraps RTX, keeps sender
 * reports — and counts what arrived so tests can assert "nothing lost" and benches a frame rate.
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
  private nackTimer: NodeJS.Timeout | null = null;

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
    peer.rtcpListeners.add((packet) => this.onRtcp(packet));
    if (options.nack) this.nackTimer = setInterval(() => this.retryNacks(), NACK_RETRY_MS);
  }

  private onRtp(packet: RtpPacket): void {
    const { header } = packet;
    let seq = header.sequenceNumber;
    if (header.ssrc === this.rtxSsrc) {
      this.counters.rtx++;
      seq = packet.payload.readUInt16BE(0);
    } else if (header.ssrc !== this.ssrc) {
      return;
    }
    this.counters.packets++;
    this.payloadTypes.add(header.payloadType);
    for (const ext of header.extensions) {
      this.extensionIds.add(ext.id);
      this.extensionPayloads.set(ext.id, ext.payload);
    }
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
  }

  private countFrame(marker: boolean): void {
    if (!marker) return;
    this.counters.frames++;
    this.frameTimes.push(performance.now());
    if (this.frameTimes.length > 600) this.frameTimes.shift();
  }

  private onRtcp(packet: RtcpPacket): void {
    if (packet instanceof RtcpSrPacket && packet.ssrc === this.ssrc) {
      this.counters.senderReports++;
      this.lastSenderReport = { ntp: packet.senderInfo.ntpTimestamp, rtpTimestamp: packet.senderInfo.rtpTimestamp };
    }
  }

  private retryNacks(): void {
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
    if (this.nackTimer) clearInterval(this.nackTimer);
  }
}
