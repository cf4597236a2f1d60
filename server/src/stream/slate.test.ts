import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { waitFor } from '../media/testing/harness';
import { MediaHub } from '../media/testing/mediaHub';
import { MediaTestClient } from '../media/testing/mediaTestClient';
import { TEST_BACKENDS } from '../media/testing/testBackends';
import { findFfmpeg } from './ffmpegProcess';
import { eventually, isSlate, liveEdge } from './testing/liveEdge';

jest.setTimeout(60_000);

/** This suite's UDP ports: the SFU's and FFmpeg's RTP inputs, per backend (clear of the other suites'). */
const SFU_PORTS = { werift: { min: 48_520, max: 48_559 }, mediasoup: { min: 48_560, max: 48_599 } } as const;
const RTP_PORTS = { werift: { min: 48_504, max: 48_507 }, mediasoup: { min: 48_508, max: 48_511 } } as const;

/**
 * A camera FFmpeg's VP8 input cannot take, on stage on the real hub and SFU (LS10): the chair's point publishes an
 * H.264-only camera; the stream shows the slate rather than stalling, in the same FFmpeg run.
 */
describe.each(TEST_BACKENDS)('an H.264 camera on stage (%s SFU, real FFmpeg)', (backendName) => {
  let hub: MediaHub;
  const clients: MediaTestClient[] = [];
  afterAll(async () => {
    for (const c of clients) await c.close();
    await hub?.close();
  });

  it('LS10: an H.264-only camera on stage is not forwarded to FFmpeg: the stream shows the slate and goes on in one run', async () => {
    const ffmpegPath = findFfmpeg();
    if (!ffmpegPath) throw new Error('ffmpeg is missing: node -e "import(\'./scripts/systemDeps.mjs\').then(m=>m.ensureSystemDeps())"');
    hub = await MediaHub.start({
      ports: SFU_PORTS[backendName], backend: backendName,
      stream: { ffmpegPath, rtpPortMin: RTP_PORTS[backendName].min, rtpPortMax: RTP_PORTS[backendName].max, height: 240, videoKbps: 300, minFreeMb: 16, retentionDays: 0 },
    });
    const { conferenceId, joinCodes } = await hub.createConference(FIXTURE_SETUP);
    const chair = await MediaTestClient.connect(hub.url, (await hub.session(joinCodes.find((c) => c.role === 'chair')!.code)).token, conferenceId);
    clients.push(chair);
    await chair.welcome();
    const { cameraId } = await chair.publish(true, 'h264');
    const stream = () => hub.stream!.stream(conferenceId)!;
    await waitFor(() => stream()?.stagePoint === 'tw', 10_000, 'the chair’s point on stage');
    expect((await chair.producers()).some((p) => p.producerId === cameraId)).toBe(true);
    const dir = hub.stream!.dirOf(conferenceId);
    const first = await eventually(() => liveEdge(dir), (x) => x !== null, 'a first live segment', 25_000);
    const later = await eventually(() => liveEdge(dir), (x) => x !== null && x.index >= first!.index + 3, 'three more segments', 20_000);
    expect(isSlate(later!.rgb)).toBe(true);
    expect(later!.codecs).toEqual(['aac', 'h264']);
    expect(stream().showingSlate).toBe(true);
    expect(stream().counters.videoPackets).toBe(0);
    expect(stream().counters.runs).toBe(1);
  });
});
