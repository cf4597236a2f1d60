import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { waitFor } from '../media/testing/harness';
import { MediaHub } from '../media/testing/mediaHub';
import { MediaTestClient } from '../media/testing/mediaTestClient';
import { TEST_BACKENDS } from '../media/testing/testBackends';
import { findFfmpeg } from './ffmpegProcess';
import { encodeVp8KeyFrame } from '../media/testing/vp8Frames';
import { eventually, isSlate, liveEdge } from './testing/liveEdge';

jest.setTimeout(60_000);

/** This suite's UDP ports: the SFU's and FFmpeg's RTP inputs, per backend (clear of the other suites'). */
const SFU_PORTS = { werift: { min: 48_520, max: 48_559 }, mediasoup: { min: 48_560, max: 48_599 } } as const;
const RTP_PORTS = { werift: { min: 48_504, max: 48_511 }, mediasoup: { min: 48_512, max: 48_519 } } as const;
/** The test camera's colour: far from the slate's. */
const CAMERA_RGB = '0xc04020';

const near = (rgb: readonly number[], hex: string) => rgb.every((c, i) => Math.abs(c - parseInt(hex.slice(2 + 2 * i, 4 + 2 * i), 16)) <= 30);

/**
 * The slate on the real hub and SFU with a real FFmpeg: the chair's point publishes a camera FFmpeg can decode (real
 * VP8 key frames of one colour) and pauses it (LS9), or one FFmpeg's VP8 input cannot take, H.264 only (LS10).
 */
describe.each(TEST_BACKENDS)('the slate on stage (%s SFU, real FFmpeg)', (backendName) => {
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
    const { cameraId } = await chair.publish(true, { codec: 'h264' });
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

  it('LS9: a camera on stage paused gives way to the slate, and takes over again when resumed, all in one FFmpeg run', async () => {
    const { conferenceId, joinCodes } = await hub.createConference(FIXTURE_SETUP);
    const chair = await MediaTestClient.connect(hub.url, (await hub.session(joinCodes.find((c) => c.role === 'chair')!.code)).token, conferenceId);
    clients.push(chair);
    await chair.welcome();
    const { cameraId } = await chair.publish(true, { vp8KeyFrame: encodeVp8KeyFrame(CAMERA_RGB, '320x180'), fps: 10 });
    const stream = () => hub.stream!.stream(conferenceId)!;
    const dir = hub.stream!.dirOf(conferenceId);
    const onCamera = await eventually(() => liveEdge(dir), (x) => x !== null && near(x.rgb, CAMERA_RGB), 'the camera on air', 30_000);
    expect(stream().counters.videoPackets).toBeGreaterThan(0);
    await chair.must({ action: 'pauseProducer', producerId: cameraId });
    const paused = Date.now();
    await eventually(() => liveEdge(dir), (x) => x !== null && x.index > onCamera!.index && isSlate(x.rgb), 'the slate on air', 20_000);
    process.stdout.write(`slate (${backendName}): camera paused → slate in the newest live segment ${Date.now() - paused} ms\n`);
    await chair.must({ action: 'resumeProducer', producerId: cameraId });
    const resumed = Date.now();
    await eventually(() => liveEdge(dir), (x) => x !== null && near(x.rgb, CAMERA_RGB), 'the camera on air again', 20_000);
    process.stdout.write(`slate (${backendName}): camera resumed → camera in the newest live segment ${Date.now() - resumed} ms\n`);
    expect(stream().counters.runs).toBe(1);
  });
});
