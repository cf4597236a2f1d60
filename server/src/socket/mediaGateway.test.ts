import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import type { MediaNotice } from '@diem-cau/shared';
import { sleep, waitFor } from '../media/testing/harness';
import { MEDIA_HUB_ADMIN_TOKEN, MediaHub, type MediaHubJoinCode } from '../media/testing/mediaHub';
import { MediaTestClient } from '../media/testing/mediaTestClient';
import type { Session } from '../store/accessStore';
import { mediaIdentityOf } from './mediaGateway';

const TN = 'thai-nguyen';
const HG = 'ha-giang';
const delegate = { name: 'Dương Xuân Hùng', position: '' };

describe('media over the socket (real hub, werift SFU, Socket.IO clients, Node WebRTC peers)', () => {
  let hub: MediaHub;
  let codes: MediaHubJoinCode[];
  let conferenceId: string;
  const clients: MediaTestClient[] = [];

  beforeAll(async () => {
    hub = await MediaHub.start({ ports: { min: 43_200, max: 43_299 }, iceServers: [{ urls: 'stun:stun.example.org:3478' }] });
  });
  afterAll(() => hub.close());
  beforeEach(async () => {
    ({ conferenceId, joinCodes: codes } = await hub.createConference(FIXTURE_SETUP));
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close();
  });

  async function join(role: string, pointId?: string): Promise<MediaTestClient> {
    const entry = codes.find((c) => c.role === role && (pointId === undefined || c.pointId === pointId));
    if (!entry) throw new Error(`no code for ${role} ${pointId ?? ''}`);
    const session = await hub.session(entry.code);
    const client = await MediaTestClient.connect(hub.url, session.token, conferenceId);
    clients.push(client);
    return client;
  }

  async function grant(chair: MediaTestClient, point: MediaTestClient, pointId: string): Promise<string> {
    const requestId = crypto.randomUUID();
    expect(await point.command({ type: 'floor.request', commandId: requestId, pointId, delegate, articles: [], topic: '' })).toMatchObject({ ok: true });
    expect(await chair.command({ type: 'floor.grant', requestId })).toMatchObject({ ok: true });
    return requestId;
  }

  const isMicNotice = (type: MediaNotice['type'], producerId: string) => (n: MediaNotice) => n.type === type && 'producerId' in n.data && n.data.producerId === producerId;

  test('M2: the welcome tells each session what it may do; a display and a secretary may only receive', async () => {
    const [point, chair, display, secretary] = [await join('point', TN), await join('chair'), await join('display'), await join('secretary')];
    expect(await point.welcome()).toMatchObject({ pointId: TN, canProduce: true, iceServers: [{ urls: 'stun:stun.example.org:3478' }] });
    expect((await point.welcome()).routerRtpCapabilities.codecs?.map((c) => c.mimeType)).toEqual(expect.arrayContaining(['audio/opus', 'video/VP8']));
    expect(await chair.welcome()).toMatchObject({ pointId: 'tw', canProduce: true });
    for (const watcher of [display, secretary]) {
      expect(await watcher.welcome()).toMatchObject({ pointId: null, canProduce: false });
      expect(await watcher.request({ action: 'createTransport', direction: 'send' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await watcher.request({ action: 'pauseProducer', producerId: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await watcher.request({ action: 'createTransport', direction: 'recv' })).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    }
  });

  test('M2: the organiser has no media; the point id comes from the session only', () => {
    const base: Session = { conferenceId: 'c', role: 'organiser', label: 'BTC', sessionId: 's', expiresAt: 0 };
    expect(mediaIdentityOf(base)).toBeNull();
    expect(mediaIdentityOf({ ...base, role: 'point', pointId: TN })).toEqual({ pointId: TN, canProduce: true, sessionId: 's' });
    expect(mediaIdentityOf({ ...base, role: 'display' })).toEqual({ pointId: null, canProduce: false, sessionId: 's' });
  });

  test('M2: a point produces as itself and cannot touch another point’s transports or producers', async () => {
    const [tn, hg] = [await join('point', TN), await join('point', HG)];
    const { micId, transportId } = await tn.publish();
    // What a client claims about itself is ignored: the producer belongs to the session's point.
    expect(await tn.producers()).toEqual([expect.objectContaining({ producerId: micId, pointId: TN, source: 'mic' })]);
    expect(await hg.request({ action: 'resumeProducer', producerId: micId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await hg.request({ action: 'closeProducer', producerId: micId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await hg.request({ action: 'produce', transportId, kind: 'audio', rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48_000, channels: 2 }] }, appData: { source: 'mic' } }))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('M3: every media socket of the conference hears of new, paused, resumed and closed producers', async () => {
    const [tn, display] = [await join('point', TN), await join('display')];
    await display.welcome();
    const { cameraId } = await tn.publish(true);
    await display.waitForNotice((n) => n.type === 'newProducer' && n.data.producerId === cameraId && n.data.pointId === TN && n.data.source === 'main', 'newProducer');
    await tn.must({ action: 'pauseProducer', producerId: cameraId });
    await display.waitForNotice((n) => n.type === 'producerPaused' && n.data.producerId === cameraId && !n.data.heldByServer, 'camera off');
    await tn.must({ action: 'resumeProducer', producerId: cameraId });
    await display.waitForNotice(isMicNotice('producerResumed', cameraId!), 'camera on');
    await tn.must({ action: 'closeProducer', producerId: cameraId });
    await display.waitForNotice((n) => n.type === 'producerClosed' && n.data.producerId === cameraId && n.data.pointId === TN, 'producerClosed');
  });

  test('M4: request mode — granting the floor releases the holder’s microphone, ending it holds it again', async () => {
    const [chair, tn, display] = [await join('chair'), await join('point', TN), await join('display')];
    expect(await chair.command({ type: 'conference.start' })).toMatchObject({ ok: true });
    const { micId } = await tn.publish();
    expect(await tn.producers()).toEqual([expect.objectContaining({ producerId: micId, paused: true, heldByServer: true })]);
    const { receiver } = await display.listen(micId);
    await grant(chair, tn, TN);
    await display.waitForNotice(isMicNotice('producerResumed', micId), 'mic released by the grant');
    await waitFor(() => receiver.counters.packets >= 20, 3_000, 'the floor holder is heard');
    const speechId = await currentSpeechId(chair);
    expect(await chair.command({ type: 'floor.release', speechId })).toMatchObject({ ok: true });
    await display.waitForNotice((n) => n.type === 'producerPaused' && n.data.producerId === micId && n.data.heldByServer, 'mic held after the speech');
    await sleep(150);
    const after = receiver.counters.packets;
    await sleep(500);
    expect(receiver.counters.packets).toBe(after);
  });

  test('M1: a media room opened while someone already speaks starts from the current floor', async () => {
    const [chair, tn, hg] = [await join('chair'), await join('point', TN), await join('point', HG)];
    expect(await chair.command({ type: 'conference.start' })).toMatchObject({ ok: true });
    await grant(chair, tn, TN);
    const { micId } = await tn.publish();
    const { micId: otherMic } = await hg.publish();
    const byId = Object.fromEntries((await tn.producers()).map((p) => [p.producerId, p.heldByServer]));
    expect(byId).toEqual({ [micId]: false, [otherMic]: true });
  });

  test('M4: a held microphone stays silent even when its own point resumes it (a modified client cannot unmute)', async () => {
    const [chair, tn, hg] = [await join('chair'), await join('point', TN), await join('point', HG)];
    expect(await chair.command({ type: 'conference.start' })).toMatchObject({ ok: true });
    await grant(chair, tn, TN);
    const { micId } = await hg.publish();
    const { receiver } = await tn.listen(micId);
    expect(await hg.request({ action: 'resumeProducer', producerId: micId })).toMatchObject({ ok: true, data: { paused: true, heldByServer: true } });
    await sleep(700);
    expect(receiver.counters.packets).toBe(0);
  });

  test('M4: the chair’s mode switch reaches the microphones: open hears everyone, chair-only nobody but the chair', async () => {
    const [chair, tn] = [await join('chair'), await join('point', TN)];
    const { micId: chairMic } = await chair.publish();
    const { micId: tnMic } = await tn.publish();
    const paused = async () => Object.fromEntries((await chair.producers()).map((p) => [p.pointId, p.paused]));
    expect(await paused()).toEqual({ tw: false, [TN]: true });
    expect(await chair.command({ type: 'discussion.setMode', mode: 'open' })).toMatchObject({ ok: true });
    await tn.waitForNotice(isMicNotice('producerResumed', tnMic), 'open mode releases every microphone');
    expect(await chair.command({ type: 'discussion.setMode', mode: 'chair-only' })).toMatchObject({ ok: true });
    await chair.waitForNotice(isMicNotice('producerPaused', tnMic), 'chair-only holds the point again');
    expect(await paused()).toEqual({ tw: false, [TN]: true });
    expect(chairMic).toBeDefined();
    // Only the chair changes the mode (K4): a point's attempt is refused by the domain.
    expect(await tn.command({ type: 'discussion.setMode', mode: 'open' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('M5: a point’s last socket leaving closes its media; the others are told, a consumer’s owner gets consumerClosed', async () => {
    const [chair, tn, display] = [await join('chair'), await join('point', TN), await join('display')];
    expect(await chair.command({ type: 'discussion.setMode', mode: 'open' })).toMatchObject({ ok: true });
    const { micId } = await tn.publish();
    const { consumerId } = await display.listen(micId);
    const tnAgain = await join('point', TN);
    await tnAgain.welcome();
    await tnAgain.close();
    await sleep(200);
    // Another socket of the same point is not the last one: nothing of Thái Nguyên closes.
    expect((await chair.producers()).map((p) => p.producerId)).toEqual([micId]);
    await tn.close();
    await display.waitForNotice((n) => n.type === 'producerClosed' && n.data.producerId === micId, 'producerClosed');
    await display.waitForNotice((n) => n.type === 'consumerClosed' && n.data.consumerId === consumerId, 'consumerClosed to the consumer’s owner');
    expect(chair.notices.some((n) => n.type === 'consumerClosed')).toBe(false);
    expect(await chair.producers()).toEqual([]);
  });

  test('M6: bad media requests get typed errors and change nothing', async () => {
    const tn = await join('point', TN);
    for (const bad of [null, 'capabilities', { action: 'explode' }, { action: 'createTransport', direction: 'sideways' }, { action: 'consume', transportId: 'x' }, { action: 'produce', transportId: 'x'.repeat(500), kind: 'audio' }]) {
      expect(await tn.request(bad)).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    }
    expect(await tn.request({ action: 'resumeConsumer', consumerId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await tn.producers()).toEqual([]);
  });

  test('M6: a flood of media requests is RATE_LIMITED, the hub stays up', async () => {
    const tn = await join('point', TN);
    const answers = await Promise.all(Array.from({ length: 260 }, () => tn.request({ action: 'listProducers' })));
    expect(answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED').length).toBeGreaterThan(20);
    await sleep(1_000);
    expect(await tn.request({ action: 'listProducers' })).toMatchObject({ ok: true });
  });

  async function currentSpeechId(chair: MediaTestClient): Promise<string> {
    const res = await fetch(`${hub.url}/api/conferences/${chair.conferenceId}/state`, { headers: { authorization: `Bearer ${MEDIA_HUB_ADMIN_TOKEN}` } });
    const { state } = (await res.json()) as { state: { currentSpeechId?: string } };
    if (!state.currentSpeechId) throw new Error('nobody speaks');
    return state.currentSpeechId;
  }
});
