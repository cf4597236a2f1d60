import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { waitFor } from '../media/testing/harness';
import { MediaHub, type MediaHubJoinCode } from '../media/testing/mediaHub';
import { MediaTestClient } from '../media/testing/mediaTestClient';

const TN = 'thai-nguyen';

/** One series' value from the exposition text (0 when absent). */
function valueOf(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

/** OP3, the SFU's part: a point speaks, a display listens; the scrape follows what flows and whether the speaker is heard. */
describe('SFU metrics over a real hub (werift, Node WebRTC peers)', () => {
  let hub: MediaHub;
  let codes: MediaHubJoinCode[];
  let conferenceId: string;
  const clients: MediaTestClient[] = [];

  beforeAll(async () => {
    hub = await MediaHub.start({ ports: { min: 43_800, max: 43_849 } });
    ({ conferenceId, joinCodes: codes } = await hub.createConference(FIXTURE_SETUP));
  });
  afterAll(async () => {
    for (const c of clients) await c.close();
    await hub.close();
  });

  const join = async (role: string, pointId?: string) => {
    const entry = codes.find((c) => c.role === role && (pointId === undefined || c.pointId === pointId));
    const session = await hub.session(entry?.code ?? '');
    const client = await MediaTestClient.connect(hub.url, session.token, conferenceId);
    clients.push(client);
    return client;
  };
  const scrape = () => hub.hub.metrics.scrape();

  it('OP3: streams held, packets and bytes in and out, key-frame requests, and the floor holder heard (1) or not (0)', async () => {
    const [chair, tn, display] = [await join('chair'), await join('point', TN), await join('display')];
    expect(await chair.command({ type: 'conference.start' })).toMatchObject({ ok: true });
    const requestId = crypto.randomUUID();
    expect(await tn.command({ type: 'floor.request', commandId: requestId, pointId: TN, delegate: { name: 'Dương Xuân Hùng', position: '' }, articles: [] })).toMatchObject({ ok: true });
    expect(await chair.command({ type: 'floor.grant', requestId })).toMatchObject({ ok: true });
    const { micId, cameraId } = await tn.publish(true);
    const { receiver } = await display.listen(cameraId ?? '');
    await display.listen(micId);
    await waitFor(() => receiver.counters.frames >= 20, 5_000, '20 video frames at the display');

    const first = await scrape();
    expect(valueOf(first, 'diemcau_sfu_streams', { side: 'in', kind: 'audio' })).toBe(1);
    expect(valueOf(first, 'diemcau_sfu_streams', { side: 'out', kind: 'video' })).toBe(1);
    expect(valueOf(first, 'diemcau_sfu_transports', {})).toBeGreaterThanOrEqual(3);
    const videoOut = valueOf(first, 'diemcau_sfu_packets_total', { side: 'out', kind: 'video' });
    expect(videoOut).toBeGreaterThanOrEqual(receiver.counters.unique - 5);
    expect(valueOf(first, 'diemcau_sfu_packets_total', { side: 'in', kind: 'audio' })).toBeGreaterThan(0);
    expect(valueOf(first, 'diemcau_sfu_bytes_total', { side: 'out', kind: 'video' })).toBeGreaterThan(videoOut * 100);
    expect(valueOf(first, 'diemcau_sfu_key_frame_requests_total', { side: 'in' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(first, 'diemcau_floor_media_live', { conference: conferenceId, point: TN })).toBe(1);

    // The speaker mutes: still holding the floor, no longer heard. Counters only grow.
    await tn.must({ action: 'pauseProducer', producerId: micId });
    const frames = receiver.counters.frames;
    await waitFor(() => receiver.counters.frames >= frames + 10, 5_000, '10 more frames');
    const second = await scrape();
    expect(valueOf(second, 'diemcau_floor_media_live', { conference: conferenceId, point: TN })).toBe(0);
    expect(valueOf(second, 'diemcau_sfu_packets_total', { side: 'out', kind: 'video' })).toBeGreaterThan(videoOut);
  });
});
