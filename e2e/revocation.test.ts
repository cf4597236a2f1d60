import type { Browser } from 'playwright-core';
import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { E2E_ADMIN_TOKEN, HubWithClient, type JoinCode } from './support/hubWithClient';
import { launchChromium, openConsole, shoot, type Console } from './support/consoles';

/**
 * A3 as a delegate sees it: the organisers revoke a point's join code while its console is open; the
 * console leaves the conference and says, in Vietnamese, that the code was revoked. Another point's
 * console carries on.
 */
jest.setTimeout(60_000);

let hub: HubWithClient;
let browser: Browser;
let codes: JoinCode[];
const consoles: Console[] = [];
const CONF = 'hn-e2e-revoke';

beforeAll(async () => {
  hub = await HubWithClient.start();
  codes = await hub.createConference(FIXTURE_SETUP, CONF);
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of consoles) await c.context.close();
  await browser?.close();
  await hub?.close();
});

const codeOf = (pointId: string) => codes.find((c) => c.pointId === pointId)?.code ?? '';

test('a revoked join code ends the open console with a clear message; other points stay connected', async () => {
  const thaiNguyen = await openConsole(browser, hub.url, 'thai-nguyen', codeOf('thai-nguyen'), { width: 1280, height: 800 });
  const haGiang = await openConsole(browser, hub.url, 'ha-giang', codeOf('ha-giang'), { width: 1280, height: 800 });
  consoles.push(thaiNguyen, haGiang);

  const res = await fetch(`${hub.url}/api/conferences/${CONF}/join-codes/${codeOf('thai-nguyen')}`, { method: 'DELETE', headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } });
  expect(res.status).toBe(200);

  const alert = thaiNguyen.page.getByRole('alert');
  await alert.waitFor({ timeout: 10_000 });
  expect(await alert.textContent()).toContain('Ban tổ chức đã thu hồi mã tham gia của phiên này');
  await shoot(thaiNguyen, 'point-revoked');
  // Reloading does not bring the session back.
  await thaiNguyen.page.reload();
  await thaiNguyen.page.getByRole('alert').waitFor({ timeout: 10_000 });

  await haGiang.page.locator('[data-testid=connection][data-status=connected]').waitFor({ timeout: 2_000 });
  expect([...thaiNguyen.errors, ...haGiang.errors]).toEqual([]);
});
