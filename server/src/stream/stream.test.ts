import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { waitFor } from '../media/testing/harness';
import { ConferenceStream } from './conferenceStream';
import { findFfmpeg } from './ffmpegProcess';
import { cutRecording, readRecording, vodPlaylist, type RecordedSegment } from './recordingIndex';
import { RtpRewriter } from './rtpRewriter';
import { PLAYLIST_FRESH_MS, StreamService, streamKeySecretFrom } from './streamService';
import { eventually, isSlate, liveEdge } from './testing/liveEdge';

const packet = (sequenceNumber: number, timestamp: number, keyFrameStart = false) => ({ sequenceNumber, timestamp, marker: false, payload: Buffer.from([1]), keyFrameStart });

describe('RtpRewriter: one continuous RTP stream out of successive speakers (LS1)', () => {
  it('LS1: continues sequence numbers and timestamps across a switch, by the wall-clock time between the sources', () => {
    let now = 1_000;
    const r = new RtpRewriter(90_000, true, () => now, 1234);
    r.switchTo('a');
    expect(r.rewrite('a', packet(100, 5_000))).toBeNull(); // not a key frame: a decoder could not start there
    const first = r.rewrite('a', packet(101, 5_000, true))!;
    const second = r.rewrite('a', packet(102, 8_000))!;
    expect(second.sequenceNumber).toBe((first.sequenceNumber + 1) & 0xffff);
    expect((second.timestamp - first.timestamp) >>> 0).toBe(3_000);
    now += 500;
    r.switchTo('b');
    expect(r.waitingForKeyFrame).toBe(true);
    expect(r.rewrite('a', packet(103, 11_000))).toBeNull(); // the old speaker is no longer forwarded
    const b = r.rewrite('b', packet(60_000, 4_000_000_000, true))!;
    expect(b.sequenceNumber).toBe((second.sequenceNumber + 1) & 0xffff);
    expect((b.timestamp - second.timestamp) >>> 0).toBe(45_000); // 500 ms at 90 kHz
    expect(r.ssrc).toBe(1234);
  });

  it('LS1: drops a late repair of a packet from before the source’s first one, keeps later repairs in place', () => {
    const r = new RtpRewriter(48_000, false, () => 0);
    r.switchTo('a');
    const first = r.rewrite('a', packet(10, 960))!;
    r.rewrite('a', packet(12, 2_880));
    expect(r.rewrite('a', packet(9, 0))).toBeNull();
    expect(r.rewrite('a', packet(11, 1_920))!.sequenceNumber).toBe((first.sequenceNumber + 1) & 0xffff);
  });

  it('LS1: wraps sequence numbers and timestamps', () => {
    const r = new RtpRewriter(48_000, false, () => 0);
    r.switchTo('a');
    const a = r.rewrite('a', packet(65_535, 0xffff_ff00))!;
    const b = r.rewrite('a', packet(0, 0x0000_0200))!;
    expect((b.sequenceNumber - a.sequenceNumber) & 0xffff).toBe(1);
    expect((b.timestamp - a.timestamp) >>> 0).toBe(0x300);
  });
});

