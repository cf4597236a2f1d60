import { randomUUID } from 'node:crypto';
import { RtpHeader } from 'werift';
import type { MediaKind, RtpParameters } from '../../../../shared/src/media';
import type { ConsumerEvents, SfuConsumer } from '../sfuBackend';
import { TypedEmitter } from '../typedEmitter';
import type { ForwardPacket, TransportLink } from './link';
import { PacketCache } from './packetCache';
import type { ProducerConsumer, WeriftProducer } from './producer';
import { buildSenderReport, ntpMiddle32 } from './rtcpBuild';
import { scoreFromLoss } from './score';
import { seqAdd, seqDelta } from './seq';

/** Retransmitting the same packet twice within this window only duplicates it on the wire. */
const RESEND_MIN_INTERVAL_MS = 40;
const DEFAULT_RTT_MS = 100;
const KEY_FRAME_RETRY_MS = 400;

export interface ConsumerIds {
  ssrc: number;
  rtxSsrc: number;
  payloadType: number;
  /** Null when the receiver did not negotiate RTX: retransmissions then reuse the media SSRC. */
  rtxPayloadType: number | null;
}

/**
 * One receiver of one producer. Rewrites SSRC and payload type, and keeps its own sequence numbers
 * (producer number + offset, re-based whenever it starts or resumes) so pauses and late joins look
 * like a continuous stream to the browser rather than loss to be NACKed.
 */
export class WeriftConsumer implements SfuConsumer, ProducerConsumer {
  readonly id = randomUUID();
  readonly events = new TypedEmitter<ConsumerEvents>();
  readonly kind: MediaKind;
  private isPaused: boolean;
  private isClosed = false;
  private needsSync = true;
  private seqOffset = 0;
  private syncSeq = 0;
  private lastSeq: number;
  private rtxSeq: number;
  private readonly header: RtpHeader;
  private readonly rtxHeader: RtpHeader;
  private readonly cache = new PacketCache<ForwardPacket>();
  private readonly sentSrs = new Map<number, number>();
  private rttMs = DEFAULT_RTT_MS;
  private lastKeyFrameAskMs = -Infinity;
  private lastScore = 10;
  readonly counters = { packets: 0, octets: 0, retransmitted: 0, nacked: 0, keyFrameRequests: 0, senderReports: 0 };

  constructor(
    readonly producer: WeriftProducer,
    private readonly link: TransportLink,
    readonly ids: ConsumerIds,
    readonly rtpParameters: RtpParameters,
    paused: boolean,
  ) {
    this.kind = producer.kind;
    this.isPaused = paused;
    this.lastSeq = Math.floor(Math.random() * 0x10000);
    this.rtxSeq = Math.floor(Math.random() * 0x10000);
    this.header = new RtpHeader({ ssrc: ids.ssrc, payloadType: ids.payloadType });
    this.rtxHeader = new RtpHeader({ ssrc: ids.ssrc, payloadType: ids.rtxPayloadType ?? ids.payloadType });
    if (ids.rtxPayloadType !== null) this.rtxHeader.ssrc = ids.rtxSsrc;
  }

  get producerId(): string {
    return this.producer.id;
  }
  get paused(): boolean {
    return this.isPaused;
  }
  get producerPaused(): boolean {
    return this.producer.paused;
  }
  get closed(): boolean {
    return this.isClosed;
  }
  get score(): number {
    return this.lastScore;
  }

  get waitingForKeyFrame(): boolean {
    return this.needsSync && !this.isPaused && !this.isClosed;
  }

  forward(packet: ForwardPacket): void {
    if (this.isPaused || this.isClosed || !this.link.connected) return;
    if (this.needsSync) {
      if (!packet.keyFrameStart || packet.retransmitted) return this.askForKeyFrame();
      this.needsSync = false;
      this.syncSeq = packet.producerSeq;
      this.seqOffset = seqAdd(this.lastSeq, 1) - packet.producerSeq;
    } else if (seqDelta(packet.producerSeq, this.syncSeq) < 0) {
      return; // a late repair of something from before this consumer (re)started
    }
    const seq = seqAdd(packet.producerSeq, this.seqOffset);
    if (seqDelta(seq, this.lastSeq) > 0) this.lastSeq = seq;
    this.cache.store(seq, packet);
    this.counters.packets++;
    this.counters.octets += packet.payload.length;
    this.send(this.header, seq, packet, packet.payload);
  }

