import type { ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { existsSync, writeFileSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { stagePointId } from '../../../shared/src/media';
import type { ConferenceMedia } from '../media/conferenceMedia';
import type { SfuRtpTap, TappedRtp } from '../media/sfuBackend';
import { STREAM_AUDIO_PT, STREAM_VIDEO_PT, startFfmpeg } from './ffmpegProcess';
import { RUN_ENDED_FILE } from './recordingIndex';
import { RtpRewriter, rtpPacket } from './rtpRewriter';
import { SLATE_VP8_KEY_FRAME } from './slateFrame';

/** A 20 ms Opus frame of silence (TOC 0xf8: CELT fullband 20 ms, mono): sent while nobody is heard, so the audio never stalls the muxer. */
const OPUS_SILENCE = Buffer.from([0xf8, 0xff, 0xfe]);
const AUDIO_FRAME_MS = 20;
/** Without real audio for this long, silence fills in. */
const AUDIO_GAP_MS = 60;
/**
 * The slate (LS9): while no camera packet has been forwarded for VIDEO_GAP_MS (nobody on stage has a camera, it is
 * off or paused, or it only encodes H.264), the hub sends FFmpeg a still VP8 key frame of a plain card every
 * SLATE_FRAME_MS through the same rewriter, as it sends Opus silence for the sound. FFmpeg's RTP input then never
 * starves, so its one HLS output goes on (no new run, no stall on the viewers' side) and the camera takes over
 * again at its next key frame. Chosen over a fallback source in FFmpeg's filter graph: FFmpeg cannot tell a silent
 * RTP input from a slow one (a filter would wait on it all the same), and a 147-byte key frame 5 times a second
 * costs the hub nothing and FFmpeg less than a camera (FFmpeg repeats it to its 25 fps output).
 */
const VIDEO_GAP_MS = 1_000;
const SLATE_FRAME_MS = 200;
const SLATE_SOURCE = 'slate';
/** The slate frame as one RTP payload: a VP8 payload descriptor (S=1, partition 0) in front of the key frame. */
const SLATE_PAYLOAD = Buffer.concat([Buffer.from([0x10]), SLATE_VP8_KEY_FRAME]);
/** A new video source not yet sending a key frame is asked again this often. */
const KEY_FRAME_RETRY_MS = 1_000;
/** FFmpeg restarts after 1, 2, 4 … 30 s; a run that lasted a minute resets the wait. */
const RESTART_BASE_MS = 1_000;
const RESTART_MAX_MS = 30_000;
const STABLE_RUN_MS = 60_000;
const DISK_CHECK_MS = 5_000;

export type StreamState = 'starting' | 'running' | 'restarting' | 'diskFull' | 'stopped';

export interface ConferenceStreamOptions {
  conferenceId: string;
  ffmpegPath: string;
  /** DATA_DIR/stream/<conferenceId>. */
  dir: string;
  /** Loopback UDP ports FFmpeg receives on (even; RTCP on the next one). */
  videoPort: number;
  audioPort: number;
  height: number;
  videoKbps: number;
  /** Below this much free space in the stream directory, FFmpeg is stopped (recording and live alike). */
  minFreeBytes: number;
  logger: Logger;
  /** Wall clock (run ids, recording times). */
  now: () => number;
  /** A warning for the organiser: the disk filled up (recording stopped), or FFmpeg keeps failing. */
  onWarning: (warning: { conferenceId: string; kind: 'diskFull' | 'ffmpegRestarting' | 'recovered'; at: number }) => void;
}

interface Tapped {
  producerId: string;
  tap: SfuRtpTap;
}

/**
 * One conference's livestream (issue 13): the floor holder's camera and microphone (the chair's between speeches)
 * as plain RTP to one long-lived FFmpeg. The hub taps the stage point's producers on the SFU and rewrites their
 * packets into one continuous RTP stream per medium (RtpRewriter) toward fixed loopback ports: FFmpeg never sees a
 * speaker change, only a new key frame, so the HLS output and the recording go on across grants. FFmpeg dying is
 * restarted with backoff (the recording then has a gap); a full disk stops it with a warning, never the conference.
 */
export class ConferenceStream {
  private readonly socket: Socket;
  private readonly video = new RtpRewriter(90_000, true);
  private readonly audio = new RtpRewriter(48_000, false);
  private videoTap: Tapped | null = null;
  private audioTap: Tapped | null = null;
  private media: ConferenceMedia | null = null;
  private unwatch: (() => void) | null = null;
  private child: ChildProcess | null = null;
  private runStartedAt = 0;
  /** When the first run started: later runs offset their timestamps by the time since (players see time go on). */
  private firstRunAt: number | null = null;
  private currentRun = '';
  /** The current run has written its first segment. */
  private outputSeen = false;
  private restartDelayMs = RESTART_BASE_MS;
  private runCount = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly silenceTimer: NodeJS.Timeout;
  private readonly slateTimer: NodeJS.Timeout;
  private readonly keyFrameTimer: NodeJS.Timeout;
  private readonly diskTimer: NodeJS.Timeout;
  private lastRealAudioAt = -Infinity;
  private silenceSeq = 0;
  private silenceTs = 0;
  private lastRealVideoAt = -Infinity;
  private slateSeq = 0;
  private slateTs = 0;
  /** The stage camera refused for its codec (not VP8): not tapped again while it is on stage. */
  private refusedVideo: string | null = null;
  private current: StreamState = 'starting';
  /** The point whose picture and sound the stream carries now. */
  private stage: string | null = null;
  readonly counters = { videoPackets: 0, audioPackets: 0, silencePackets: 0, slateFrames: 0, runs: 0, keyFrameRequests: 0 };

  constructor(private readonly o: ConferenceStreamOptions) {
    this.socket = createSocket('udp4');
    this.socket.on('error', (error) => o.logger.warn({ err: error, conferenceId: o.conferenceId }, 'stream socket error'));
    this.socket.bind(0, '127.0.0.1');
    this.silenceTimer = setInterval(() => this.fillSilence(), AUDIO_FRAME_MS);
    this.slateTimer = setInterval(() => this.fillSlate(), SLATE_FRAME_MS);
    this.keyFrameTimer = setInterval(() => this.retryKeyFrame(), KEY_FRAME_RETRY_MS);
    this.diskTimer = setInterval(() => void this.checkDisk(), DISK_CHECK_MS);
    this.startRun();
  }

  get state(): StreamState {
    return this.current;
  }

  /** FFmpeg runs started so far: the first, then one per restart (metrics). */
  get runs(): number {
    return this.runCount;
  }

  /** The run FFmpeg is writing (rec/<runId>/). */
  get runId(): string {
    return this.currentRun;
  }

  get stagePoint(): string | null {
    return this.stage;
  }

  /** The stream shows the slate rather than a camera (LS9). */
  get showingSlate(): boolean {
    return this.video.sourceId === SLATE_SOURCE;
  }

  /** Follows this media room's floor and producers (a room reopened after everyone left is attached again). */
  attach(media: ConferenceMedia): void {
    this.detach();
    this.media = media;
    this.unwatch = media.onChange(() => this.follow());
    this.follow();
  }

  detach(): void {
    this.unwatch?.();
    this.unwatch = null;
    this.media = null;
    this.untap('video');
    this.untap('audio');
  }

  /** Re-taps when the stage point or its producers changed. */
  private follow(): void {
    const media = this.media;
    if (!media || media.closed) return;
    const floor = media.floor;
    this.stage = floor ? stagePointId(floor) : null;
    const producers = media.room.listProducers().filter((p) => p.pointId === this.stage);
    const main = producers.find((p) => p.source === 'main');
    const mic = producers.find((p) => p.source === 'mic');
    this.retap('video', main?.producerId ?? null);
    this.retap('audio', mic?.producerId ?? null);
  }

  private retap(kind: 'video' | 'audio', producerId: string | null): void {
    const current = kind === 'video' ? this.videoTap : this.audioTap;
    if ((current?.producerId ?? null) === producerId && !current?.tap.closed) return;
    this.untap(kind);
    if (!producerId || !this.media || (kind === 'video' && producerId === this.refusedVideo)) return;
    const rewriter = kind === 'video' ? this.video : this.audio;
    const sourceId = `${producerId}`;
    const tap = this.media.room.tapProducer(producerId, (packet) => this.onRtp(kind, sourceId, packet));
    if (!tap) return;
    if (kind === 'video' && tap.mimeType.toLowerCase() !== 'video/vp8') {
      // FFmpeg's SDP input keeps one codec per m= line for a whole run (libavformat's rtpmap parsing sets the
      // stream's codec and depacketiser once): an H.264-only camera is not streamed, the slate is (LS10).
      this.o.logger.warn({ conferenceId: this.o.conferenceId, mimeType: tap.mimeType }, 'stage camera is not VP8: the slate is streamed instead');
      this.refusedVideo = producerId;
      tap.close();
      return;
    }
    rewriter.switchTo(sourceId);
    const entry = { producerId, tap };
    tap.onClose(() => {
      if ((kind === 'video' ? this.videoTap : this.audioTap) === entry) this.follow();
    });
    if (kind === 'video') {
      this.videoTap = entry;
      this.requestKeyFrame();
    } else this.audioTap = entry;
  }

  private untap(kind: 'video' | 'audio'): void {
    const current = kind === 'video' ? this.videoTap : this.audioTap;
    if (kind === 'video') this.videoTap = null;
    else this.audioTap = null;
    current?.tap.close();
  }

  private onRtp(kind: 'video' | 'audio', sourceId: string, packet: TappedRtp): void {
    const rewriter = kind === 'video' ? this.video : this.audio;
    // The slate yields to the camera at a key frame only: FFmpeg's decoder could not go on from anywhere else.
    if (kind === 'video' && rewriter.sourceId === SLATE_SOURCE) {
      if (!packet.keyFrameStart) return;
      rewriter.switchTo(sourceId);
    }
    if (kind === 'audio') {
      // Back from silence: the real source continues the numbering after the silence frames.
      rewriter.switchTo(sourceId);
      this.lastRealAudioAt = performance.now();
    }
    const out = rewriter.rewrite(sourceId, packet);
    if (!out || this.child === null) return;
    const pt = kind === 'video' ? STREAM_VIDEO_PT : STREAM_AUDIO_PT;
    const port = kind === 'video' ? this.o.videoPort : this.o.audioPort;
    this.socket.send(rtpPacket(pt, packet.marker, out.sequenceNumber, out.timestamp, rewriter.ssrc, packet.payload), port, '127.0.0.1');
    if (kind === 'video') {
      this.counters.videoPackets++;
      this.lastRealVideoAt = performance.now();
    } else this.counters.audioPackets++;
  }

  private fillSilence(): void {
    if (performance.now() - this.lastRealAudioAt < AUDIO_GAP_MS || this.child === null) return;
    this.audio.switchTo('silence');
    this.silenceSeq = (this.silenceSeq + 1) & 0xffff;
    this.silenceTs = (this.silenceTs + 960) >>> 0;
    const out = this.audio.rewrite('silence', { sequenceNumber: this.silenceSeq, timestamp: this.silenceTs, marker: false, payload: OPUS_SILENCE, keyFrameStart: true });
    if (!out) return;
    this.counters.silencePackets++;
    this.socket.send(rtpPacket(STREAM_AUDIO_PT, false, out.sequenceNumber, out.timestamp, this.audio.ssrc, OPUS_SILENCE), this.o.audioPort, '127.0.0.1');
  }

  private fillSlate(): void {
    if (performance.now() - this.lastRealVideoAt < VIDEO_GAP_MS || this.child === null) return;
    this.video.switchTo(SLATE_SOURCE);
    this.slateSeq = (this.slateSeq + 1) & 0xffff;
    this.slateTs = (this.slateTs + (90_000 * SLATE_FRAME_MS) / 1000) >>> 0;
    const out = this.video.rewrite(SLATE_SOURCE, { sequenceNumber: this.slateSeq, timestamp: this.slateTs, marker: true, payload: SLATE_PAYLOAD, keyFrameStart: true });
    if (!out) return;
    this.counters.slateFrames++;
    this.socket.send(rtpPacket(STREAM_VIDEO_PT, true, out.sequenceNumber, out.timestamp, this.video.ssrc, SLATE_PAYLOAD), this.o.videoPort, '127.0.0.1');
  }

  private requestKeyFrame(): void {
    if (!this.videoTap) return;
    this.counters.keyFrameRequests++;
    this.videoTap.tap.requestKeyFrame();
  }

  /**
   * Every second: a new camera still without a key frame is asked again; so is the camera while the current FFmpeg
   * has written nothing yet (it may have bound its port after the key frame asked at its start went by, and cannot
   * decode before the next one).
   */
  private retryKeyFrame(): void {
    if (this.child && !this.outputSeen) {
      this.outputSeen = existsSync(join(this.o.dir, 'rec', this.currentRun, 'index.m3u8'));
      if (!this.outputSeen) this.video.resync();
    }
    // The camera behind the slate (paused, or lost its key frame) is asked too, so it takes over as soon as it can.
    if (this.video.waitingForKeyFrame || this.showingSlate) this.requestKeyFrame();
  }

  private startRun(): void {
    if (this.current === 'stopped') return;
    const runId = String(this.o.now());
    this.currentRun = runId;
    this.runCount += 1;
    this.outputSeen = false;
    this.runStartedAt = performance.now();
    this.firstRunAt ??= this.runStartedAt;
    const tsOffsetS = (this.runStartedAt - this.firstRunAt) / 1000;
    this.counters.runs++;
    const child = startFfmpeg({ ffmpegPath: this.o.ffmpegPath, dir: this.o.dir, runId, videoPort: this.o.videoPort, audioPort: this.o.audioPort, height: this.o.height, videoKbps: this.o.videoKbps, tsOffsetS }, this.o.logger.child({ conferenceId: this.o.conferenceId, runId }));
    this.child = child;
    const wasRestarting = this.current === 'restarting';
    this.current = 'running';
    if (wasRestarting) this.o.onWarning({ conferenceId: this.o.conferenceId, kind: 'recovered', at: this.o.now() });
    child.once('error', (error) => this.o.logger.error({ err: error, conferenceId: this.o.conferenceId }, 'ffmpeg did not start'));
    child.once('exit', () => {
      this.markEnded(runId);
      this.onExit(child);
    });
    // The new FFmpeg starts decoding at a key frame: the rewriter waits for one from the stage camera.
    this.video.resync();
    this.requestKeyFrame();
  }

  private onExit(child: ChildProcess): void {
    if (this.child !== child) return;
    this.child = null;
    if (this.current === 'stopped' || this.current === 'diskFull') return;
    if (performance.now() - this.runStartedAt > STABLE_RUN_MS) this.restartDelayMs = RESTART_BASE_MS;
    this.current = 'restarting';
    this.o.logger.warn({ conferenceId: this.o.conferenceId, inMs: this.restartDelayMs }, 'ffmpeg ended: restarting (the recording has a gap)');
    this.o.onWarning({ conferenceId: this.o.conferenceId, kind: 'ffmpegRestarting', at: this.o.now() });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.startRun();
    }, this.restartDelayMs);
    this.restartDelayMs = Math.min(RESTART_MAX_MS, this.restartDelayMs * 2);
  }

  /** LS5: the run's recording covers nothing after this moment, whatever times FFmpeg gave its last segments. */
  private markEnded(runId: string): void {
    try {
      writeFileSync(join(this.o.dir, 'rec', runId, RUN_ENDED_FILE), String(this.o.now()));
    } catch (error) {
      this.o.logger.warn({ err: error, conferenceId: this.o.conferenceId, runId }, 'could not mark the end of a recorded run');
    }
  }

  /** Kills the running FFmpeg as a crash would (tests): the stream restarts it. */
  killFfmpeg(): void {
    this.child?.kill('SIGKILL');
  }

  private async checkDisk(): Promise<void> {
    let free: number;
    try {
      const stats = await statfs(this.o.dir);
      free = stats.bavail * stats.bsize;
    } catch {
      return;
    }
    if (this.current === 'stopped') return;
    if (free < this.o.minFreeBytes && this.current !== 'diskFull') {
      this.current = 'diskFull';
      this.o.logger.error({ conferenceId: this.o.conferenceId, freeBytes: free }, 'disk almost full: streaming and recording stopped');
      this.o.onWarning({ conferenceId: this.o.conferenceId, kind: 'diskFull', at: this.o.now() });
      const child = this.child;
      this.child = null;
      child?.kill('SIGTERM');
    } else if (free >= this.o.minFreeBytes * 2 && this.current === 'diskFull') {
      this.current = 'restarting';
      this.startRun();
    }
  }

  async close(): Promise<void> {
    this.current = 'stopped';
    this.detach();
    clearInterval(this.silenceTimer);
    clearInterval(this.slateTimer);
    clearInterval(this.keyFrameTimer);
    clearInterval(this.diskTimer);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    }
    this.socket.close();
  }
}