describe('recording index: a speech cut from the recorded segments (LS2)', () => {
  const seg = (run: string, i: number, startMs: number): RecordedSegment => ({ run, file: `${String(i).padStart(5, '0')}.ts`, startMs, durationMs: 2_000 });

  it('LS2: reads a run’s EVENT playlist with its wall-clock times', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diem-cau-rec-'));
    mkdirSync(join(dir, '1796580000000'));
    writeFileSync(join(dir, '1796580000000', 'index.m3u8'), ['#EXTM3U', '#EXT-X-PLAYLIST-TYPE:EVENT', '#EXTINF:2.000000,', '#EXT-X-PROGRAM-DATE-TIME:2026-12-06T19:44:04.163+0000', '00000.ts', '#EXTINF:1.960000,', '#EXT-X-PROGRAM-DATE-TIME:2026-12-06T19:44:06.163+0000', '00001.ts', ''].join('\n'));
    expect(readRecording(dir)).toEqual([
      { run: '1796580000000', file: '00000.ts', startMs: Date.parse('2026-12-06T19:44:04.163Z'), durationMs: 2_000 },
      { run: '1796580000000', file: '00001.ts', startMs: Date.parse('2026-12-06T19:44:06.163Z'), durationMs: 1_960 },
    ]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('LS5: a run that ended has recorded nothing after its end, whatever times FFmpeg gave its last segments: the gap to the next run shows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diem-cau-rec-'));
    const playlist = (times: string[]) => ['#EXTM3U', '#EXT-X-PLAYLIST-TYPE:EVENT', ...times.flatMap((t, i) => ['#EXTINF:2.000000,', `#EXT-X-PROGRAM-DATE-TIME:${t}`, `${String(i).padStart(5, '0')}.ts`]), ''].join('\n');
    const at = (iso: string) => Date.parse(iso);
    // The first run's segments are dated on to 10:00:08, but its FFmpeg ended (was killed) at 10:00:05.
    mkdirSync(join(dir, '1796637600000'));
    writeFileSync(join(dir, '1796637600000', 'index.m3u8'), playlist(['2026-12-07T10:00:02.000+0000', '2026-12-07T10:00:04.000+0000', '2026-12-07T10:00:06.000+0000']));
    writeFileSync(join(dir, '1796637600000', 'ended'), String(at('2026-12-07T10:00:05.000Z')));
    mkdirSync(join(dir, '1796637606500'));
    writeFileSync(join(dir, '1796637606500', 'index.m3u8'), playlist(['2026-12-07T10:00:08.000+0000', '2026-12-07T10:00:10.000+0000']));
    const all = readRecording(dir);
    expect(all.map((s) => s.file)).toEqual(['00000.ts', '00001.ts', '00002.ts', '00000.ts', '00001.ts']);
    expect(cutRecording(all, at('2026-12-07T10:00:03.000Z'), at('2026-12-07T10:00:11.000Z')).ranges).toEqual([
      { fromMs: at('2026-12-07T10:00:03.000Z'), toMs: at('2026-12-07T10:00:05.000Z') },
      { fromMs: at('2026-12-07T10:00:08.000Z'), toMs: at('2026-12-07T10:00:11.000Z') },
    ]);
    // Without the end written down (a hub that died with its FFmpeg), the segments' own times stand.
    rmSync(join(dir, '1796637600000', 'ended'));
    expect(cutRecording(readRecording(dir), at('2026-12-07T10:00:03.000Z'), at('2026-12-07T10:00:11.000Z')).ranges).toEqual([
      { fromMs: at('2026-12-07T10:00:03.000Z'), toMs: at('2026-12-07T10:00:11.000Z') },
    ]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('LS2: a speech is one stretch, or several around a gap; a speech outside the recording has none', () => {
    const all = [seg('1', 0, 0), seg('1', 1, 2_000), seg('1', 2, 4_000), seg('2', 0, 9_000), seg('2', 1, 11_000)];
    expect(cutRecording(all, 1_000, 5_000).ranges).toEqual([{ fromMs: 1_000, toMs: 5_000 }]);
    expect(cutRecording(all, 1_000, 5_000).offsetMs).toBe(1_000);
    expect(cutRecording(all, 3_000, 12_000).ranges).toEqual([{ fromMs: 3_000, toMs: 6_000 }, { fromMs: 9_000, toMs: 12_000 }]);
    expect(cutRecording(all, 20_000, 25_000).segments).toEqual([]);
    const playlist = vodPlaylist(cutRecording(all, 3_000, 12_000), (s) => `/x/${s.run}/${s.file}`);
    expect(playlist).toContain('#EXT-X-START:TIME-OFFSET=1.000');
    expect(playlist).toContain('#EXT-X-DISCONTINUITY');
    expect(playlist.trim().endsWith('#EXT-X-ENDLIST')).toBe(true);
  });
});

describe('a cluster of hubs (LS8)', () => {
  it('LS8: every node keys the stream alike from the shared admin token, and a node without the FFmpeg reads the state from the shared STREAM_DIR', () => {
    const streamDir = mkdtempSync(join(tmpdir(), 'diem-cau-shared-stream-'));
    let now = Date.now();
    const node = (adminToken: string) => new StreamService({ ffmpegPath: findFfmpeg(), streamDir, keySecret: streamKeySecretFrom(adminToken), rtpPortMin: 48_480, rtpPortMax: 48_483, height: 360, videoKbps: 500, minFreeMb: 16, retentionDays: 0 }, pino({ level: 'silent' }), () => now);
    const [a, b, other] = [node('cluster-admin-token-0123456789'), node('cluster-admin-token-0123456789'), node('another-admin-token-0123456789')];
    expect(b.liveUrl('hn-x')).toBe(a.liveUrl('hn-x'));
    expect(b.isKey('hn-x', a.keyOf('hn-x'))).toBe(true);
    expect(other.isKey('hn-x', a.keyOf('hn-x'))).toBe(false);
    expect(a.keyOf('hn-y')).not.toBe(a.keyOf('hn-x'));
    // The owner's FFmpeg (elsewhere) rewrites the live playlist in the shared directory every segment.
    expect(b.stateOf('hn-x')).toBe('idle');
    mkdirSync(join(streamDir, 'hn-x', 'live'), { recursive: true });
    const playlist = join(streamDir, 'hn-x', 'live', 'index.m3u8');
    writeFileSync(playlist, '#EXTM3U\n');
    utimesSync(playlist, new Date(now), new Date(now));
    expect(b.stateOf('hn-x')).toBe('running');
    now += PLAYLIST_FRESH_MS + 1;
    expect(b.stateOf('hn-x')).toBe('idle');
    rmSync(streamDir, { recursive: true, force: true });
  });
});

describe('failure (LS5)', () => {
  const logger = pino({ level: 'silent' });

  it('LS5: without FFmpeg the service is off and says so', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'diem-cau-nostream-'));
    const messages: string[] = [];
    const service = new StreamService({ ffmpegPath: findFfmpeg('/nonexistent/ffmpeg'), streamDir: join(dataDir, 'stream'), keySecret: 'stream-test-key-secret-0123456789', rtpPortMin: 48_420, rtpPortMax: 48_439, height: 360, videoKbps: 500, minFreeMb: 16, retentionDays: 0 },
      pino({ level: 'warn' }, { write: (line: string) => void messages.push(line) }));
    expect(service.enabled).toBe(false);
    expect(service.stateOf('hn-x')).toBe('off');
    expect(messages.join('')).toContain('streaming and recording are off');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('LS5: a disk below the free-space floor stops FFmpeg with a warning for the organiser, and nothing else', async () => {
    const ffmpegPath = findFfmpeg();
    if (!ffmpegPath) throw new Error('ffmpeg is missing: node -e "import(\'./scripts/systemDeps.mjs\').then(m=>m.ensureSystemDeps())"');
    const dir = mkdtempSync(join(tmpdir(), 'diem-cau-diskfull-'));
    const warnings: string[] = [];
    // More free space asked for than any disk here has: the check finds the disk "full".
    const stream = new ConferenceStream({ conferenceId: 'hn-x', ffmpegPath, dir, videoPort: 48_440, audioPort: 48_442, height: 240, videoKbps: 300, minFreeBytes: Number.MAX_SAFE_INTEGER, logger, now: Date.now, onWarning: (w) => void warnings.push(w.kind) });
    expect(stream.state).toBe('running');
    await waitFor(() => stream.state === 'diskFull', 10_000, 'the disk check');
    expect(warnings).toEqual(['diskFull']);
    await stream.close();
    expect(stream.state).toBe('stopped');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the slate (LS9)', () => {
  it('LS9: with no camera on stage the stream shows the slate and goes on, audio included, in one FFmpeg run', async () => {
    const ffmpegPath = findFfmpeg();
    if (!ffmpegPath) throw new Error('ffmpeg is missing: node -e "import(\'./scripts/systemDeps.mjs\').then(m=>m.ensureSystemDeps())"');
    const dir = mkdtempSync(join(tmpdir(), 'diem-cau-slate-'));
    const stream = new ConferenceStream({ conferenceId: 'hn-x', ffmpegPath, dir, videoPort: 48_444, audioPort: 48_446, height: 240, videoKbps: 300, minFreeBytes: 1, logger: pino({ level: 'silent' }), now: Date.now, onWarning: () => undefined });
    try {
      const first = await eventually(() => liveEdge(dir), (x) => x !== null, 'a first live segment', 20_000);
      expect(first!.codecs).toEqual(['aac', 'h264']);
      expect(isSlate(first!.rgb)).toBe(true);
      // The playlist slides on: segments keep coming while nothing but the slate and silence is sent.
      const later = await eventually(() => liveEdge(dir), (x) => x !== null && x.index >= first!.index + 3, 'three more segments', 15_000);
      expect(isSlate(later!.rgb)).toBe(true);
      expect(stream.showingSlate).toBe(true);
      expect(stream.counters.runs).toBe(1);
      expect(stream.counters.videoPackets).toBe(0);
    } finally {
      await stream.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
