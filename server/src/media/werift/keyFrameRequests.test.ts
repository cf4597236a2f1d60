import { WeriftConsumer } from './consumer';
import { KEY_FRAME_MIN_INTERVAL_MS, KEY_FRAME_PENDING_MS } from './producer';
import { VP8_RTP_PARAMETERS as rtpParameters, vp8Producer } from './testProducer';

function setup() {
  const { link, producer, frame } = vp8Producer();
  const consumer = () => {
    const c = new WeriftConsumer(producer, link, { ssrc: 5555, rtxSsrc: 6666, payloadType: 101, rtxPayloadType: null }, rtpParameters, true);
    producer.consumers.add(c);
    return c;
  };
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
