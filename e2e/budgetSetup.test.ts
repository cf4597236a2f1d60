import type { Browser, Page } from 'playwright-core';
import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { HubWithClient, E2E_ADMIN_TOKEN } from './support/hubWithClient';
import { openOrganiserWorkspace } from './support/organiserWorkspace';
import { SCREENSHOT_DIR, eventually, launchChromium } from './support/consoles';

/**
 * The organiser sets speaking time up before the conference, in Chromium (TB1, TB2): names two groups of
 * points (khối), puts each provincial point in one, and budgets the discussion item per group, in proportion
 * to the groups' sizes; then the opening item by hand, minutes per point. What the hub stores is read back.
 */
jest.setTimeout(90_000);

const CONF = 'hn-e2e-budget-setup';
let hub: HubWithClient;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  hub = await HubWithClient.start();
  await hub.createConference(FIXTURE_SETUP, CONF);
  browser = await launchChromium();
  page = await openOrganiserWorkspace(browser, hub.url, E2E_ADMIN_TOKEN, errors);
});

afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

it('TB1 TB2: the organiser groups the points and budgets an item per group, proportionally, before the start', async () => {
  await page.goto(`${hub.url}/to-chuc#/c/${CONF}/budgets`);
  const tab = page.getByTestId('budgets-tab');
  await tab.waitFor();
  for (const name of ['Khối tỉnh ủy phía Bắc', 'Khối đảng ủy trực thuộc']) {
    await tab.getByLabel('Tên nhóm mới').fill(name);
    await tab.getByRole('button', { name: 'Thêm nhóm' }).click();
  }
  await tab.getByLabel('Nhóm của Tỉnh ủy Thái Nguyên').selectOption({ label: 'Khối tỉnh ủy phía Bắc' });
  await tab.getByLabel('Nhóm của Tỉnh ủy Hà Giang').selectOption({ label: 'Khối tỉnh ủy phía Bắc' });
  await tab.getByLabel('Nhóm của Tỉnh ủy Bắc Kạn').selectOption({ label: 'Khối đảng ủy trực thuộc' });
  await tab.getByRole('button', { name: 'Lưu nhóm' }).click();
  await eventually(() => hub.state(CONF).then((s) => s.budgetGroups.list().map((g) => [g.name, g.pointIds])), (g) => g.length === 2, 'the groups stored');

  await tab.getByRole('button', { name: 'Phân bổ thời gian: Thảo luận Chương I' }).click();
  const form = tab.getByTestId('budget-form');
  await form.getByLabel('Tổng thời gian (phút)').fill('30');
  await form.getByLabel('Chia cho').selectOption({ label: 'Từng nhóm' });
  await form.getByLabel('Cách chia').selectOption({ label: 'Theo hệ số' });
  // A group weighs its number of points unless the organiser says otherwise.
  expect(await form.getByLabel('Hệ số: Khối tỉnh ủy phía Bắc').inputValue()).toBe('2');
  await form.getByRole('button', { name: 'Phân bổ', exact: true }).click();
  const item = tab.locator('[data-testid=budget-item][data-item=thao-luan]');
  await item.locator('[data-testid=budget-line]').first().waitFor();
  expect(await item.locator('[data-testid=budget-line] th').allTextContents()).toEqual(['Khối tỉnh ủy phía Bắc', 'Khối đảng ủy trực thuộc']);
  expect(await item.locator('[data-testid=budget-left]').allTextContents()).toEqual(['20:00', '10:00']);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/organiser-budgets.png`, fullPage: true });

  const state = await hub.state(CONF);
  expect(state.budgetGroups.list().map((g) => [g.id, g.name, g.pointIds])).toEqual([
    ['khoi-tinh-uy-phia-bac', 'Khối tỉnh ủy phía Bắc', ['thai-nguyen', 'ha-giang']],
    ['khoi-dang-uy-truc-thuoc', 'Khối đảng ủy trực thuộc', ['bac-kan']],
  ]);
  expect(state.budgets.get('thao-luan')).toMatchObject({ unit: 'group', split: 'proportional', totalS: 1800, shares: [{ id: 'khoi-tinh-uy-phia-bac', allocatedS: 1200 }, { id: 'khoi-dang-uy-truc-thuoc', allocatedS: 600 }] });
  expect(errors).toEqual([]);
});

it('TB2: the organiser budgets an item by hand, minutes per point, the total being their sum', async () => {
  const tab = page.getByTestId('budgets-tab');
  await tab.getByRole('button', { name: 'Phân bổ thời gian: Khai mạc' }).click();
  const form = tab.getByTestId('budget-form');
  await form.getByLabel('Cách chia').selectOption({ label: 'Phân bổ cụ thể' });
  await form.getByLabel('Số phút: Tỉnh ủy Thái Nguyên').fill('5');
  await form.getByLabel('Số phút: Tỉnh ủy Hà Giang').fill('3');
  await form.getByLabel('Số phút: Tỉnh ủy Bắc Kạn').fill('0');
  await form.getByRole('button', { name: 'Phân bổ', exact: true }).click();
  const item = tab.locator('[data-testid=budget-item][data-item=khai-mac]');
  await item.locator('[data-testid=budget-line]').first().waitFor();
  // Per point, then the groups of the first test summed over their points.
  expect(await item.locator('[data-testid=budget-left]').allTextContents()).toEqual(['05:00', '03:00', '00:00', '08:00', '00:00']);
  const state = await hub.state(CONF);
  expect(state.budgets.get('khai-mac')).toMatchObject({ unit: 'point', split: 'manual', totalS: 480, shares: [{ id: 'thai-nguyen', allocatedS: 300 }, { id: 'ha-giang', allocatedS: 180 }, { id: 'bac-kan', allocatedS: 0 }] });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/organiser-budgets-manual.png`, fullPage: true });
  expect(errors).toEqual([]);
});
