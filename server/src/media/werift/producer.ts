import { randomUUID } from 'node:crypto';
import type { RtpPacket } from 'werift';
import type { MediaKind, RtpParameters } from '../../../../shared/src/media';
import type { ProducerEvents, SfuProducer } from '../sfuBackend';
import { TypedEmitter } from '../typedEmitter';
import { isKeyFrameStart } from './keyframe';
import type { ForwardPacket, TransportLink } from './link';
import { NackGenerator } from './nackGenerator';
import { ReceiveStats } from './receiveStats';
import { buildNack, buildPli, type ReportBlock } from './rtcpBuild';
import type { ProducerMapping } from './rtpMapping';
import { SeqUnwrapper } from './seq';
import { scoreFromLoss } from './score';

/**
 * Chrome ignores a PLI that comes within 300 ms of the one it last acted on (EncoderRtcpFeedback's minimum
 * key-frame interval); a request sent sooner is lost and its consumer waits for a retry. 50 ms of margin.
 */
export const KEY_FRAME_MIN_INTERVAL_MS = 350;
/**
 * A requested key frame that has not come after this long is asked for again while a consumer still waits:
 * the PLI may have been lost, or dropped by the browser when its processing of the previous one was late.
 */
export const KEY_FRAME_PENDING_MS = 250;
/** Without a measured round trip to the producer (we send it no media), retry NACKs at a typical RTT. */
export const NACK_RETRY_INTERVAL_MS = 60;

export interface ProducerConsumer {
  /** Resumed but not yet given a key frame to start from. */
  readonly waitingForKeyFrame: boolean;
  forward(packet: ForwardPacket): void;
  onProducerSenderReport(ntp: bigint, rtpTimestamp: number): void;
  onProducerPaused(paused: boolean): void;
  closeForProducer(): void;
}

export class WeriftProducer implements SfuProducer {
  readonly id = randomUUID();
  readonly events = new TypedEmitter<ProducerEvents>();
  readonly consumers = new Set<ProducerConsumer>();
  private isPaused = false;
  private isClosed = false;
  private readonly nack: NackGenerator | null;
  private readonly stats: ReceiveStats;
  private readonly unwrapper = new SeqUnwrapper();
  private lastKeyFrameRequestMs = -Infinity;
  private keyFrameTimer: NodeJS.Timeout | null = null;
  private keyFrameRetryTimer: NodeJS.Timeout | null = null;
  /** When the last PLI went out, until the key frame it asked for arrives: later requests wait for that one. */
  private keyFramePendingSinceMs: number | null = null;
  private lastScore = 10;
  readonly counters = { packets: 0, octets: 0, recovered: 0, nacksSent: 0, nackedPackets: 0, keyFrameRequests: 0 };

  constructor(
    readonly kind: MediaKind,
    readonly rtpParameters: RtpParameters,
    readonly appData: Record<string, unknown>,
    readonly mapping: ProducerMapping,
    private readonly link: TransportLink,
    paused = false,
  ) {
    this.isPaused = paused;
    this.nack = mapping.nack ? new NackGenerator() : null;
    this.stats = new ReceiveStats(mapping.routerCodec.clockRate);
  }

