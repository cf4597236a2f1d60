import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { StreamInfoSchema, StreamNoticeSchema, type StreamNotice } from '@diem-cau/shared';
import { waitFor } from '../media/testing/harness';
import { MediaHub } from '../media/testing/mediaHub';
import { MediaTestClient } from '../media/testing/mediaTestClient';
import pino from 'pino';
import { findFfmpeg } from './ffmpegProcess';
import { StreamService } from './streamService';

jest.setTimeout(60_000);

/** LS11 on the real hub, SFU and FFmpeg: the organiser's workspace is told of the stream's trouble as it happens. */
describe('the livestream’s warning pushed to the organisers', () => {
  let hub: MediaHub;
  const clients: MediaTestClient[] = [];
  afterAll(async () => {
    for (const c of clients) await c.close();
    await hub?.close();
  });

  it('LS11: FFmpeg failing is pushed to the organiser sockets, then its recovery; the chair’s socket hears neither; GET …/stream agrees, on another node too', async () => {
    const ffmpegPath = findFfmpeg();
    if (!ffmpegPath) throw new Error('ffmpeg is missing: node -e "import(\'./scripts/systemDeps.mjs\').then(m=>m.ensureSystemDeps())"');
    hub = await MediaHub.start({ ports: { min: 48_600, max: 48_619 }, stream: { ffmpegPath, rtpPortMin: 48_620, rtpPortMax: 48_623, height: 240, videoKbps: 300, minFreeMb: 16, retentionDays: 0 } });
    const { conferenceId, joinCodes } = await hub.createConference(FIXTURE_SETUP);
    const token = async (role: string) => (await hub.session(joinCodes.find((c) => c.role === role)!.code)).token;
    const organiserToken = await token('organiser');
    const [organiser, chair] = await Promise.all([MediaTestClient.connect(hub.url, organiserToken, conferenceId), MediaTestClient.connect(hub.url, await token('chair'), conferenceId)]);
    clients.push(organiser, chair);
    const heard: Record<'organiser' | 'chair', StreamNotice[]> = { organiser: [], chair: [] };
    organiser.socket.on('stream', (raw) => void heard.organiser.push(StreamNoticeSchema.parse(raw)));
    chair.socket.on('stream', (raw) => void heard.chair.push(StreamNoticeSchema.parse(raw)));
    await chair.welcome();
    const stream = () => hub.stream?.stream(conferenceId);
    await waitFor(() => stream()?.state === 'running', 10_000, 'the conference stream running');
    const info = async () => StreamInfoSchema.parse(await (await fetch(`${hub.url}/api/conferences/${conferenceId}/stream`, { headers: { authorization: `Bearer ${organiserToken}` } })).json());
    expect((await info()).warning).toBeUndefined();

    stream()!.killFfmpeg();
    await waitFor(() => heard.organiser.length >= 1, 5_000, 'the warning pushed');
    expect(heard.organiser[0]!.warning?.kind).toBe('ffmpegRestarting');
    // Another node of a cluster, sharing STREAM_DIR but running no FFmpeg for this conference, reads it too (the restart waits 1 s).
    const otherNode = new StreamService({ ...hub.stream!.settings, retentionDays: 0 }, pino({ level: 'silent' }));
    expect(otherNode.warningOf(conferenceId)?.kind).toBe('ffmpegRestarting');
    await waitFor(() => heard.organiser.length >= 2, 10_000, 'the recovery pushed');
    expect(heard.organiser[1]!.warning).toBeNull();
    expect(stream()!.state).toBe('running');
    expect((await info()).warning).toBeUndefined();
    expect(heard.chair).toEqual([]);
    expect(otherNode.warningOf(conferenceId)).toBeUndefined();
    await otherNode.close();
  });
});
