import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import type { MediaNotice } from '@diem-cau/shared';
import { sleep } from '../media/testing/harness';
import { MediaHub, type MediaHubJoinCode } from '../media/testing/mediaHub';
import { MediaTestClient } from '../media/testing/mediaTestClient';
import type { QuotaSettings } from './quotas/quotaSettings';

const TN = 'thai-nguyen';
const RECV = { action: 'createTransport', direction: 'recv' } as const;
const SEND = { action: 'createTransport', direction: 'send' } as const;
const OPUS = { codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48_000, channels: 2 }] };
const VP8 = { codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90_000 }] };
const quotaRefusal = (reason: string, limit: number) => ({ ok: false, error: { code: 'RATE_LIMITED', reason, params: { limit } } });
const closedTransport = (transportId: string) => (n: MediaNotice) => n.type === 'transportClosed' && n.data.transportId === transportId;

/** Each test its own hub (quotas differ) and its own UDP range, so a port still closing never collides. */
let nextPorts = 45_000;

describe('media quotas over the socket (real hub, werift SFU, Socket.IO clients)', () => {
  let hub: MediaHub | undefined;
  let codes: MediaHubJoinCode[];
  let conferenceId: string;
  const clients: MediaTestClient[] = [];

  async function start(quotas: Partial<QuotaSettings>, portCount = 20): Promise<void> {
    hub = await MediaHub.start({ ports: { min: nextPorts, max: nextPorts + portCount - 1 }, quotas });
    nextPorts += 20;
    ({ conferenceId, joinCodes: codes } = await hub.createConference(FIXTURE_SETUP));
  }
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close();
    await hub?.close();
    hub = undefined;
  });

  /** A new session from the role's code (another device), with `count` sockets of it. */
  async function sessionSockets(role: string, count: number, pointId?: string): Promise<MediaTestClient[]> {
    const entry = codes.find((c) => c.role === role && (pointId === undefined || c.pointId === pointId));
    if (!hub || !entry) throw new Error(`no code for ${role}`);
    const { token } = await hub.session(entry.code);
    const sockets: MediaTestClient[] = [];
    for (let i = 0; i < count; i += 1) sockets.push(await MediaTestClient.connect(hub.url, token, conferenceId));
    clients.push(...sockets);
    return sockets;
  }
  const join = async (role: string, pointId?: string) => (await sessionSockets(role, 1, pointId))[0]!;

  test('Q7: a session’s transports are counted across its sockets: the one past the limit is refused MEDIA_TRANSPORTS_QUOTA, another session is not, a socket leaving frees its places', async () => {
    await start({ transportsPerSession: 4 });
    const [a, b, c] = await sessionSockets('display', 3);
    for (const socket of [a!, a!, b!, b!]) expect(await socket.request(RECV)).toMatchObject({ ok: true });
    const refused = await c!.request(RECV);
    expect(refused).toMatchObject(quotaRefusal('MEDIA_TRANSPORTS_QUOTA', 4));
    expect(refused.ok ? null : refused.error.details).toBeUndefined();
    expect(await (await join('display')).request(RECV)).toMatchObject({ ok: true });
    await a!.close();
    await waitForOk(() => c!.request(RECV));
    expect(await c!.request(RECV)).toMatchObject({ ok: true });
    expect(await c!.request(RECV)).toMatchObject(quotaRefusal('MEDIA_TRANSPORTS_QUOTA', 4));
  });

  test('Q8: a conference’s transports are counted across its sessions: the one past the limit is refused, whoever asks', async () => {
    await start({ transportsPerConference: 3 });
    const [display, secretary, point, chair] = [await join('display'), await join('secretary'), await join('point', TN), await join('chair')];
    for (const socket of [display, secretary, point]) expect(await socket.request(RECV)).toMatchObject({ ok: true });
    expect(await chair.request(SEND)).toMatchObject(quotaRefusal('MEDIA_TRANSPORTS_QUOTA', 3));
    await display.close();
    await waitForOk(() => chair.request(SEND));
  });

  test('Q16: the sessions of one join code share its transports (a display code opened in many tabs cannot take the conference’s ports); the chair still gets its own', async () => {
    await start({ transportsPerCode: 3 });
    const screens = [await join('display'), await join('display'), await join('display'), await join('display')];
    for (const screen of screens.slice(0, 3)) expect(await screen.request(RECV)).toMatchObject({ ok: true });
    expect(await screens[3]!.request(RECV)).toMatchObject(quotaRefusal('MEDIA_TRANSPORTS_QUOTA', 3));
    const chair = await join('chair');
    expect(await chair.request(SEND)).toMatchObject({ ok: true });
    expect(await chair.request(RECV)).toMatchObject({ ok: true });
    await screens[0]!.close();
    await waitForOk(() => screens[3]!.request(RECV));
  });

  test('Q9: a session’s consumers are counted across its sockets, a conference’s across its sessions; closing one frees its place', async () => {
    await start({ consumersPerSession: 2, consumersPerConference: 3 });
    const [chair, tn] = [await join('chair'), await join('point', TN)];
    const { micId, cameraId } = await tn.publish(true);
    const { micId: chairMic } = await chair.publish();
    const [a, b] = await sessionSockets('display', 2);
    const consume = async (socket: MediaTestClient, transportId: string, producerId: string) =>
      socket.request({ action: 'consume', transportId, producerId, rtpCapabilities: (await socket.welcome()).routerRtpCapabilities });
    const [ta, tb] = [await a!.must<{ id: string }>(RECV), await b!.must<{ id: string }>(RECV)];
    const first = await consume(a!, ta.id, micId);
    expect(first).toMatchObject({ ok: true });
    expect(await consume(b!, tb.id, cameraId!)).toMatchObject({ ok: true });
    expect(await consume(a!, ta.id, chairMic)).toMatchObject(quotaRefusal('MEDIA_CONSUMERS_QUOTA', 2));
    const secretary = await join('secretary');
    const ts = await secretary.must<{ id: string }>(RECV);
    expect(await consume(secretary, ts.id, chairMic)).toMatchObject({ ok: true });
    expect(await consume(secretary, ts.id, micId)).toMatchObject(quotaRefusal('MEDIA_CONSUMERS_QUOTA', 3));
    await a!.must({ action: 'closeConsumer', consumerId: (first as { data: { id: string } }).data.id });
    expect(await consume(b!, tb.id, chairMic)).toMatchObject({ ok: true });
  });

  test('Q10: a transport not connected within transportConnectMs is closed, its owner told, its port and its place freed; a connected one stays', async () => {
    // Three UDP ports in all: the connected transport holds one, the two left unconnected the others.
    await start({ transportConnectMs: 1_500, transportsPerSession: 2 }, 3);
    const [tn, display] = [await join('point', TN), await join('display')];
    const { info: connected } = await tn.transport('recv');
    const idle = [await display.must<{ id: string }>(RECV), await display.must<{ id: string }>(RECV)];
    expect(await display.request(RECV)).toMatchObject(quotaRefusal('MEDIA_TRANSPORTS_QUOTA', 2));
    expect(await tn.request(RECV)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    for (const t of idle) await display.waitForNotice(closedTransport(t.id), 'the idle transport closed', 5_000);
    await waitForOk(() => display.request(RECV));
    expect(await tn.request(RECV)).toMatchObject({ ok: true });
    // Created before the idle ones, so past its own deadline by now: connected, it stays.
    await sleep(300);
    expect(tn.notices.some(closedTransport(connected.id))).toBe(false);
  });

  test('Q12: a second socket of a point — another session with the point’s code, or a second tab — can neither touch the first’s media nor lock it out; the point’s sources stay with the first until it leaves', async () => {
    await start({});
    const [[real, tab], display] = [await sessionSockets('point', 2, TN), await join('display')];
    const { micId, transportId } = await real!.publish();
    const other = await join('point', TN);
    for (const intruder of [other, tab!]) {
      expect(await intruder.request({ action: 'closeProducer', producerId: micId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await intruder.request({ action: 'pauseProducer', producerId: micId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await intruder.request({ action: 'produce', transportId, kind: 'video', rtpParameters: VP8, appData: { source: 'thumb' } }))
        .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // The other session fills its own quota: the real console's transports are counted apart.
    for (let i = 0; i < 3; i += 1) expect(await other.request(RECV)).toMatchObject({ ok: true });
    const ownSend = await other.must<{ id: string }>(SEND);
    expect(await other.request(RECV)).toMatchObject(quotaRefusal('MEDIA_TRANSPORTS_QUOTA', 4));
    expect(await other.request({ action: 'produce', transportId: ownSend.id, kind: 'audio', rtpParameters: OPUS, appData: { source: 'mic' } }))
      .toMatchObject({ ok: false, error: { code: 'INVALID', message: expect.stringContaining('already produces mic') } });
    expect(await real!.request(RECV)).toMatchObject({ ok: true });
    expect(await display.producers()).toEqual([expect.objectContaining({ producerId: micId, pointId: TN, paused: true })]);
    expect(real!.notices.some((n) => n.type === 'transportClosed' || n.type === 'producerClosed')).toBe(false);
    // The first socket leaves: its sources go with it, and the next console of the point may publish.
    await real!.close();
    await display.waitForNotice((n) => n.type === 'producerClosed' && n.data.producerId === micId, 'the leaving socket’s mic closed');
    const { micId: taken } = await tab!.publish();
    expect(await display.producers()).toEqual([expect.objectContaining({ producerId: taken, pointId: TN })]);
  });

  test('M6: a session’s sockets share one media request budget', async () => {
    await start({});
    const [a, b] = await sessionSockets('display', 2);
    const answers = await Promise.all([a!, b!].flatMap((s) => Array.from({ length: 130 }, () => s.request({ action: 'listProducers' }))));
    // Per socket, 130 each would all pass (burst 200); the session's one bucket refuses what is past 200.
    expect(answers.filter((x) => !x.ok && x.error.code === 'RATE_LIMITED').length).toBeGreaterThan(20);
  });
});

/** Asks until the answer is ok (a closed socket's places are freed when the hub hears of it). */
async function waitForOk(ask: () => Promise<{ ok: boolean }>, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await ask()).ok) return;
    if (Date.now() > deadline) throw new Error('still refused');
    await sleep(100);
  }
}
