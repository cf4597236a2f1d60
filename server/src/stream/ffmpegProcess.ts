import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';

/** What the stream pipeline sends FFmpeg: VP8 and Opus, in the router's payload types. */
export const STREAM_VIDEO_PT = 101;
export const STREAM_AUDIO_PT = 100;
/** HLS segment length, seconds: the encoder puts a key frame every two seconds so every segment starts with one. */
export const SEGMENT_S = 2;
/** Segments in the live (sliding) playlist. */
export const LIVE_PLAYLIST_SEGMENTS = 6;
const FRAME_RATE = 25;

/** Finds FFmpeg: the path given, or `ffmpeg` on PATH. Null when it does not run. */
export function findFfmpeg(path = 'ffmpeg'): string | null {
  try {
    const probe = spawnSync(path, ['-hide_banner', '-version'], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 5_000 });
    return probe.status === 0 ? path : null;
  } catch {
    return null;
  }
}

/** The SDP FFmpeg reads: where the hub sends the floor's video and audio, on loopback. */
export function streamSdp(videoPort: number, audioPort: number): string {
  return [
    'v=0', 'o=- 0 0 IN IP4 127.0.0.1', 's=Diem Cau floor', 'c=IN IP4 127.0.0.1', 't=0 0',
    `m=video ${videoPort} RTP/AVP ${STREAM_VIDEO_PT}`, `a=rtpmap:${STREAM_VIDEO_PT} VP8/90000`,
    `m=audio ${audioPort} RTP/AVP ${STREAM_AUDIO_PT}`, `a=rtpmap:${STREAM_AUDIO_PT} opus/48000/2`, '',
  ].join('\r\n');
}

export interface FfmpegRunOptions {
  ffmpegPath: string;
  /** The conference's stream directory: live/ (sliding playlist) and rec/<run>/ (the recording of one run). */
  dir: string;
  runId: string;
  videoPort: number;
  audioPort: number;
  /** Output picture height (the width follows the source's aspect). */
  height: number;
  videoKbps: number;
  /** Seconds since the conference's first run: a restarted FFmpeg's timestamps continue after the old ones, not from 0. */
  tsOffsetS?: number;
}

/**
 * FFmpeg's arguments for one run: RTP in (VP8/Opus), H.264/AAC out, one encode written twice by the tee muxer —
 * the live HLS (2 s segments, sliding playlist of six, old segments deleted, media sequence numbers from the
 * clock so a restarted FFmpeg continues the numbering) and the run's recording (an HLS event playlist with
 * every segment's wall-clock time, EXT-X-PROGRAM-DATE-TIME, from which speeches are cut).
 */
export function ffmpegArgs(o: FfmpegRunOptions): string[] {
  const live = `[f=hls:hls_time=${SEGMENT_S}:hls_list_size=${LIVE_PLAYLIST_SEGMENTS}:hls_flags=delete_segments+independent_segments+omit_endlist:hls_start_number_source=epoch:hls_segment_filename=live/${o.runId}-%d.ts]live/index.m3u8`;
  const record = `[f=hls:hls_time=${SEGMENT_S}:hls_list_size=0:hls_playlist_type=event:hls_flags=program_date_time+independent_segments:hls_segment_filename=rec/${o.runId}/%05d.ts]rec/${o.runId}/index.m3u8`;
  return [
    '-hide_banner', '-loglevel', 'warning', '-nostdin',
    '-protocol_whitelist', 'file,udp,rtp', '-analyzeduration', '3000000', '-probesize', '5000000',
    '-i', 'stream.sdp',
    '-map', '0:v:0', '-map', '0:a:0',
    '-vf', `scale=-2:${o.height}:flags=bilinear,format=yuv420p`, '-fps_mode', 'cfr', '-r', String(FRAME_RATE),
    '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-profile:v', 'main',
    '-b:v', `${o.videoKbps}k`, '-maxrate', `${o.videoKbps}k`, '-bufsize', `${o.videoKbps * 2}k`,
    '-g', String(FRAME_RATE * SEGMENT_S), '-keyint_min', String(FRAME_RATE * SEGMENT_S), '-sc_threshold', '0',
    '-force_key_frames', `expr:gte(t,n_forced*${SEGMENT_S})`,
    '-c:a', 'aac', '-b:a', '96k', '-ar', '48000', '-ac', '2',
    ...(o.tsOffsetS ? ['-output_ts_offset', o.tsOffsetS.toFixed(3)] : []),
    '-f', 'tee', `${live}|${record}`,
  ];
}

/**
 * util-linux's setpriv when the machine has it (Debian and its images always do): FFmpeg then gets SIGKILL when
 * its hub dies, even by SIGKILL, instead of living on as an orphan holding its RTP ports and the live playlist
 * that the conference's next owner writes.
 */
const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((path) => existsSync(path));

/** The command that runs FFmpeg with `args`: under setpriv's parent-death signal where there is one. */
export function ffmpegCommand(ffmpegPath: string, args: string[]): { file: string; args: string[] } {
  return SETPRIV ? { file: SETPRIV, args: ['--pdeathsig', 'KILL', '--', ffmpegPath, ...args] } : { file: ffmpegPath, args };
}

/** Starts one FFmpeg run in `dir` (its SDP written there first). */
export function startFfmpeg(o: FfmpegRunOptions, logger: Logger): ChildProcess {
  mkdirSync(join(o.dir, 'live'), { recursive: true });
  mkdirSync(join(o.dir, 'rec', o.runId), { recursive: true });
  writeFileSync(join(o.dir, 'stream.sdp'), streamSdp(o.videoPort, o.audioPort));
  const command = ffmpegCommand(o.ffmpegPath, ffmpegArgs(o));
  const child = spawn(command.file, command.args, { cwd: o.dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let tail = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-2_000);
    for (const line of chunk.split('\n')) if (line.trim()) logger.debug({ ffmpeg: line.trim() }, 'ffmpeg');
  });
  child.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM' && signal !== 'SIGKILL') logger.warn({ code, signal, stderrTail: tail }, 'ffmpeg ended');
  });
  return child;
}
