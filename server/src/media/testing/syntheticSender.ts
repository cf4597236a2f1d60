import { randomInt } from 'node:crypto';
import { GenericNack, PictureLossIndication, RtcpPayloadSpecificFeedback, RtcpTransportLayerFeedback, RtpHeader, TransportWideCC, ReceiverEstimatedMaxBitrate, type RtcpPacket } from 'werift';
import type { MediaKind, RtpParameters } from '../../../../shared/src/media';
import { URI_AUDIO_LEVEL, URI_TRANSPORT_CC } from '../routerCapabilities';
import { buildSenderReport } from '../werift/rtcpBuild';
import type { RawPeer } from './rawPeer';

/** Chrome's own numbering, deliberately unlike the router's, so the SFU's mapping is exercised. */
const BROWSER_PT = { video: 96, rtx: 97, audio: 111 } as const;
const BROWSER_EXT = { audioLevel: 1, transportCc: 3 } as const;
const MAX_PAYLOAD_BYTES = 1_100;
const NTP_EPOCH_OFFSET_S = 2_208_988_800;

export interface SyntheticSenderOptions {
  kind: MediaKind;
  /** The video codec announced and shaped (default VP8): H.264 for the devices that only encode it. */
  codec?: 'vp8' | 'h264';
  /** A real VP8 key frame (encodeVp8KeyFrame) sent as every frame, so a decoder such as FFmpeg's sees a picture; else filler. */
  vp8KeyFrame?: Buffer;
  fps: number;
  bitrateBps: number;
  /** A key frame every N frames besides those asked for by PLI. */
  keyFrameEvery?: number;
  /** Return true to "lose" a packet on its first transmission (it is still answered on NACK). */
  dropFirstSend?: (seq: number) => boolean;
  /** Ignore a PLI this soon after the last key frame, as Chrome does (300 ms); default: act on every PLI. */
  pliHoldOffMs?: number;
}

/** Shared by all senders on one transport, as a browser numbers every packet of the transport. */
export class TransportSequence {
  private seq = randomInt(0, 0x10000);
  next(): number {
    this.seq = (this.seq + 1) & 0xffff;
    return this.seq;
  }
}

/**
 * Publishes synthetic VP8-shaped video (valid payload descriptors, key-frame flags, marker on the last
 * packet of a frame) or Opus-sized audio at a given frame rate and bitrate, with transport-wide sequence
 * numbers, sender reports, and RTX answers to NACKs — the parts of a browser sender the SFU reacts to.
 */
export class SyntheticSender {
  readonly ssrc = randomInt(1, 0xffff_ffff);
  readonly rtxSsrc = randomInt(1, 0xffff_ffff);
  readonly cname = `synthetic-${randomInt(0, 1e9)}`;
  readonly counters = { packets: 0, frames: 0, keyFrames: 0, dropped: 0, nacked: 0, retransmitted: 0, plis: 0, twccFeedbacks: 0, twccReported: 0 };
  lastRembBps = 0;
  private seq = randomInt(0, 0x10000);
  private rtxSeq = randomInt(0, 0x10000);
  private timestamp = randomInt(0, 0xffff_ffff);
  private readonly sent = new Map<number, { payload: Buffer; timestamp: number; marker: boolean }>();
  private keyFrameRequested = true;
  private lastKeyFrameAt = -Infinity;
  private frameTimer: NodeJS.Timeout | null = null;
  private srTimer: NodeJS.Timeout | null = null;
  private readonly clockRate: number;

  constructor(
    private readonly peer: RawPeer,
    private readonly options: SyntheticSenderOptions,
    private readonly transportSeq = new TransportSequence(),
  ) {
    this.clockRate = options.kind === 'video' ? 90_000 : 48_000;
    peer.rtcpListeners.add((packet) => this.onRtcp(packet));
  }

