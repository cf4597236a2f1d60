import type { MediaRequest } from '@diem-cau/shared';
import type { types } from 'mediasoup-client';
import type { MediaAnswer, MediaChannel } from './mediaChannel';
import { RemoteMedia } from './remoteMedia';
import type { Asked } from './signalling';

const VP8 = { codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90_000 }] };

/** A recv transport as mediasoup-client hands it out, reduced to what RemoteMedia uses. */
function fakeTransport(id: string) {
  const t = { id, closed: false, close: jest.fn(() => void (t.closed = true)), consume: jest.fn(async () => ({ track: {}, close: jest.fn() })) };
  return t;
}

/** The hub's side of the `media` event: consumes answer with a consumer of the asked producer. */
function fakeChannel(): MediaChannel & { asked: MediaRequest[] } {
  const asked: MediaRequest[] = [];
  return {
    asked, connected: true, open: () => undefined, close: () => undefined,
    request: async (body: MediaRequest): Promise<MediaAnswer> => {
      asked.push(body);
      if (body.action !== 'consume') return { ok: true, data: {} };
      return { ok: true, data: { id: `c-${body.producerId}`, producerId: body.producerId, kind: 'video', rtpParameters: VP8, pointId: 'hue', source: 'main', producerPaused: false } };
    },
  };
}

function remoteWith(open: () => Promise<Asked<types.Transport>>, channel = fakeChannel()) {
  const failed = jest.fn();
  const remote = new RemoteMedia(open, failed, channel, { codecs: [] } as types.RtpCapabilities, () => undefined, true);
  return { remote, failed, channel };
}

const opened = (t: ReturnType<typeof fakeTransport>): Asked<types.Transport> => ({ ok: true, value: t as unknown as types.Transport });

describe('RemoteMedia opens its recv transport with the first stream (Q10)', () => {
  test('Q10: nothing is opened while there is nothing to receive; receives at once share one transport', async () => {
    const transport = fakeTransport('t1');
    const open = jest.fn(async () => opened(transport));
    const { remote, channel } = remoteWith(open);
    expect(open).not.toHaveBeenCalled();
    expect(remote.transportId).toBeUndefined();
    expect(await Promise.all([remote.receive('p1', () => false), remote.receive('p2', () => false)])).toEqual([true, true]);
    expect(open).toHaveBeenCalledTimes(1);
    expect(remote.transportId).toBe('t1');
    expect(channel.asked.filter((a) => a.action === 'consume').map((a) => a.action === 'consume' && a.transportId)).toEqual(['t1', 't1']);
  });

  test('Q10: a refused open is reported and asked again by the next receive; one that lands after close is closed at once', async () => {
    const open = jest.fn<Promise<Asked<types.Transport>>, []>(async () => ({ ok: false, error: { code: 'RATE_LIMITED', message: 'quota' } }));
    const { remote, failed } = remoteWith(open);
    expect(await remote.receive('p1', () => false)).toBe(false);
    expect(failed).toHaveBeenCalledWith({ code: 'RATE_LIMITED', message: 'quota' }, 'transport');
    const late = fakeTransport('t2');
    let land: (t: Asked<types.Transport>) => void = () => undefined;
    open.mockImplementationOnce(() => new Promise((resolve) => (land = resolve)));
    const pending = remote.receive('p1', () => false);
    remote.close();
    land(opened(late));
    expect(await pending).toBe(false);
    expect(open).toHaveBeenCalledTimes(2);
    expect(late.close).toHaveBeenCalled();
    expect(failed).toHaveBeenCalledTimes(1);
  });
});

describe('RemoteMedia tells why the hub refused a stream', () => {
  test('a consume refused for a quota is reported with its reason; the transport stays and the next receive goes on', async () => {
    const transport = fakeTransport('t1');
    const channel = fakeChannel();
    const quota = { code: 'RATE_LIMITED' as const, message: 'Đã nhận tối đa 2 luồng truyền hình', reason: 'MEDIA_CONSUMERS_QUOTA' as const, params: { limit: 2 } };
    const answer = channel.request;
    channel.request = async (body) => (body.action === 'consume' && body.producerId === 'p3' ? { ok: false, error: quota } : answer(body));
    const { remote, failed } = remoteWith(async () => opened(transport), channel);
    expect(await remote.receive('p3', () => false)).toBe(false);
    expect(failed).toHaveBeenCalledWith(quota, 'consume');
    expect(await remote.receive('p1', () => false)).toBe(true);
    expect(remote.transportId).toBe('t1');
  });
});
