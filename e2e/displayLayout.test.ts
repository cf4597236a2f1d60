import type { Browser } from 'playwright-core';
import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { TestClient } from '../server/src/testing/testClient';
import { postJson } from '../server/src/testing/nodeSessions';
import { HubWithClient, type JoinCode } from './support/hubWithClient';
import { launchChromium, openConsole, shoot, type Console } from './support/consoles';

/**
 * The hall screen at the sizes halls have (720p projector, 1080p screen, 4K wall): nothing overlaps,
 * nothing is cut off, with a speaker, a queue of three with priority badges and an agenda item.
 */
jest.setTimeout(90_000);

const CONF = 'hn-e2e-display';
const SIZES = [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }, { width: 3840, height: 2160 }] as const;
let hub: HubWithClient;
let browser: Browser;
let codes: JoinCode[];
let chair: TestClient;
const opened: Console[] = [];

const codeOf = (role: string, pointId?: string) => codes.find((c) => c.role === role && (pointId === undefined || c.pointId === pointId))?.code ?? '';
const session = async (role: string, pointId?: string) => {
  const { token } = (await postJson(hub.url, '/api/sessions', { code: codeOf(role, pointId) })).body as { token: string };
  return TestClient.connect(hub.url, token, CONF);
};

beforeAll(async () => {
  hub = await HubWithClient.start();
  codes = await hub.createConference(FIXTURE_SETUP, CONF);
  browser = await launchChromium();
  chair = await session('chair');
  expect((await chair.command({ type: 'conference.start' })).ok).toBe(true);
  expect((await chair.command({ type: 'agenda.activate', itemId: 'thao-luan' })).ok).toBe(true);
  const ask = async (pointId: string, name: string, priority: 'normal' | 'reply' | 'order') => {
    const res = await chair.command({ type: 'floor.request', pointId, delegate: { name, position: 'Phó Trưởng Ban Tổ chức Tỉnh ủy' }, articles: [{ article: 1 }], topic: '', priority });
    expect(res.ok).toBe(true);
  };
  await ask('thai-nguyen', 'Dương Xuân Hùng', 'normal');
  await chair.waitForSeq(chair.seq);
  const first = chair.state?.queue[0];
  expect((await chair.command({ type: 'floor.grant', requestId: first })).ok).toBe(true);
  await ask('ha-giang', 'Nguyễn Thị Phương Thảo', 'order');
  await ask('bac-kan', 'Hoàng Văn Thạch', 'reply');
  await ask('thai-nguyen', 'Nông Thị Hạnh Nguyên', 'normal');
});

afterAll(async () => {
  for (const c of opened) await c.context.close();
  chair?.close();
  await browser?.close();
  await hub?.close();
});

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const size of SIZES) {
  it(`at ${size.width}×${size.height}: the timer, the divider and the next speakers do not overlap; badges are whole`, async () => {
    const display = await openConsole(browser, hub.url, `display-${size.width}`, codeOf('display'), size);
    opened.push(display);
    const { page } = display;
    await page.getByTestId('display-speaker').waitFor();
    await page.locator('[data-testid=display-queue] li').nth(2).waitFor();
    await shoot(display, `display-layout-${size.width}x${size.height}`);
    const timer = await page.locator('[data-testid=display-speaker] .timer').boundingBox();
    const foot = await page.locator('.wall__foot').boundingBox();
    const next = await page.locator('#wall-next').boundingBox();
    expect(timer && foot && next).toBeTruthy();
    expect(overlaps(timer!, foot!)).toBe(false);
    expect(overlaps(timer!, next!)).toBe(false);
    // Every badge inside the viewport and inside its row, not clipped.
    const clipped = await page.locator('[data-testid=display-queue] li').evaluateAll((rows) => rows.flatMap((row) => {
      const r = row.getBoundingClientRect();
      return [...row.querySelectorAll('.badge, [class*=priority]')].map((b) => b.getBoundingClientRect()).filter((b) => b.right > r.right + 0.5 || b.bottom > r.bottom + 0.5 || b.right > window.innerWidth || b.bottom > window.innerHeight).length;
    }));
    expect(clipped).toEqual([0, 0, 0]);
    // The page does not scroll: a hall screen shows everything at once.
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1 && document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    expect(display.errors).toEqual([]);
  });
}
