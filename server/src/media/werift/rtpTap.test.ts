import type { TappedRtp } from '../sfuBackend';
import { WeriftRtpTap } from './rtpTap';
import { vp8Producer as setup } from './testProducer';

/** The plain-RTP seam on werift (issue 13): what the livestream reads of a producer. */
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
