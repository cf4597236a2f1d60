import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SLATE_RGB } from '../slateFrame';

/** The newest segment of a live HLS directory: its mean colour (RGB, from a 1×1 downscale of its last frame) and its streams. */
export async function liveEdge(dir: string): Promise<{ segment: string; index: number; rgb: [number, number, number]; codecs: string[] } | null> {
  let playlist: string;
  try {
    playlist = readFileSync(join(dir, 'live', 'index.m3u8'), 'utf8');
  } catch {
    return null;
  }
  const segment = playlist.split('\n').filter((l) => l.endsWith('.ts')).pop();
  if (!segment) return null;
  const file = join(dir, 'live', segment);
  const raw = await tool('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-i', file, '-an', '-vf', 'scale=1:1', '-pix_fmt', 'rgb24', '-f', 'rawvideo', '-']);
  const codecs = (await tool('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', file])).toString().split('\n').filter((c) => c.trim());
  const last = raw.subarray(raw.length - 3);
  // ffprobe names each stream once per MPEG-TS program too.
  return { segment, index: Number(/-(\d+)\.ts$/.exec(segment)?.[1] ?? 0), rgb: [last[0]!, last[1]!, last[2]!], codecs: [...new Set(codecs.map((c) => c.trim()))].sort() };
}

function tool(name: 'ffmpeg' | 'ffprobe', args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(name, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`${name} exited ${code}`))));
  });
}

/** Whether a colour is the slate's (the encode moves it a little). */
export function isSlate(rgb: readonly number[]): boolean {
  const want = [1, 2, 3].map((i) => parseInt(SLATE_RGB.slice(2 * i, 2 * i + 2), 16));
  return rgb.every((c, i) => Math.abs(c - want[i]!) <= 14);
}

/** Reads until `ok` holds (a read that throws counts as not yet). */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
