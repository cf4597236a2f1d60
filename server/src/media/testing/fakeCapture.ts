import { writeFileSync } from 'node:fs';

/**
 * Inputs for Chromium's fake capture devices (`--use-file-for-fake-video-capture`, `…-audio-capture`):
 * real motion and a steady tone, so encoders work as with a camera and audio levels are never zero.
 */

export interface MovingPictureOptions {
  width: number;
  height: number;
  fps: number;
  frames: number;
  /** Chroma of the background (0–255, 128 is grey): each point gets its own colour in screenshots. */
  u: number;
  v: number;
}

/** A .y4m (4:2:0) of diagonal bars sliding across the picture and a block bouncing along the bottom. */
export function writeMovingY4m(path: string, o: MovingPictureOptions): void {
  const { width: w, height: h } = o;
  const header = Buffer.from(`YUV4MPEG2 W${w} H${h} F${o.fps}:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const lumaSize = w * h;
  const chromaSize = (w / 2) * (h / 2);
  const frames: Buffer[] = [header];
  for (let f = 0; f < o.frames; f += 1) {
    const frame = Buffer.alloc(6 + lumaSize + 2 * chromaSize);
    frame.write('FRAME\n', 0, 'ascii');
    const luma = frame.subarray(6, 6 + lumaSize);
    const blockX = Math.round((Math.sin((2 * Math.PI * f) / o.frames) * 0.4 + 0.5) * (w - 48));
    for (let y = 0; y < h; y += 1) {
      for (let x = 0; x < w; x += 1) {
        const bar = (x + y + f * 6) % 48 < 24;
        const block = y > h - 56 && y < h - 8 && x >= blockX && x < blockX + 48;
        luma[y * w + x] = block ? 235 : bar ? 170 : 70;
      }
    }
    frame.fill(o.u, 6 + lumaSize, 6 + lumaSize + chromaSize);
    frame.fill(o.v, 6 + lumaSize + chromaSize);
    frames.push(frame);
  }
  writeFileSync(path, Buffer.concat(frames));
}

/** A mono 16-bit 48 kHz WAV of a sine tone (Chromium loops it). */
export function writeToneWav(path: string, frequencyHz: number, seconds = 1, amplitude = 0.3): void {
  const rate = 48_000;
  const samples = rate * seconds;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i += 1) data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * frequencyHz * i) / rate) * amplitude * 32_767), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  writeFileSync(path, Buffer.concat([header, data]));
}
