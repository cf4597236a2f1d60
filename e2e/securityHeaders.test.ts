import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { demoSetup } from '../server/src/demo/seedDemo';
import { MEDIA_HUB_ADMIN_TOKEN, MediaHub, type MediaHubJoinCode } from '../server/src/media/testing/mediaHub';
import { eventually, launchChromium } from './support/consoles';
import { CLIENT_DIR } from './support/hubWithClient';
import { openMediaConsole, type MediaConsole } from './support/mediaConsoles';

/**
 * Q40 in the browser: the built consoles and the organiser workspace, served by the real hub under its
 * Content-Security-Policy, are used — a point publishes its camera, the chair opens the conference, sees
 * the point's picture and downloads reports, the service worker takes over, the organiser signs in, prints
 * join sheets with QR codes and downloads a report — while every `securitypolicyviolation` event and
 * every CSP message on the console is recorded. None is allowed.
 */
jest.setTimeout(120_000);

const CONF = 'hn-e2e-csp';
const POINT = 'thai-nguyen';
const REPORTED = 'Content Security Policy';

let hub: MediaHub;
let codes: MediaHubJoinCode[];
const work = mkdtempSync(join(tmpdir(), 'diem-cau-csp-e2e-'));
const violations: string[] = [];
const contexts: BrowserContext[] = [];
const code = (role: string, pointId?: string) => codes.find((c) => c.role === role && (pointId === undefined || c.pointId === pointId))?.code ?? '';

/** Every page of the context, present and future, reports its CSP violations here. */
async function watch(context: BrowserContext, name: string): Promise<void> {
  contexts.push(context);
  await context.exposeBinding('reportCspViolation', (_source, text: string) => void violations.push(`${name}: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const onPage = (page: Page) => page.on('console', (m) => {
    if (m.text().includes(REPORTED)) violations.push(`${name} console: ${m.text()}`);
  });
  context.pages().forEach(onPage);
  context.on('page', onPage);
}

/** Opens a media console, then reloads it once the watchers are in place, and checks the page's headers. */
async function watchedConsole(name: string, joinCode: string, colour: { u: number; v: number; toneHz: number }): Promise<MediaConsole> {
  const c = await openMediaConsole(hub.url, work, name, joinCode, { width: 1280, height: 800 }, colour);
  await watch(c.context, name);
  const res = await c.page.reload();
  expectHeaders(res?.headers() ?? {});
  await c.page.locator('[data-testid=connection][data-status=connected]').waitFor({ timeout: 20_000 });
  return c;
}

function expectHeaders(headers: Record<string, string>): void {
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
}

beforeAll(async () => {
  hub = await MediaHub.start({ ports: { min: 43_700, max: 43_749 }, clientDir: CLIENT_DIR });
  ({ joinCodes: codes } = await hub.createConference(demoSetup(), CONF));
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await hub?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('Q40: the consoles and the organiser workspace under the Content-Security-Policy', () => {
  it('Q40: a point and the chair run with media, reports and the service worker, and nothing is blocked', async () => {
    const point = await watchedConsole('point', code('point', POINT), { u: 90, v: 170, toneHz: 440 });
    const chair = await watchedConsole('chair', code('chair'), { u: 128, v: 128, toneHz: 330 });
    await point.page.getByRole('button', { name: 'Xác nhận sẵn sàng' }).click();
    await chair.page.getByRole('button', { name: 'Khai mạc hội nghị' }).click();
    await chair.page.getByRole('button', { name: 'Xác nhận khai mạc' }).click();
    await point.page.getByTestId('agenda-item').first().waitFor();
    const decoded = () => chair.page.evaluate(() => [...document.querySelectorAll('video')].filter((v) => v.videoWidth > 0).length);
    await eventually(decoded, (n) => n > 0, 'the chair decoding the point\'s camera', 30_000);
    const worker = await chair.page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active?.state ?? 'none'));
    expect(worker).toBe('activated');
    await chair.page.getByRole('button', { name: 'Ý kiến theo điều' }).click();
    const [download] = await Promise.all([chair.page.waitForEvent('download'), chair.page.getByTestId('report-minutes-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(download.url()).toMatch(/\/api\/report-links\/[A-Za-z0-9_-]{43}$/);
    const [print] = await Promise.all([chair.context.waitForEvent('page'), chair.page.getByTestId('report-synthesis-html').click()]);
    await print.waitForURL(/\/api\/report-links\//);
    await print.getByRole('button').first().waitFor();
    expect(violations).toEqual([]);
    expect([...point.errors, ...chair.errors]).toEqual([]);
  });

  it('Q40: the organiser signs in, opens a conference, prints join sheets with QR codes and downloads a report; nothing is blocked', async () => {
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
    await watch(context, 'organiser');
    const page = await context.newPage();
    const res = await page.goto(`${hub.url}/to-chuc`);
    expectHeaders(res?.headers() ?? {});
    await page.getByLabel('Mã quản trị').fill(MEDIA_HUB_ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator(`[data-testid=conference-list] tr[data-conference="${CONF}"]`).getByRole('link', { name: /^Mở/ }).click();
    await page.getByRole('link', { name: 'Giấy mời in' }).click();
    await eventually(() => page.locator('[data-testid=join-sheet] img[alt^="Mã QR"]').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length), (n) => n > 0, 'QR codes drawn');
    await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-synthesis-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    expect(violations).toEqual([]);
    await browser.close();
  });
});
