import type { MediaFloor, MediaRequest } from '@diem-cau/shared';
import type { Device } from 'mediasoup-client';
import type { MediaAnswer, MediaChannel, MediaChannelHandlers } from './mediaChannel';
import { MediaSession, type MediaSnapshot } from './mediaSession';

const WELCOME = { routerRtpCapabilities: { codecs: [] }, iceServers: [], pointId: null, canProduce: false };
const PRODUCER = { producerId: 'p-hue', pointId: 'hue', kind: 'video', source: 'main', paused: false, heldByServer: false };
const QUOTA = { code: 'RATE_LIMITED' as const, message: 'Đã mở tối đa 4 kết nối truyền hình', reason: 'MEDIA_TRANSPORTS_QUOTA' as const, params: { limit: 4 } };

/** The hub's side of the `media` event: welcomes, lists one producer, and refuses the recv transport for a quota. */
function refusingChannel(): MediaChannel & { asked: MediaRequest[] } {
  const asked: MediaRequest[] = [];
  let handlers: MediaChannelHandlers | undefined;
  return {
    asked, connected: true, close: () => undefined,
    open: (h) => {
      handlers = h;
      setTimeout(() => handlers?.connect(), 0);
    },
    request: async (body): Promise<MediaAnswer> => {
      asked.push(body);
      if (body.action === 'capabilities') return { ok: true, data: WELCOME };
      if (body.action === 'listProducers') return { ok: true, data: [PRODUCER] };
      if (body.action === 'createTransport') return { ok: false, error: QUOTA };
      return { ok: true, data: {} };
    },
  };
}

const fakeDevice = () => ({ load: async () => undefined, rtpCapabilities: { codecs: [] } }) as unknown as Device;

const until = async (session: MediaSession, check: (s: MediaSnapshot) => boolean) => {
  for (let i = 0; i < 200 && !check(session.getSnapshot()); i += 1) await new Promise((r) => setTimeout(r, 5));
  return session.getSnapshot();
};

describe('MediaSession says why the hub refused its media', () => {
  test('a recv transport refused for a quota leaves the refusal, with its reason and limit, in the snapshot the view shows', async () => {
    const channel = refusingChannel();
    const session = new MediaSession({ channel, role: 'display', loadDevice: async () => fakeDevice() });
    session.open();
    session.setFloor({ mode: 'open', chairPointId: 'tw', floorPointId: 'hue' } as MediaFloor);
    const snap = await until(session, (s) => s.refusal !== null);
    expect(snap.refusal).toEqual(QUOTA);
    expect(channel.asked.some((a) => a.action === 'createTransport')).toBe(true);
    session.close();
  });
});
