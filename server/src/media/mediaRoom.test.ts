import type { DtlsParameters, MediaRoomEvent, TransportInfo } from '../../../shared/src/media';
import { MediaRoom } from './mediaRoom';
import type { SfuBackend } from './sfuBackend';
import { sleep, waitFor } from './testing/harness';
import { RawPeer } from './testing/rawPeer';
import { StreamReceiver } from './testing/streamReceiver';
import { SyntheticSender, TransportSequence } from './testing/syntheticSender';
import { createWeriftBackend } from './werift/weriftBackend';

const CHAIR = 'trung-uong';
const HUE = 'hue';
const CANTHO = 'can-tho';

describe('MediaRoom', () => {
  let backend: SfuBackend;
  let room: MediaRoom;
  let events: MediaRoomEvent[];
  const cleanups: Array<() => unknown> = [];

  beforeAll(async () => {
    backend = await createWeriftBackend({ listenIp: '127.0.0.1', portMin: 42_600, portMax: 42_699 });
  });
  afterAll(() => backend.close());
  beforeEach(async () => {
    events = [];
    room = await MediaRoom.create(backend, (e) => events.push(e));
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    room.close();
  });

  function ok<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  async function connect(pointId: string, direction: 'send' | 'recv'): Promise<{ info: TransportInfo; peer: RawPeer }> {
    const info = ok(await room.createTransport(pointId, direction));
    const peer = await RawPeer.connect(info, async (dtls: DtlsParameters) => void ok(await room.connectTransport(pointId, info.id, dtls)));
    cleanups.push(() => peer.close());
    return { info, peer };
  }

  /** A point publishing a microphone (and a camera when asked) from a Node peer. */
  async function publish(pointId: string, withVideo = false) {
    const { info, peer } = await connect(pointId, 'send');
    const seq = new TransportSequence();
    const mic = new SyntheticSender(peer, { kind: 'audio', fps: 50, bitrateBps: 32_000 }, seq);
    const micId = ok(await room.produce(pointId, info.id, { kind: 'audio', rtpParameters: mic.rtpParameters(), appData: { source: 'mic' } })).producerId;
    mic.start();
    cleanups.push(() => mic.stop());
    let cameraId: string | null = null;
    if (withVideo) {
      const cam = new SyntheticSender(peer, { kind: 'video', fps: 30, bitrateBps: 500_000 }, seq);
      cameraId = ok(await room.produce(pointId, info.id, { kind: 'video', rtpParameters: cam.rtpParameters(), appData: { source: 'main' } })).producerId;
      cam.start();
      cleanups.push(() => cam.stop());
    }
    return { transportId: info.id, micId, cameraId };
  }

  async function listen(pointId: string, producerId: string) {
    const { info, peer } = await connect(pointId, 'recv');
    const consumer = ok(await room.consume(pointId, info.id, producerId, room.getRouterRtpCapabilities()));
    const receiver = new StreamReceiver(peer, consumer.rtpParameters);
    cleanups.push(() => receiver.close());
    ok(await room.resumeConsumer(pointId, consumer.id));
    return { consumer, receiver, transportId: info.id };
  }

  test('a point only touches its own transports, producers and consumers', async () => {
    const { transportId, micId } = await publish(HUE);
    const caps = room.getRouterRtpCapabilities();
    expect(await room.connectTransport(CANTHO, transportId, { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: 'AA:'.repeat(31) + 'AA' }] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await room.produce(CANTHO, transportId, { kind: 'audio', rtpParameters: { codecs: [] }, appData: { source: 'mic' } })).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(await room.resumeProducer(CANTHO, micId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(room.closeProducer(CANTHO, micId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await room.consume(CANTHO, transportId, micId, caps)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const { consumer } = await listen(CANTHO, micId);
    expect(await room.resumeConsumer(HUE, consumer.id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await room.resumeConsumer(HUE, 'nope')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await room.consume(HUE, transportId, micId, caps)).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(await room.connectTransport(HUE, transportId, { fingerprints: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID' } });
  });

  test('a camera reaches another point once it resumes its consumer; newProducer is announced', async () => {
    await room.applyFloor({ mode: 'open', chairPointId: CHAIR, floorPointId: null });
    const { cameraId } = await publish(HUE, true);
    expect(events.filter((e) => e.type === 'newProducer').map((e) => e.type === 'newProducer' && e.producer.source)).toEqual(['mic', 'main']);
    const { consumer, receiver } = await listen(CANTHO, cameraId!);
    expect(consumer).toMatchObject({ producerId: cameraId, kind: 'video', pointId: HUE, source: 'main' });
    await waitFor(() => receiver.counters.frames >= 15, 5_000, 'video frames');
    expect(room.listProducers().map((p) => p.source).sort()).toEqual(['main', 'mic']);
  });

  test('request mode: a microphone without the floor is held on the server, and its own resume cannot lift the hold', async () => {
    await room.applyFloor({ mode: 'request', chairPointId: CHAIR, floorPointId: null });
    const hue = await publish(HUE);
    expect(room.listProducers()).toEqual([expect.objectContaining({ producerId: hue.micId, paused: true, heldByServer: true })]);
    const { receiver } = await listen(CANTHO, hue.micId);
    expect(await room.resumeProducer(HUE, hue.micId)).toMatchObject({ ok: true, value: { paused: true, heldByServer: true } });
    await sleep(500);
    expect(receiver.counters.packets).toBe(0);
    await room.applyFloor({ mode: 'request', chairPointId: CHAIR, floorPointId: HUE });
    expect(events).toContainEqual({ type: 'producerResumed', producer: expect.objectContaining({ producerId: hue.micId, paused: false }) });
    await waitFor(() => receiver.counters.packets >= 20, 3_000, 'audio after the floor is granted');
    await room.applyFloor({ mode: 'request', chairPointId: CHAIR, floorPointId: null });
    await sleep(100);
    const afterRelease = receiver.counters.packets;
    await sleep(400);
    expect(receiver.counters.packets).toBe(afterRelease);
    expect(events.at(-1)).toMatchObject({ type: 'producerPaused', producer: { producerId: hue.micId, heldByServer: true } });
  });

  test('discussion modes: open hears everyone, chair-only only the chair; a muted owner stays muted', async () => {
    await room.applyFloor({ mode: 'chair-only', chairPointId: CHAIR, floorPointId: HUE });
    const chair = await publish(CHAIR);
    const hue = await publish(HUE);
    const paused = () => Object.fromEntries(room.listProducers().map((p) => [p.pointId, p.paused]));
    expect(paused()).toEqual({ [CHAIR]: false, [HUE]: true });
    ok(await room.pauseProducer(CHAIR, chair.micId));
    await room.applyFloor({ mode: 'open', chairPointId: CHAIR, floorPointId: null });
    expect(paused()).toEqual({ [CHAIR]: true, [HUE]: false });
    ok(await room.resumeProducer(CHAIR, chair.micId));
    expect(paused()).toEqual({ [CHAIR]: false, [HUE]: false });
    expect(hue.micId).toBeDefined();
  });

  test('before any floor is known every microphone is held (fail closed)', async () => {
    const hue = await publish(HUE);
    expect(room.listProducers()).toEqual([expect.objectContaining({ producerId: hue.micId, heldByServer: true })]);
  });

  test('closePoint closes the point’s transports and producers and the consumers others had of them', async () => {
    await room.applyFloor({ mode: 'open', chairPointId: CHAIR, floorPointId: null });
    const hue = await publish(HUE);
    const { consumer } = await listen(CANTHO, hue.micId);
    events = [];
    room.closePoint(HUE);
    expect(events).toEqual(
      expect.arrayContaining([
        { type: 'producerClosed', producerId: hue.micId, pointId: HUE },
        { type: 'consumerClosed', consumerId: consumer.id, producerId: hue.micId, ownerId: CANTHO },
        { type: 'transportClosed', transportId: hue.transportId, ownerId: HUE },
      ]),
    );
    expect(room.listProducers()).toEqual([]);
    expect(await room.createTransport(HUE, 'send')).toMatchObject({ ok: true });
  });

  test('closeConsumer stops one consumer of its owner; closeTransport takes the transport’s producers with it', async () => {
    await room.applyFloor({ mode: 'open', chairPointId: CHAIR, floorPointId: null });
    const hue = await publish(HUE, true);
    const { consumer } = await listen(CANTHO, hue.micId);
    expect(room.closeConsumer(HUE, consumer.id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    events = [];
    expect(room.closeConsumer(CANTHO, consumer.id)).toEqual({ ok: true, value: {} });
    expect(events).toEqual([{ type: 'consumerClosed', consumerId: consumer.id, producerId: hue.micId, ownerId: CANTHO }]);
    expect(room.closeTransport(CANTHO, hue.transportId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(room.closeTransport(HUE, hue.transportId)).toEqual({ ok: true, value: {} });
    expect(room.listProducers()).toEqual([]);
  });
});
