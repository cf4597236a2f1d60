import { createHmac, timingSafeEqual } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { StreamWarningSchema } from '@diem-cau/shared';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { ConferenceMedia } from '../media/conferenceMedia';
import { ConferenceStream, type ConferenceStreamOptions, type StreamState } from './conferenceStream';
import { cutRecording, readRecording, RUN_ID, SEGMENT_FILE, type RecordingCut } from './recordingIndex';

export interface StreamSettings {
  /** FFmpeg's path, or null when it is not installed (STREAM=off too): no stream, no recordings. */
  ffmpegPath: string | null;
  /**
   * Where the streams live: <streamDir>/<conferenceId>/ (live/, rec/<run>/). STREAM_DIR, by default DATA_DIR/stream;
   * in a cluster one directory every node mounts, so any node serves what the owner's FFmpeg writes (LS8).
   */
  streamDir: string;
  /** Loopback UDP ports the FFmpeg processes receive RTP on, four per conference. */
  rtpPortMin: number;
  rtpPortMax: number;
  height: number;
  videoKbps: number;
  minFreeMb: number;
  /** Recordings older than this are deleted (0: kept until the organiser deletes them). */
  retentionDays: number;
  /** Keys the stream URLs: the same on every node (main.ts derives it from the admin token when STREAM_KEY_SECRET is unset). */
  keySecret: string;
  /** A closed media room's stream stays this long for the consoles to come back (default 30 s). */
  lingerMs?: number;
  /** Why the stream is off when it is not for want of FFmpeg (STREAM=off, an SFU without the tap), for the log. */
  offReason?: string;
}

/** A live playlist rewritten within this long belongs to a running stream (FFmpeg rewrites it every 2 s segment). */
export const PLAYLIST_FRESH_MS = 8_000;

/** The stream URLs' key secret when STREAM_KEY_SECRET is unset: derived from the admin token, which every node shares. */
export function streamKeySecretFrom(adminToken: string): string {
  return createHmac('sha256', adminToken).update('diem-cau stream key').digest('hex');
}

export type StreamWarning = Parameters<ConferenceStreamOptions['onWarning']>[0];

/**
 * The livestream and recordings of every conference held on this node (issue 13). Streams follow the media rooms:
 * a room opened starts (or takes back) its conference's FFmpeg, a room closed leaves it running a little while for
 * the consoles to return. The live HLS is served under an unguessable per-conference key in the path, so caches
 * and CDNs can serve it without any token; recordings only to the organiser.
 */
export class StreamService {
  private readonly streams = new Map<string, { stream: ConferenceStream; linger: NodeJS.Timeout | null; ports: number }>();
  private readonly usedPorts = new Set<number>();
  private readonly secret: string;
  private readonly retentionTimer: NodeJS.Timeout | null;
  private readonly warnings = new Map<string, StreamWarning>();
  private readonly warningListeners = new Set<(warning: StreamWarning) => void>();

  constructor(
    readonly settings: StreamSettings,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.secret = settings.keySecret;
    if (!settings.ffmpegPath) {
      logger.warn(settings.offReason ? `streaming and recording are off: ${settings.offReason}` : 'ffmpeg not found: streaming and recording are off (install Debian ffmpeg, or set FFMPEG_PATH)');
    }
    this.retentionTimer = settings.retentionDays > 0 ? setInterval(() => this.sweepRetention(), 3_600_000) : null;
    this.retentionTimer?.unref();
    if (settings.retentionDays > 0) this.sweepRetention();
  }

  get enabled(): boolean {
    return this.settings.ffmpegPath !== null;
  }

  dirOf(conferenceId: string): string {
    return join(this.settings.streamDir, conferenceId);
  }

  /** The path segment that keys a conference's stream URLs. */
  keyOf(conferenceId: string): string {
    return createHmac('sha256', this.secret).update(`stream:${conferenceId}`).digest('base64url').slice(0, 22);
  }

