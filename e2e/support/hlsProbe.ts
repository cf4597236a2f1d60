import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs FFmpeg (or ffprobe) and gives its stdout; rejects on a non-zero exit. Never blocks the event loop (the hub runs in this process). */
export function runTool(tool: 'ffmpeg' | 'ffprobe', args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err = (err + c).slice(-2_000)));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`${tool} exited ${code}: ${err}`))));
  });
}

export interface Playlist { mediaSequence: number; segments: string[]; endList: boolean }

export function parsePlaylist(text: string): Playlist {
  const lines = text.split('\n').map((l) => l.trim());
  const seq = lines.find((l) => l.startsWith('#EXT-X-MEDIA-SEQUENCE:'));
  return { mediaSequence: seq ? Number(seq.split(':')[1]) : 0, segments: lines.filter((l) => l && !l.startsWith('#')), endList: lines.includes('#EXT-X-ENDLIST') };
}

/** Mean chroma (U, V) of a picture's last frame, from an 8×8 downscale: each test point's camera has its own colour. */
export async function lastFrameChroma(file: string): Promise<{ u: number; v: number } | null> {
  // Every frame of the (2 s) segment at 8×8, the last one kept: seeking from the end of an MPEG-TS is not reliable.
  const raw = await runTool('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-i', file, '-an', '-vf', 'scale=8:8', '-pix_fmt', 'yuv420p', '-f', 'rawvideo', '-']);
  if (raw.length < 96) return null;
  const frame = raw.subarray(raw.length - 96);
  const u = frame.subarray(64, 80);
  const v = frame.subarray(80, 96);
  const mean = (b: Buffer) => b.reduce((s, x) => s + x, 0) / b.length;
  return { u: mean(u), v: mean(v) };
}

/** The newest segment of a live playlist, downloaded over HTTP, and its last frame's colour. */
export async function liveEdgeChroma(playlistUrl: string): Promise<{ u: number; v: number; segment: string } | null> {
  const playlist = parsePlaylist(await (await fetch(playlistUrl)).text());
  const last = playlist.segments[playlist.segments.length - 1];
  if (!last) return null;
  const res = await fetch(new URL(last, playlistUrl));
  if (!res.ok) return null;
  const dir = mkdtempSync(join(tmpdir(), 'diem-cau-hls-'));
  try {
    const file = join(dir, 'segment.ts');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const chroma = await lastFrameChroma(file);
    return chroma ? { ...chroma, segment: last } : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Streams of a media file as ffprobe sees them, and its duration in seconds. */
export async function probe(file: string): Promise<{ duration: number; codecs: string[] }> {
  const json = JSON.parse((await runTool('ffprobe', ['-v', 'error', '-show_entries', 'format=duration:stream=codec_name', '-of', 'json', file])).toString()) as { format: { duration: string }; streams: Array<{ codec_name: string }> };
  return { duration: Number(json.format.duration), codecs: json.streams.map((s) => s.codec_name) };
}

/** Which test colour a chroma is nearest to. */
export function nearest<K extends string>(chroma: { u: number; v: number }, colours: Record<K, { u: number; v: number }>): K {
  const entries = Object.entries(colours) as Array<[K, { u: number; v: number }]>;
  return entries.reduce((best, [k, c]) => (Math.hypot(chroma.u - c.u, chroma.v - c.v) < Math.hypot(chroma.u - colours[best].u, chroma.v - colours[best].v) ? k : best), entries[0]![0]);
}