  /** While waiting for a key frame, ask again now and then: the first PLI may have gone out before we could forward. */
  private askForKeyFrame(): void {
    const now = performance.now();
    if (now - this.lastKeyFrameAskMs < KEY_FRAME_RETRY_MS) return;
    this.lastKeyFrameAskMs = now;
    this.producer.requestKeyFrame();
  }

  private send(header: RtpHeader, seq: number, packet: ForwardPacket, payload: Buffer): void {
    header.sequenceNumber = seq;
    header.timestamp = packet.timestamp;
    header.marker = packet.marker;
    header.extensions = packet.extensions;
    header.extension = packet.extensions.length > 0;
    this.link.sendRtp(payload, header);
  }

  /** Answers a receiver's NACK from the cache, as RTX when negotiated. */
  onNack(seqs: readonly number[]): void {
    const now = performance.now();
    const minInterval = Math.min(RESEND_MIN_INTERVAL_MS, this.rttMs);
    for (const seq of seqs) {
      this.counters.nacked++;
      const cached = this.cache.get(seq & 0xffff);
      if (!cached || now - cached.resentAtMs < minInterval) continue;
      cached.resentAtMs = now;
      this.counters.retransmitted++;
      this.retransmit(cached.seq, cached.item);
    }
  }

  private retransmit(seq: number, packet: ForwardPacket): void {
    if (this.ids.rtxPayloadType === null) {
      this.send(this.header, seq, packet, packet.payload);
      return;
    }
    const payload = Buffer.allocUnsafe(packet.payload.length + 2);
    payload.writeUInt16BE(seq, 0);
    packet.payload.copy(payload, 2);
    this.rtxSeq = seqAdd(this.rtxSeq, 1);
    this.send(this.rtxHeader, this.rtxSeq, packet, payload);
  }

  onKeyFrameRequest(): void {
    this.counters.keyFrameRequests++;
    if (!this.isPaused) this.producer.requestKeyFrame();
  }

  /** The producer's sender report, re-signed for this consumer: same clocks, our SSRC and counters. */
  onProducerSenderReport(ntp: bigint, rtpTimestamp: number): void {
    if (this.isPaused || this.isClosed || this.counters.packets === 0 || !this.link.connected) return;
    this.counters.senderReports++;
    this.rememberSr(ntp);
    this.link.sendRtcp(
      buildSenderReport(this.ids.ssrc, { ntpTimestamp: ntp, rtpTimestamp, packetCount: this.counters.packets, octetCount: this.counters.octets }),
    );
  }

  private rememberSr(ntp: bigint): void {
    this.sentSrs.set(ntpMiddle32(ntp), performance.now());
    if (this.sentSrs.size > 8) {
      const oldest = this.sentSrs.keys().next().value;
      if (oldest !== undefined) this.sentSrs.delete(oldest);
    }
  }

  /** A report block from the receiver: round trip (for NACK pacing) and score. */
  onReceiverReport(block: { fractionLost: number; lsr: number; dlsr: number }): void {
    const sentAt = this.sentSrs.get(block.lsr);
    if (sentAt !== undefined && block.lsr !== 0) {
      const rtt = performance.now() - sentAt - (block.dlsr / 65_536) * 1000;
      if (rtt >= 0 && rtt < 10_000) this.rttMs = rtt;
    }
    const score = scoreFromLoss(block.fractionLost / 256);
    if (score !== this.lastScore) {
      this.lastScore = score;
      this.events.emit('score', { score, producerScore: this.producer.score });
    }
  }

  get roundTripMs(): number {
    return this.rttMs;
  }

  async pause(): Promise<void> {
    this.isPaused = true;
  }

  async resume(): Promise<void> {
    if (this.isClosed || !this.isPaused) return;
    this.isPaused = false;
    this.needsSync = true;
    this.lastKeyFrameAskMs = performance.now();
    this.producer.requestKeyFrame();
  }

  async requestKeyFrame(): Promise<void> {
    this.producer.requestKeyFrame();
  }

  onProducerPaused(paused: boolean): void {
    if (this.isClosed) return;
    if (!paused) this.needsSync = true;
    this.events.emit(paused ? 'producerpause' : 'producerresume');
  }

  closeForProducer(): void {
    this.close('producer');
  }

  close(reason: 'closed' | 'transport' | 'producer' = 'closed'): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.producer.consumers.delete(this);
    this.cache.clear();
    this.events.emit('close', reason);
    this.events.removeAllListeners();
  }
}
