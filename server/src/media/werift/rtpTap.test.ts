import { RtpHeader, RtpPacket } from 'werift';
import type { TappedRtp } from '../sfuBackend';
import type { TransportLink } from './link';
import { WeriftProducer } from './producer';
import { mapProducer, type ProducerMapping } from './rtpMapping';
import { WeriftRtpTap } from './rtpTap';

/** The plain-RTP seam on werift (issue 13): what the livestream reads of a producer. */
class RecordingLink implements TransportLink {
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

const rtpParameters = { codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90_000, rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }] }], encodings: [{ ssrc: 1111 }] };

function setup() {
  const link = new RecordingLink();
  const producer = new WeriftProducer('video', rtpParameters, {}, mapProducer('video', rtpParameters) as ProducerMapping, link);
  let seq = 100;
  const frame = (key: boolean) => producer.handleRtp(new RtpPacket(new RtpHeader({ ssrc: 1111, payloadType: 96, sequenceNumber: seq++, timestamp: seq * 3_000, marker: true }), Buffer.from([0x10, key ? 0x00 : 0x01, 0, 0])), false);
  return { link, producer, frame };
}

describe('WeriftRtpTap: a producer’s RTP for the livestream (LS1)', () => {
  test('LS1: hands every packet to the hub in router terms, key frames marked; a PLI on request, waiting until the key frame comes', () => {
    jest.useFakeTimers();
    const { link, producer, frame } = setup();
    const got: TappedRtp[] = [];
    const tap = new WeriftRtpTap(producer, (p) => got.push(p));
    expect(tap.mimeType).toBe('video/VP8');
    expect(tap.payloadType).toBe(101);
    tap.requestKeyFrame();
    expect(link.plis).toBe(1);
    expect(tap.waitingForKeyFrame).toBe(true);
    frame(false);
    frame(true);
    frame(false);
    expect(got.map((p) => [p.sequenceNumber, p.keyFrameStart])).toEqual([[100, false], [101, true], [102, false]]);
    expect(got[1]!.payload).toEqual(Buffer.from([0x10, 0x00, 0, 0]));
    expect(tap.waitingForKeyFrame).toBe(false);
    jest.useRealTimers();
  });

  test('LS1: closing the tap stops the packets; the producer closing ends the tap and tells the hub once', () => {
    const { producer, frame } = setup();
    const got: TappedRtp[] = [];
    const ended: string[] = [];
    const tap = new WeriftRtpTap(producer, (p) => got.push(p));
    tap.onClose(() => ended.push('first'));
    frame(true);
    producer.close();
    expect(tap.closed).toBe(true);
    expect(ended).toEqual(['first']);
    const other = setup();
    const second = new WeriftRtpTap(other.producer, (p) => got.push(p));
    second.close();
    other.frame(true);
    expect(got).toHaveLength(1);
    expect(other.producer.consumers.size).toBe(0);
  });
});