  isKey(conferenceId: string, key: string): boolean {
    const expected = Buffer.from(this.keyOf(conferenceId));
    const given = Buffer.from(key);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  liveUrl(conferenceId: string): string {
    return `/stream/${encodeURIComponent(conferenceId)}/${this.keyOf(conferenceId)}/live/index.m3u8`;
  }

  /**
   * The stream's state: from its FFmpeg when this node runs it; otherwise (another node owns the conference and
   * writes into the shared STREAM_DIR) 'running' while the live playlist keeps being rewritten, else 'idle'.
   */
  stateOf(conferenceId: string): StreamState | 'off' | 'idle' {
    if (!this.enabled) return 'off';
    const held = this.streams.get(conferenceId)?.stream.state;
    if (held) return held;
    return this.playlistFresh(conferenceId) ? 'running' : 'idle';
  }

  private playlistFresh(conferenceId: string): boolean {
    try {
      return this.now() - statSync(join(this.dirOf(conferenceId), 'live', 'index.m3u8')).mtimeMs < PLAYLIST_FRESH_MS;
    } catch {
      return false;
    }
  }

  /** Every conference stream held here: its state and how many FFmpeg runs it took (metrics). */
  streamStates(): Array<{ conferenceId: string; state: StreamState; runs: number }> {
    return [...this.streams].map(([conferenceId, { stream }]) => ({ conferenceId, state: stream.state, runs: stream.runs }));
  }

  stream(conferenceId: string): ConferenceStream | undefined {
    return this.streams.get(conferenceId)?.stream;
  }

  /**
   * The last warning for the organiser (disk full, FFmpeg restarting), until it recovers: this node's own, else the
   * one the owner node left in the shared STREAM_DIR (LS8, LS11).
   */
  warningOf(conferenceId: string): StreamWarning | undefined {
    const held = this.warnings.get(conferenceId);
    if (held || this.streams.has(conferenceId)) return held;
    try {
      const parsed = StreamWarningSchema.safeParse(JSON.parse(readFileSync(this.warningFile(conferenceId), 'utf8')));
      return parsed.success ? { conferenceId, ...parsed.data } : undefined;
    } catch {
      return undefined;
    }
  }

  private warningFile(conferenceId: string): string {
    return join(this.dirOf(conferenceId), 'warning.json');
  }

  onWarning(listener: (warning: StreamWarning) => void): () => void {
    this.warningListeners.add(listener);
    return () => this.warningListeners.delete(listener);
  }

  /** A media room opened: its conference's stream follows it. */
  attach(conferenceId: string, media: ConferenceMedia): void {
    if (!this.enabled || !media.room.canTap) return;
    let entry = this.streams.get(conferenceId);
    if (!entry) {
      const ports = this.takePorts();
      if (ports === null) {
        this.logger.error({ conferenceId }, 'no free stream RTP ports: this conference is not streamed');
        return;
      }
      const dir = this.dirOf(conferenceId);
      mkdirSync(dir, { recursive: true });
      // A warning a dead owner left behind is no longer true: this node's run starts afresh.
      rmSync(this.warningFile(conferenceId), { force: true });
      const stream = new ConferenceStream({
        conferenceId, ffmpegPath: this.settings.ffmpegPath!, dir, videoPort: ports, audioPort: ports + 2,
        height: this.settings.height, videoKbps: this.settings.videoKbps, minFreeBytes: this.settings.minFreeMb * 1024 * 1024,
        logger: this.logger, now: this.now, onWarning: (warning) => this.warn(warning),
      });
      entry = { stream, linger: null, ports };
      this.streams.set(conferenceId, entry);
      this.logger.info({ conferenceId, rtpPort: ports }, 'stream started');
    }
    if (entry.linger) clearTimeout(entry.linger);
    entry.linger = null;
    entry.stream.attach(media);
    const current = entry;
    media.onClose(() => {
      if (this.streams.get(conferenceId) !== current) return;
      current.stream.detach();
      current.linger = setTimeout(() => void this.stop(conferenceId), this.settings.lingerMs ?? 30_000);
    });
  }

  async stop(conferenceId: string): Promise<void> {
    const entry = this.streams.get(conferenceId);
    if (!entry) return;
    this.streams.delete(conferenceId);
    if (entry.linger) clearTimeout(entry.linger);
    await entry.stream.close();
    for (let p = entry.ports; p < entry.ports + 4; p++) this.usedPorts.delete(p);
    this.logger.info({ conferenceId }, 'stream stopped');
  }

  private takePorts(): number | null {
    const first = this.settings.rtpPortMin + (this.settings.rtpPortMin % 2);
    for (let p = first; p + 3 <= this.settings.rtpPortMax; p += 4) {
      if (![0, 1, 2, 3].some((i) => this.usedPorts.has(p + i))) {
        for (let i = 0; i < 4; i++) this.usedPorts.add(p + i);
        return p;
      }
    }
    return null;
  }

  private warn(warning: StreamWarning): void {
    const file = this.warningFile(warning.conferenceId);
    if (warning.kind === 'recovered') {
      this.warnings.delete(warning.conferenceId);
      rmSync(file, { force: true });
    } else {
      this.warnings.set(warning.conferenceId, warning);
      // Beside the live playlist, for the nodes that serve this conference's state without running its FFmpeg.
      try {
        writeFileSync(file, JSON.stringify({ kind: warning.kind, at: warning.at }));
      } catch (error) {
        this.logger.warn({ err: error, conferenceId: warning.conferenceId }, 'stream warning not written for the other nodes');
      }
    }
    for (const listener of this.warningListeners) listener(warning);
  }

  recording(conferenceId: string): ReturnType<typeof readRecording> {
    return readRecording(join(this.dirOf(conferenceId), 'rec'));
  }

  cut(conferenceId: string, fromMs: number, toMs: number): RecordingCut {
    return cutRecording(this.recording(conferenceId), fromMs, toMs);
  }

  /** Which of these speeches have something recorded (the recording read once for all of them). */
  recordedSpeeches(conferenceId: string, speeches: ReadonlyArray<{ id: string; startedAt: number; endedAt?: number }>): Set<string> {
    if (!this.enabled) return new Set();
    const all = this.recording(conferenceId);
    const now = this.now();
    return new Set(speeches.filter((s) => cutRecording(all, s.startedAt, s.endedAt ?? now).segments.length > 0).map((s) => s.id));
  }

  /** A file of the recording, if the names are well formed and it exists. */
  segmentPath(conferenceId: string, run: string, file: string): string | null {
    if (!RUN_ID.test(run) || !SEGMENT_FILE.test(file)) return null;
    const path = join(this.dirOf(conferenceId), 'rec', run, file);
    return existsSync(path) ? path : null;
  }

  /**
   * One speech as an MP4 (H.264/AAC copied, no re-encode): the segments joined, cut at the speech's start and
   * length (FFmpeg keeps the key frame before the cut and an edit list hides it, so the file plays exactly the speech).
   */
  async speechMp4(conferenceId: string, cut: RecordingCut, durationMs: number, outPath: string): Promise<void> {
    if (!this.settings.ffmpegPath) throw new Error('ffmpeg not available');
    const list = `${outPath}.txt`;
    writeFileSync(list, cut.segments.map((s) => `file '${join(this.dirOf(conferenceId), 'rec', s.run, s.file)}'`).join('\n'));
    const args = ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'concat', '-safe', '0', '-ss', (cut.offsetMs / 1000).toFixed(3), '-i', list,
      '-t', (durationMs / 1000).toFixed(3), '-c', 'copy', '-movflags', '+faststart', outPath];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(this.settings.ffmpegPath!, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (c: string) => (err = (err + c).slice(-1_000)));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code}: ${err}`))));
    });
    rmSync(list, { force: true });
  }

  /** The organiser deletes a conference's recordings (the live playlist goes on if it is streaming). */
  deleteRecordings(conferenceId: string): number {
    const rec = join(this.dirOf(conferenceId), 'rec');
    if (!existsSync(rec)) return 0;
    const live = this.streams.get(conferenceId);
    let removed = 0;
    for (const run of readdirSync(rec)) {
      if (!RUN_ID.test(run)) continue;
      if (live && live.stream.state === 'running' && run === live.stream.runId) {
        // The running FFmpeg still appends to its run: empty it rather than remove the directory under it.
        for (const file of readdirSync(join(rec, run))) if (SEGMENT_FILE.test(file)) rmSync(join(rec, run, file), { force: true });
      } else rmSync(join(rec, run), { recursive: true, force: true });
      removed++;
    }
    return removed;
  }

  /** Runs whose last write is older than the retention are deleted. */
  sweepRetention(): void {
    const root = this.settings.streamDir;
    if (this.settings.retentionDays <= 0 || !existsSync(root)) return;
    const limit = this.now() - this.settings.retentionDays * 86_400_000;
    for (const conferenceId of readdirSync(root)) {
      const rec = join(root, conferenceId, 'rec');
      if (!existsSync(rec)) continue;
      for (const run of readdirSync(rec)) {
        if (!RUN_ID.test(run)) continue;
        try {
          if (statSync(join(rec, run)).mtimeMs < limit) {
            rmSync(join(rec, run), { recursive: true, force: true });
            this.logger.info({ conferenceId, run }, 'recording past its retention deleted');
          }
        } catch {
          // Deleted meanwhile.
        }
      }
    }
  }

  async close(): Promise<void> {
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    await Promise.all([...this.streams.keys()].map((id) => this.stop(id)));
  }
}
