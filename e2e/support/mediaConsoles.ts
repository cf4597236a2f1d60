import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { writeMovingY4m, writeToneWav } from '../../server/src/media/testing/fakeCapture';
import { CHROMIUM_ARGS, SCREENSHOT_DIR, eventually } from './consoles';

/** Consoles with media: each its own Chromium with fake devices fed by a generated moving picture and a tone. */
export interface Received { producerId: string; pointId: string; source: string; kind: string; bytesReceived: number; framesDecoded: number; audioLevel: number; totalAudioEnergy: number }
export interface Stage { point: string; producer: string; videoWidth: number; caption: string }
export interface MediaConsole { name: string; page: Page; context: BrowserContext; errors: string[] }
export type Diagnostics = {
  stats(): Promise<Received[]>;
  ownProducerId(source: string): string | undefined;
  request(body: unknown): Promise<{ ok: boolean; data?: unknown }>;
  snapshot(): { producers: Array<{ producerId: string; pointId: string; source: string; paused: boolean; heldByServer: boolean }> };
};


/** One browser per console: fake-capture flags are per browser process (and playwright wants a fresh profile). */
export async function openMediaConsole(base: string, work: string, name: string, joinCode: string, viewport: { width: number; height: number }, colour: { u: number; v: number; toneHz: number }): Promise<MediaConsole> {
  const dir = join(work, name);
  mkdirSync(dir);
  const video = join(dir, 'camera.y4m');
  const audio = join(dir, 'mic.wav');
  writeMovingY4m(video, { width: 320, height: 240, fps: 8, frames: 16, u: colour.u, v: colour.v });
  writeToneWav(audio, colour.toneHz);
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`, `--use-file-for-fake-audio-capture=${audio}`, '--autoplay-policy=no-user-gesture-required'],
    viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
  await page.goto(`${base}/join/${joinCode}`);
  await page.locator('[data-testid=connection][data-status=connected]').waitFor({ timeout: 20_000 });
  return { name, page, context, errors };
}

export const diagnostics = <T>(p: Page, fn: (d: Diagnostics, arg: string) => T | Promise<T>, arg = ''): Promise<T> =>
  p.evaluate(([source, a]) => {
    const d = (window as unknown as { diemCauMedia: Diagnostics }).diemCauMedia;
    return (new Function('d', 'a', `return (${source})(d, a)`) as (d: Diagnostics, a: string) => T)(d, a);
  }, [fn.toString(), arg] as const);

export const received = (p: Page) => diagnostics(p, (d) => d.stats());
export const stage = (p: Page): Promise<Stage> =>
  p.evaluate(() => {
    const el = document.querySelector('[data-testid=media-stage]');
    return {
      point: el?.getAttribute('data-stage-point') ?? '', producer: el?.getAttribute('data-stage-producer') ?? '',
      videoWidth: el?.querySelector('video')?.videoWidth ?? 0, caption: el?.querySelector('[data-testid=stage-caption]')?.textContent ?? '',
    };
  });
export const of = (stats: Received[], pointId: string, source: string) => stats.find((s) => s.pointId === pointId && s.source === source);

/** The whole console, and its media slot on its own (a point's own-state bar sits below the fold). */
export async function shootMedia(c: MediaConsole, file: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await c.page.screenshot({ path: join(SCREENSHOT_DIR, `${file}.png`) });
  await c.page.locator('[data-media-slot]').screenshot({ path: join(SCREENSHOT_DIR, `${file}-slot.png`) });
}

/** Wall-clock time at which the page's stage first shows a decoded frame of the point's camera. */
export function firstStageFrameAt(p: Page, pointId: string, timeoutMs = 5_000): Promise<number> {
  return p.evaluate(([point, timeout]) => new Promise<number>((resolve, reject) => {
    const deadline = Date.now() + timeout;
    const check = () => {
      const el = document.querySelector('[data-testid=media-stage]');
      const video = el?.querySelector('video');
      if (el?.getAttribute('data-stage-point') === point && video && video.videoWidth > 0) return resolve(Date.now());
      if (Date.now() > deadline) return reject(new Error(`no frame of ${point} on the stage`));
      setTimeout(check, 10);
    };
    check();
  }), [pointId, timeoutMs] as const);
}

/** A point's main camera decoded on a page's stage, with frames still arriving. */
export async function decodesStage(p: Page, pointId: string, timeoutMs: number): Promise<void> {
  await eventually(async () => {
    const [s, stats] = await Promise.all([stage(p), received(p)]);
    return { s, frames: of(stats, pointId, 'main')?.framesDecoded ?? 0 };
  }, ({ s, frames }) => s.point === pointId && s.videoWidth > 0 && frames > 0, `${pointId} on the stage`, timeoutMs);
  const before = of(await received(p), pointId, 'main')?.framesDecoded ?? 0;
  await eventually(async () => of(await received(p), pointId, 'main')?.framesDecoded ?? 0, (n) => n > before + 3, `${pointId} frames keep coming`, 5_000);
}