  /** What mediasoup-client would send as `rtpParameters` to produce this stream. */
  rtpParameters(): RtpParameters {
    const video = this.options.kind === 'video';
    const feedback = video ? [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }, { type: 'transport-cc' }] : [{ type: 'transport-cc' }];
    return {
      mid: video ? '0' : '1',
      codecs: video
        ? [
            this.options.codec === 'h264'
              ? { mimeType: 'video/H264', payloadType: BROWSER_PT.video, clockRate: 90_000, parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 }, rtcpFeedback: feedback }
              : { mimeType: 'video/VP8', payloadType: BROWSER_PT.video, clockRate: 90_000, parameters: {}, rtcpFeedback: feedback },
            { mimeType: 'video/rtx', payloadType: BROWSER_PT.rtx, clockRate: 90_000, parameters: { apt: BROWSER_PT.video }, rtcpFeedback: [] },
          ]
        : [{ mimeType: 'audio/opus', payloadType: BROWSER_PT.audio, clockRate: 48_000, channels: 2, parameters: { useinbandfec: 1 }, rtcpFeedback: feedback }],
      headerExtensions: [
        { uri: URI_TRANSPORT_CC, id: BROWSER_EXT.transportCc },
        ...(video ? [] : [{ uri: URI_AUDIO_LEVEL, id: BROWSER_EXT.audioLevel }]),
      ],
      encodings: [video ? { ssrc: this.ssrc, rtx: { ssrc: this.rtxSsrc } } : { ssrc: this.ssrc }],
      rtcp: { cname: this.cname, reducedSize: true },
    };
  }

  /** Frames are due by the wall clock, not by timer ticks: a late tick sends what is owed, so a busy
   * process still publishes its nominal frame rate on average. */
  start(): void {
    const startedAt = performance.now();
    const framesAtStart = this.counters.frames;
    const interval = 1000 / this.options.fps;
    this.frameTimer = setInterval(() => {
      const due = Math.floor((performance.now() - startedAt) / interval) + 1 - (this.counters.frames - framesAtStart);
      // Catch up at most one frame per tick, as an encoder would rather than bursting a backlog.
      for (let i = 0; i < Math.min(due, 2); i++) this.sendFrame();
    }, interval / 2);
    this.srTimer = setInterval(() => this.sendSenderReport(), 500);
  }

  stop(): void {
    if (this.frameTimer) clearInterval(this.frameTimer);
    if (this.srTimer) clearInterval(this.srTimer);
    this.frameTimer = this.srTimer = null;
  }

  sendFrame(): void {
    if (this.options.vp8KeyFrame) return this.sendRealFrame(this.options.vp8KeyFrame);
    const key = this.options.kind === 'video' && (this.keyFrameRequested || (this.options.keyFrameEvery !== undefined && this.counters.frames % this.options.keyFrameEvery === 0));
    this.keyFrameRequested = false;
    const bytes = Math.max(20, Math.round(this.options.bitrateBps / 8 / this.options.fps) * (key ? 3 : 1));
    const packets = this.options.kind === 'video' ? Math.ceil(bytes / MAX_PAYLOAD_BYTES) : 1;
    this.timestamp = (this.timestamp + Math.round(this.clockRate / this.options.fps)) >>> 0;
    for (let i = 0; i < packets; i++) {
      const payload = this.payload(i, key, Math.ceil(bytes / packets));
      this.sendMedia(payload, i === packets - 1);
    }
    this.counters.frames++;
    if (key) {
      this.counters.keyFrames++;
      this.lastKeyFrameAt = performance.now();
    }
  }

  /** One real key frame, split after the VP8 payload descriptor (S=1 on its first packet) into packets of the usual size. */
  private sendRealFrame(frame: Buffer): void {
    this.keyFrameRequested = false;
    this.timestamp = (this.timestamp + Math.round(this.clockRate / this.options.fps)) >>> 0;
    const chunk = MAX_PAYLOAD_BYTES - 1;
    for (let at = 0; at < frame.length; at += chunk) {
      this.sendMedia(Buffer.concat([Buffer.from([at === 0 ? 0x10 : 0x00]), frame.subarray(at, at + chunk)]), at + chunk >= frame.length);
    }
    this.counters.frames++;
    this.counters.keyFrames++;
    this.lastKeyFrameAt = performance.now();
  }

  private payload(index: number, key: boolean, size: number): Buffer {
    const payload = Buffer.alloc(size, index & 0xff);
    if (this.options.kind === 'audio') return payload;
    if (this.options.codec === 'h264') {
      payload[0] = key && index === 0 ? 0x65 : 0x41; // a NAL unit header: an IDR slice starts a key frame, else a non-IDR slice
      return payload;
    }
    payload[0] = index === 0 ? 0x10 : 0x00; // S bit on the first packet of the frame, partition 0
    if (index === 0) payload[1] = key ? 0x00 : 0x01; // VP8 frame tag: bit 0 clear on key frames
    return payload;
  }

  private sendMedia(payload: Buffer, marker: boolean): void {
    this.seq = (this.seq + 1) & 0xffff;
    const header = this.header(this.ssrc, this.options.kind === 'video' ? BROWSER_PT.video : BROWSER_PT.audio, this.seq, marker);
    this.sent.set(this.seq, { payload, timestamp: this.timestamp, marker });
    this.sent.delete((this.seq - 2_000) & 0xffff);
    this.counters.packets++;
    if (this.options.dropFirstSend?.(this.seq)) {
      this.counters.dropped++;
      return;
    }
    this.peer.sendRtp(payload, header);
  }

  private header(ssrc: number, payloadType: number, seq: number, marker: boolean, timestamp = this.timestamp): RtpHeader {
    const twcc = Buffer.alloc(2);
    twcc.writeUInt16BE(this.transportSeq.next());
    const extensions: Array<{ id: number; payload: Buffer }> = [{ id: BROWSER_EXT.transportCc, payload: twcc }];
    if (this.options.kind === 'audio') extensions.push({ id: BROWSER_EXT.audioLevel, payload: Buffer.from([0x80 | 30]) });
    return new RtpHeader({ ssrc, payloadType, sequenceNumber: seq, timestamp, marker, extensions, extension: true });
  }

  private onRtcp(packet: RtcpPacket): void {
    if (packet instanceof RtcpTransportLayerFeedback) {
      const fb = packet.feedback;
      if (fb instanceof GenericNack && fb.mediaSourceSsrc === this.ssrc) this.answerNack(fb.lost.map((s) => s & 0xffff));
      if (fb instanceof TransportWideCC) {
        this.counters.twccFeedbacks++;
        this.counters.twccReported += fb.packetStatusCount;
      }
    } else if (packet instanceof RtcpPayloadSpecificFeedback) {
      const fb = packet.feedback;
      if (fb instanceof PictureLossIndication && fb.mediaSsrc === this.ssrc) {
        this.counters.plis++;
        if (performance.now() - this.lastKeyFrameAt >= (this.options.pliHoldOffMs ?? 0)) this.keyFrameRequested = true;
      }
      if (fb instanceof ReceiverEstimatedMaxBitrate) this.lastRembBps = Number(fb.bitrate);
    }
  }

  private answerNack(seqs: number[]): void {
    for (const seq of seqs) {
      this.counters.nacked++;
      const original = this.sent.get(seq);
      if (!original) continue;
      this.counters.retransmitted++;
      const payload = Buffer.concat([Buffer.from([seq >> 8, seq & 0xff]), original.payload]);
      this.rtxSeq = (this.rtxSeq + 1) & 0xffff;
      this.peer.sendRtp(payload, this.header(this.rtxSsrc, BROWSER_PT.rtx, this.rtxSeq, original.marker, original.timestamp));
    }
  }

  private sendSenderReport(): void {
    const nowMs = Date.now();
    const seconds = BigInt(Math.floor(nowMs / 1000) + NTP_EPOCH_OFFSET_S);
    const fraction = BigInt(Math.floor(((nowMs % 1000) / 1000) * 2 ** 32));
    this.peer.sendRtcp(buildSenderReport(this.ssrc, { ntpTimestamp: (seconds << 32n) | fraction, rtpTimestamp: this.timestamp, packetCount: this.counters.packets, octetCount: 0 }));
  }
}
