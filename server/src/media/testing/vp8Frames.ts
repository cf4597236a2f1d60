import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const IVF_HEADER_BYTES = 32;
const IVF_FRAME_HEADER_BYTES = 12;

/**
 * One real VP8 key frame of a plain colour, encoded by Debian's FFmpeg (libvpx): the stream's slate is made so
 * (scripts/stream/makeSlateFrame.ts), and tests send it as a camera FFmpeg can decode, unlike the shaped filler
 * of SyntheticSender. Each key frame stands alone, so sending the same one again and again is a valid stream.
 */
export function encodeVp8KeyFrame(rgb: string, size: string, ffmpegPath = 'ffmpeg'): Buffer {
  const work = mkdtempSync(join(tmpdir(), 'diem-cau-vp8-'));
  try {
    const ivf = join(work, 'frame.ivf');
    execFileSync(ffmpegPath, ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `color=c=${rgb}:s=${size}:r=1`, '-frames:v', '1', '-c:v', 'libvpx', '-b:v', '200k', '-f', 'ivf', ivf]);
    const file = readFileSync(ivf);
    const length = file.readUInt32LE(IVF_HEADER_BYTES);
    const frame = Buffer.from(file.subarray(IVF_HEADER_BYTES + IVF_FRAME_HEADER_BYTES, IVF_HEADER_BYTES + IVF_FRAME_HEADER_BYTES + length));
    if ((frame[0]! & 1) !== 0) throw new Error('not a VP8 key frame');
    return frame;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
