import { RtpHeader, RtpPacket } from 'werift';
import { WeriftConsumer } from './consumer';
import type { TransportLink } from './link';
import { KEY_FRAME_MIN_INTERVAL_MS, KEY_FRAME_PENDING_MS, WeriftProducer } from './producer';
import { mapProducer, type ProducerMapping } from './rtpMapping';

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
  const consumer = () => {
    const c = new WeriftConsumer(producer, link, { ssrc: 5555, rtxSsrc: 6666, payloadType: 101, rtxPayloadType: null }, rtpParameters, true);
    producer.consumers.add(c);
    return c;
  };
  let seq = 100;
  // VP8 payload descriptor with S=1, then a frame tag whose low bit is 0 on key frames.
  const frame = (key: boolean) => producer.handleRtp(new RtpPacket(new RtpHeader({ ssrc: 1111, payloadType: 96, sequenceNumber: seq++, marker: true }), Buffer.from([0x10, key ? 0x00 : 0x01, 0, 0])), false);
  return { link, producer, consumer, frame };
}

describe('key-frame requests to a publishing browser', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('consumers that start while a requested key frame is on its way share it: one PLI', async () => {
    const { link, consumer, frame } = setup();
    const [a, b, c] = [consumer(), consumer(), consumer()];
    await a.resume();
    jest.advanceTimersByTime(40);
    await b.resume();
    await c.resume();
    expect(link.plis).toBe(1);
    frame(true);
    expect([a, b, c].map((x) => x.waitingForKeyFrame)).toEqual([false, false, false]);
    jest.advanceTimersByTime(1_000);
    expect(link.plis).toBe(1);
  });

  test('a consumer starting after the key frame came gets a new PLI, but not sooner than Chrome accepts one', async () => {
    const { link, consumer, frame } = setup();
    await consumer().resume();
    jest.advanceTimersByTime(80);
    frame(true);
    const late = consumer();
    await late.resume();
    expect(link.plis).toBe(1);
    jest.advanceTimersByTime(KEY_FRAME_MIN_INTERVAL_MS - 81);
    expect(link.plis).toBe(1);
    jest.advanceTimersByTime(2);
    expect(link.plis).toBe(2);
    frame(true);
    expect(late.waitingForKeyFrame).toBe(false);
  });

  test('a PLI the browser ignored is repeated while a consumer still waits, and not once nobody does', async () => {
    const { link, consumer, frame } = setup();
    const waiting = consumer();
    await waiting.resume();
    jest.advanceTimersByTime(KEY_FRAME_PENDING_MS);
    jest.advanceTimersByTime(KEY_FRAME_MIN_INTERVAL_MS - KEY_FRAME_PENDING_MS + 1);
    expect(link.plis).toBe(2);
    frame(false);
    frame(true);
    jest.advanceTimersByTime(5_000);
    expect(link.plis).toBe(2);
  });
});
