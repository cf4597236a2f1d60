import { RtpHeader, RtpPacket } from 'werift';
import type { TransportLink } from './link';
import { WeriftProducer } from './producer';
import { mapProducer, type ProducerMapping } from './rtpMapping';

/** Tests' transport: keeps the RTCP a producer sends its browser and counts the PLIs. */
export class RecordingLink implements TransportLink {
  readonly rtcpSsrc = 1;
  readonly connected = true;
  readonly rtcp: Buffer[] = [];
  sendRtp(): void {}
  sendRtcp(packet: Buffer): void {
    this.rtcp.push(packet);
  }
  get plis(): number {
    return this.rtcp.filter((p) => p[1] === 206 && (p[0]! & 0x1f) === 1).length;
  }
}

export const VP8_RTP_PARAMETERS = { codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90_000, rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }] }], encodings: [{ ssrc: 1111 }] };

/** A VP8 producer on a recording link, and `frame(key)` feeding it one single-packet frame (sequence numbers from 100). */
export function vp8Producer() {
  const link = new RecordingLink();
  const producer = new WeriftProducer('video', VP8_RTP_PARAMETERS, {}, mapProducer('video', VP8_RTP_PARAMETERS) as ProducerMapping, link);
  let seq = 100;
  // VP8 payload descriptor with S=1, then a frame tag whose low bit is 0 on key frames.
  const frame = (key: boolean) => producer.handleRtp(new RtpPacket(new RtpHeader({ ssrc: 1111, payloadType: 96, sequenceNumber: seq++, timestamp: seq * 3_000, marker: true }), Buffer.from([0x10, key ? 0x00 : 0x01, 0, 0])), false);
  return { link, producer, frame };
}
