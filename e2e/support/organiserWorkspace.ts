import type { Browser, Page } from 'playwright-core';

/**
 * A Chromium page signed in to the organiser workspace (`/to-chuc`) with the admin token, on its list of
 * conferences; page errors go to `errors`. Vietnamese, Hanoi time, downloads accepted.
 */
export async function openOrganiserWorkspace(browser: Browser, url: string, adminToken: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}/to-chuc`);
  await page.getByLabel('Mã quản trị').fill(adminToken);
  await page.getByLabel('Mã quản trị').press('Enter');
  await page.getByRole('heading', { name: 'Hội nghị', exact: true }).waitFor();
  return page;
}
