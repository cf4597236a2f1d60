import type { Browser } from 'playwright-core';
import { PROTOCOL_VERSION } from '@diem-cau/shared';
import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { HubWithClient, type JoinCode } from './support/hubWithClient';
import { launchChromium, shoot, type Console } from './support/consoles';

/**
 * U2 as a delegate sees a rolling upgrade: a console older than its hub reloads itself once and, when the page
 * comes back old, says how to get the new one (never stuck without a word); a console newer than its hub (served
 * by an upgraded node, then balanced to one not upgraded yet) says the server is being upgraded, tries again
 * and carries on once the hub speaks its protocol.
 */
jest.setTimeout(90_000);

let browser: Browser;
const hubs: HubWithClient[] = [];
const consoles: Console[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of consoles) await c.context.close();
  await browser?.close();
  for (const hub of hubs) await hub.close();
});

async function open(hub: HubWithClient, code: string): Promise<Console & { loads: () => number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let loads = 0;
  page.on('load', () => (loads += 1));
  await page.goto(`${hub.url}/join/${code}`);
  const opened = { name: code, context, page, errors, loads: () => loads };
  consoles.push(opened);
  return opened;
}

async function hubWith(protocols: { oldest: number; current: number }, id: string): Promise<{ hub: HubWithClient; codes: JoinCode[] }> {
  const hub = await HubWithClient.start({ protocols });
  hubs.push(hub);
  return { hub, codes: await hub.createConference(FIXTURE_SETUP, id) };
}

const pointCode = (codes: JoinCode[]) => codes.find((c) => c.pointId === 'thai-nguyen')?.code ?? '';

test('U2: a console older than its hub reloads once, then says the page is still old and offers a reload', async () => {
  const { hub, codes } = await hubWith({ oldest: PROTOCOL_VERSION + 1, current: PROTOCOL_VERSION + 1 }, 'hn-e2e-console-cu');
  const console = await open(hub, pointCode(codes));
  const alert = console.page.getByRole('alert');
  await alert.waitFor({ timeout: 20_000 });
  expect(await alert.textContent()).toContain('Trang vẫn tải phiên bản cũ');
  expect(console.loads()).toBe(2);
  await console.page.getByRole('button', { name: 'Tải lại trang' }).waitFor();
  await shoot(console, 'point-console-outdated');
  expect(console.errors).toEqual([]);
});

test('U2: a console newer than its hub says the server is being upgraded, and connects once the hub speaks its protocol', async () => {
  const protocols = { oldest: PROTOCOL_VERSION - 1, current: PROTOCOL_VERSION - 1 };
  const { hub, codes } = await hubWith(protocols, 'hn-e2e-may-chu-cu');
  const console = await open(hub, pointCode(codes));
  const badge = console.page.getByTestId('connection-refused');
  await badge.waitFor({ timeout: 20_000 });
  expect(await badge.textContent()).toContain('Máy chủ đang được nâng cấp');
  await shoot(console, 'point-hub-upgrading');
  // The node is upgraded (here: the same hub now speaks the console's protocol); the console comes back by itself.
  protocols.oldest = PROTOCOL_VERSION;
  protocols.current = PROTOCOL_VERSION;
  await console.page.locator('[data-testid=connection][data-status=connected]').waitFor({ timeout: 15_000 });
  expect(console.loads()).toBe(1);
  expect(console.errors).toEqual([]);
});