  get paused(): boolean {
    return this.isPaused;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Entry point for every RTP packet of this producer's SSRC or its RTX SSRC. */
  handleRtp(packet: RtpPacket, viaRtx: boolean): void {
    if (this.isClosed) return;
    let { payload } = packet;
    let seq = packet.header.sequenceNumber;
    if (viaRtx) {
      // RTX (RFC 4588): original sequence number first. Browsers also send padding-only RTX as probes.
      if (payload.length <= 2) return;
      seq = payload.readUInt16BE(0);
      payload = payload.subarray(2);
    }
    if (payload.length === 0) return;
    const now = performance.now();
    const retransmitted = this.trackSequence(seq, now);
    if (retransmitted === null) return;
    this.counters.packets++;
    this.counters.octets += payload.length;
    this.stats.onPacket(this.unwrapper.unwrap(seq), packet.header.timestamp, now, retransmitted);
    const keyFrameStart = this.mapping.codecName === 'opus' || isKeyFrameStart(this.mapping.codecName, payload);
    if (keyFrameStart) this.keyFramePendingSinceMs = null;
    if (this.isPaused || this.consumers.size === 0) return;
    const forward: ForwardPacket = {
      producerSeq: seq,
      timestamp: packet.header.timestamp,
      marker: packet.header.marker,
      payload,
      extensions: this.mapExtensions(packet),
      keyFrameStart,
      retransmitted,
    };
    for (const consumer of this.consumers) consumer.forward(forward);
  }

  /** NACKs new gaps; returns whether the packet is a repair, or null for a duplicate to drop. */
  private trackSequence(seq: number, nowMs: number): boolean | null {
    if (!this.nack) return false;
    const { status, nackNow, keyFrameNeeded } = this.nack.onPacket(seq, nowMs);
    if (status === 'duplicate') return null;
    if (nackNow.length > 0) this.sendNack(nackNow);
    if (keyFrameNeeded) this.requestKeyFrame();
    if (status === 'recovered') this.counters.recovered++;
    return status === 'recovered';
  }

  private mapExtensions(packet: RtpPacket): ForwardPacket['extensions'] {
    const map = this.mapping.forwardedExtensions;
    if (map.size === 0 || packet.header.extensions.length === 0) return [];
    const out: ForwardPacket['extensions'] = [];
    for (const ext of packet.header.extensions) {
      const id = map.get(ext.id);
      if (id !== undefined) out.push({ id, payload: ext.payload });
    }
    return out;
  }

  private sendNack(seqs: number[]): void {
    this.counters.nacksSent++;
    this.counters.nackedPackets += seqs.length;
    this.link.sendRtcp(buildNack(this.link.rtcpSsrc, this.mapping.ssrc, seqs));
  }

  /** Called every few tens of milliseconds by the transport: NACK retries. */
  tick(nowMs: number): void {
    if (!this.nack || this.isClosed) return;
    const due = this.nack.due(nowMs, NACK_RETRY_INTERVAL_MS);
    if (due.length > 0) this.sendNack(due);
  }

  handleSenderReport(ntp: bigint, rtpTimestamp: number): void {
    this.stats.onSenderReport(ntp, performance.now());
    if (this.isPaused) return;
    for (const consumer of this.consumers) consumer.onProducerSenderReport(ntp, rtpTimestamp);
  }

  /** The receiver-report block for this producer, and a score update from its loss. */
  report(nowMs: number): ReportBlock | null {
    const block = this.stats.report(this.mapping.ssrc, nowMs);
    if (!block) return null;
    const score = scoreFromLoss(this.stats.lastFractionLost);
    if (score !== this.lastScore) {
      this.lastScore = score;
      this.events.emit('score', score);
    }
    return block;
  }

  get score(): number {
    return this.lastScore;
  }

  /**
   * PLI to the browser, coalesced as mediasoup does: while a requested key frame is on its way, consumers that
   * start meanwhile wait for that one (it reaches them too); once it has arrived, the next request goes out at
   * once. A floor change (every screen resuming the new speaker within ~100 ms) costs one or two key frames.
   */
  requestKeyFrame(): void {
    if (this.isClosed || this.kind !== 'video' || this.keyFrameTimer) return;
    const now = performance.now();
    if (this.keyFramePendingSinceMs !== null && now - this.keyFramePendingSinceMs < KEY_FRAME_PENDING_MS) return;
    const wait = this.lastKeyFrameRequestMs + KEY_FRAME_MIN_INTERVAL_MS - now;
    if (wait > 0) {
      this.keyFrameTimer = setTimeout(() => {
        this.keyFrameTimer = null;
        this.requestKeyFrame();
      }, wait);
      return;
    }
    this.lastKeyFrameRequestMs = performance.now();
    this.keyFramePendingSinceMs = this.lastKeyFrameRequestMs;
    this.counters.keyFrameRequests++;
    this.link.sendRtcp(buildPli(this.link.rtcpSsrc, this.mapping.ssrc));
    if (this.keyFrameRetryTimer) clearTimeout(this.keyFrameRetryTimer);
    this.keyFrameRetryTimer = setTimeout(() => {
      this.keyFrameRetryTimer = null;
      if (this.keyFramePendingSinceMs === null || ![...this.consumers].some((c) => c.waitingForKeyFrame)) return;
      this.keyFramePendingSinceMs = null;
      this.requestKeyFrame();
    }, KEY_FRAME_PENDING_MS);
  }

  async pause(): Promise<void> {
    if (this.isPaused || this.isClosed) return;
    this.isPaused = true;
    for (const consumer of this.consumers) consumer.onProducerPaused(true);
  }

  async resume(): Promise<void> {
    if (!this.isPaused || this.isClosed) return;
    this.isPaused = false;
    for (const consumer of this.consumers) consumer.onProducerPaused(false);
    this.requestKeyFrame();
  }

  close(reason: 'closed' | 'transport' = 'closed'): void {
    if (this.isClosed) return;
    this.isClosed = true;
    if (this.keyFrameTimer) clearTimeout(this.keyFrameTimer);
    if (this.keyFrameRetryTimer) clearTimeout(this.keyFrameRetryTimer);
    for (const consumer of [...this.consumers]) consumer.closeForProducer();
    this.consumers.clear();
    this.events.emit('close', reason);
    this.events.removeAllListeners();
  }
}
