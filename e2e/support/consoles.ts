import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = resolve(__dirname, '../../.artifacts/screenshots');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface Console {
  name: string;
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** One role in its own browser context (own storage, own network), opened through its join link. */
export async function openConsole(browser: Browser, base: string, name: string, code: string, viewport: { width: number; height: number }, opts: { clockSkewMs?: number; timezoneId?: string } = {}): Promise<Console> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: opts.timezoneId ?? 'Asia/Ho_Chi_Minh' });
  if (opts.clockSkewMs) await context.clock.install({ time: Date.now() + opts.clockSkewMs });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${base}/join/${code}`);
  await page.locator('[data-testid=connection][data-status=connected]').waitFor({ timeout: 15_000 });
  return { name, context, page, errors };
}

export async function shoot(c: Console, file: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await c.page.screenshot({ path: resolve(SCREENSHOT_DIR, `${file}.png`), fullPage: !file.startsWith('display') });
}

/** Polls until `read` returns something `check` accepts; fails with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!check(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

export const texts = (page: Page, selector: string) => page.locator(selector).allTextContents().then((all) => all.map((s) => s.trim()));

/** mm:ss (or +mm:ss) to signed seconds. */
export function seconds(clock: string): number {
  const m = /^(\+?)(\d+):(\d\d)$/.exec(clock.trim());
  if (!m) throw new Error(`not a clock: ${clock}`);
  const s = Number(m[2]) * 60 + Number(m[3]);
  return m[1] ? -s : s;
}
