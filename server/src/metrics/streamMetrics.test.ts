import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { waitFor } from '../media/testing/harness';
import { MediaHub } from '../media/testing/mediaHub';
import { MediaTestClient } from '../media/testing/mediaTestClient';
import { findFfmpeg } from '../stream/ffmpegProcess';

/** One series' value from the exposition text (undefined when absent). */
function valueOf(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && wanted.every((w) => l.includes(w)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : undefined;
}

/** OP3, the livestream's part: a real FFmpeg per conference; the scrape says it runs, and counts a crash and its restart. */
describe('stream metrics over a real hub and FFmpeg', () => {
  let hub: MediaHub;
  const clients: MediaTestClient[] = [];
  afterAll(async () => {
    for (const c of clients) await c.close();
    await hub?.close();
  });

  it('OP3: FFmpeg found, the conference stream running, a crash counted as a restart and the stream running again', async () => {
    const ffmpegPath = findFfmpeg();
    if (!ffmpegPath) throw new Error('ffmpeg is missing: scripts/systemDeps.mjs installs it (npm test does)');
    hub = await MediaHub.start({
      ports: { min: 43_850, max: 43_899 },
      stream: { ffmpegPath, rtpPortMin: 48_460, rtpPortMax: 48_479, height: 240, videoKbps: 300, minFreeMb: 16, retentionDays: 0 },
    });
    const { conferenceId, joinCodes } = await hub.createConference(FIXTURE_SETUP);
    const display = joinCodes.find((c) => c.role === 'display');
    const session = await hub.session(display?.code ?? '');
    const client = await MediaTestClient.connect(hub.url, session.token, conferenceId);
    clients.push(client);
    await client.welcome();
    const stream = () => hub.stream?.stream(conferenceId);
    await waitFor(() => stream()?.state === 'running', 10_000, 'the conference stream running');

    const running = await hub.hub.metrics.scrape();
    expect(valueOf(running, 'diemcau_stream_enabled')).toBe(1);
    expect(valueOf(running, 'diemcau_stream_state', { conference: conferenceId, state: 'running' })).toBe(1);
    expect(valueOf(running, 'diemcau_stream_restarts', { conference: conferenceId })).toBe(0);

    stream()?.killFfmpeg();
    await waitFor(() => stream()?.state === 'restarting', 5_000, 'FFmpeg seen dead');
    const restarting = await hub.hub.metrics.scrape();
    expect(valueOf(restarting, 'diemcau_stream_state', { conference: conferenceId, state: 'restarting' })).toBe(1);
    expect(valueOf(restarting, 'diemcau_stream_state', { conference: conferenceId, state: 'running' })).toBeUndefined();
    await waitFor(() => stream()?.state === 'running', 10_000, 'FFmpeg started again');
    const again = await hub.hub.metrics.scrape();
    expect(valueOf(again, 'diemcau_stream_restarts', { conference: conferenceId })).toBe(1);
    expect(valueOf(again, 'diemcau_stream_state', { conference: conferenceId, state: 'running' })).toBe(1);
  });
});
