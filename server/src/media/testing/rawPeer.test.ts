import { randomBytes } from 'node:crypto';
import { ProtectionProfileAes128CmHmacSha1_80, RtpHeader, SrtpSession } from 'werift';
import { ROUTER_RTP_CAPABILITIES } from '../routerCapabilities';
import type { SfuBackend, SfuRouter } from '../sfuBackend';
import { createWeriftBackend } from '../werift/weriftBackend';
import { connectedPair, connectedPairThroughLink, receiverCapabilities, waitFor } from './harness';
import { everyNth } from './lossyLink';
import { ClearRtp } from './rawPeer';
import { StreamReceiver } from './streamReceiver';
import { SyntheticSender } from './syntheticSender';

/**
 * The `headers` receive mode the media bench's receivers use: counting from the clear RTP header must agree with
 * decrypting every packet, repair losses the same way, and still find key frames and decrypt after a sequence wrap.
 */
const STREAM_DEADLINE_MS = 30_000;
const VP8_PAYLOAD_TYPE = ROUTER_RTP_CAPABILITIES.codecs?.find((c) => c.mimeType === 'video/VP8')?.preferredPayloadType;
jest.setTimeout(90_000);

describe('ClearRtp', () => {
  const keys = { localMasterKey: randomBytes(16), localMasterSalt: randomBytes(14), remoteMasterKey: randomBytes(16), remoteMasterSalt: randomBytes(14) };
  const config = { keys: { ...keys, localMasterKey: keys.remoteMasterKey, localMasterSalt: keys.remoteMasterSalt }, profile: ProtectionProfileAes128CmHmacSha1_80 };
  const ssrc = 0x0bad_cafe;
  // 65000 … 65535, 0 … 63: werift guesses a wrap only between packets within 100 of either end, so a receiver that
  // skipped from 65000 to 63 without settling what came between would take the wrong rollover counter.
  const seqs = Array.from({ length: 600 }, (_, i) => (65_000 + i) & 0xffff);

  function encrypted(): Buffer[] {
    const sender = new SrtpSession(config);
    return seqs.map((sequenceNumber, i) => sender.encrypt(Buffer.from([i & 0xff, 1, 2, 3]), new RtpHeader({ ssrc, sequenceNumber, timestamp: i * 3000, payloadType: 96, marker: i % 2 === 1 })));
  }

  test('reads the header in clear, and decrypts a packet after a sequence wrap it did not decrypt through', () => {
    const receiver = new SrtpSession({ keys, profile: ProtectionProfileAes128CmHmacSha1_80 });
    const packets = encrypted().map((data) => new ClearRtp(data, receiver));
    packets.slice(0, -1).forEach((p) => p.settle());
    const last = packets.at(-1)!;
    expect([last.ssrc, last.sequenceNumber, last.timestamp, last.marker, last.payloadType]).toEqual([ssrc, 63, 599 * 3000, true, 96]);
    expect(last.payload()).toEqual(Buffer.from([599 & 0xff, 1, 2, 3]));
  });

  test('without settling the packets it skipped, the same decryption fails: the rollover counter is what settle keeps', () => {
    const receiver = new SrtpSession({ keys, profile: ProtectionProfileAes128CmHmacSha1_80 });
    const first = new ClearRtp(encrypted()[0]!, receiver);
    first.settle();
    expect(new ClearRtp(encrypted().at(-1)!, receiver).payload()).toBeNull();
  });
});

describe('a receiver on a headers-mode peer (werift SFU)', () => {
  let backend: SfuBackend;
  let router: SfuRouter;
  const cleanups: Array<() => unknown> = [];

  // One router for both tests: each publishes its own producer.
  beforeAll(async () => {
    backend = await createWeriftBackend({ listenIp: '127.0.0.1', portMin: 42_500, portMax: 42_599 });
    router = await backend.createRouter();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    router.close();
    await backend.close();
  });

  async function publish() {
    const pub = await connectedPair(router);
    const sender = new SyntheticSender(pub.peer, { kind: 'video', fps: 30, bitrateBps: 1_500_000 });
    const producer = await pub.transport.produce({ kind: 'video', rtpParameters: sender.rtpParameters() });
    sender.start();
    cleanups.push(() => sender.stop(), () => pub.peer.close());
    return { sender, producer };
  }

  test('counts the same frames as a decrypting receiver and repairs 5 % loss by NACK and RTX, nothing missing', async () => {
    const { producer } = await publish();
    const plain = await connectedPair(router);
    const clear = await connectedPairThroughLink(router, 'headers');
    const consume = (transport: typeof plain.transport) => transport.consume({ producerId: producer.id, rtpCapabilities: receiverCapabilities(router) });
    const [plainConsumer, clearConsumer] = [await consume(plain.transport), await consume(clear.transport)];
    const decrypting = new StreamReceiver(plain.peer, plainConsumer.rtpParameters);
    const counting = new StreamReceiver(clear.peer, clearConsumer.rtpParameters);
    cleanups.push(() => decrypting.close(), () => counting.close(), () => plain.peer.close(), () => clear.peer.close(), () => clear.link.close());
    await waitFor(() => counting.counters.unique >= 10, STREAM_DEADLINE_MS, 'the first packets');
    clear.link.toPeer = everyNth(20, VP8_PAYLOAD_TYPE!);
    await waitFor(() => counting.counters.unique >= 600, STREAM_DEADLINE_MS, '600 packets');
    clear.link.toPeer = null;
    const where = () => `every loss repaired (missing ${counting.missing}, dropped ${clear.link.dropped.toPeer}, rtx ${counting.counters.rtx})`;
    await waitFor(() => counting.missing === 0 && counting.counters.rtx >= clear.link.dropped.toPeer, STREAM_DEADLINE_MS, where);
    expect(clear.link.dropped.toPeer).toBeGreaterThan(10);
    expect(counting.counters.nacksSent).toBeGreaterThan(0);
    expect(counting.extensionIds.size).toBe(0); // nothing was parsed beyond the fixed header
    // Both consumers were created a moment apart: their frame counts differ by at most the frames in between.
    expect(Math.abs(counting.counters.frames - decrypting.counters.frames)).toBeLessThanOrEqual(5);
    expect(counting.counters.frames).toBeGreaterThan(50);
  });

  test('a consumer resumed from pause: the receiver sees the key frame the SFU asked the publisher for', async () => {
    const { sender, producer } = await publish();
    const clear = await connectedPair(router, 'headers');
    const consumer = await clear.transport.consume({ producerId: producer.id, rtpCapabilities: receiverCapabilities(router), paused: true });
    const receiver = new StreamReceiver(clear.peer, consumer.rtpParameters);
    cleanups.push(() => receiver.close(), () => clear.peer.close());
    await waitFor(() => sender.counters.frames >= 30, STREAM_DEADLINE_MS, 'a second of stream');
    const keyFrames = sender.counters.keyFrames;
    const keyFrame = receiver.nextKeyFrame();
    const resumedAt = performance.now();
    await consumer.resume();
    const arrivedAt = await keyFrame;
    expect(arrivedAt).toBeGreaterThan(resumedAt);
    expect(sender.counters.keyFrames).toBeGreaterThan(keyFrames);
    expect(receiver.counters.frames).toBeGreaterThanOrEqual(1);
    expect(receiver.missing).toBe(0);
  });
});
