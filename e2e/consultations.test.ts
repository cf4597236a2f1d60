import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { Browser } from 'playwright-core';
import { ALTERNATIVES_SETUP } from '@diem-cau/shared/testing';
import { SCREENSHOT_DIR, eventually, launchChromium, openConsole, shoot, texts, type Console } from './support/consoles';
import { HubWithClient, type JoinCode } from './support/hubWithClient';
import { TestClient } from '../server/src/testing/testClient';
import { postJson } from '../server/src/testing/nodeSessions';

/**
 * A consultation (lấy ý kiến) on a draft's alternatives as the room runs it, in Chromium (PO1–PO12): the chair
 * opens one on Điều 2's two alternatives from the console; Thái Nguyên and Hà Giang answer from their own
 * consoles (Hà Giang offline, its answer queued and sent once on reconnecting; Thái Nguyên changes its mind);
 * the display shows the live tally, then only the counts when the chair hides the names; the point yet to
 * answer is listed; the chair records Bắc Kạn's answer for it (PO13); the chair closes it and the points read the
 * result (PO14); the synthesis (XLSX, print view) and the minutes (DOCX, PO15) carry the positions.
 */
jest.setTimeout(150_000);

const CONF = 'hn-e2e-positions';
let hub: HubWithClient;
let browser: Browser;
let codes: JoinCode[];
let c: Record<'chair' | 'tn' | 'hg' | 'display', Console>;

const codeOf = (role: string, pointId?: string) => codes.find((x) => x.role === role && (pointId === undefined || x.pointId === pointId))?.code ?? '';

beforeAll(async () => {
  hub = await HubWithClient.start();
  codes = await hub.createConference(ALTERNATIVES_SETUP, CONF);
  browser = await launchChromium();
  c = {
    chair: await openConsole(browser, hub.url, 'chair', codeOf('chair'), { width: 1440, height: 1000 }),
    tn: await openConsole(browser, hub.url, 'point', codeOf('point', 'thai-nguyen'), { width: 1280, height: 900 }),
    hg: await openConsole(browser, hub.url, 'point', codeOf('point', 'ha-giang'), { width: 1280, height: 900 }),
    display: await openConsole(browser, hub.url, 'display', codeOf('display'), { width: 1920, height: 1080 }),
  };
  await c.chair.page.getByRole('button', { name: 'Khai mạc hội nghị' }).click();
  await c.chair.page.getByRole('button', { name: 'Xác nhận khai mạc' }).click();
  await eventually(() => hub.state(CONF).then((s) => s.status), (s) => s === 'live', 'the conference to start');
});

afterAll(async () => {
  for (const x of Object.values(c ?? {})) await x.context.close();
  await browser?.close();
  await hub?.close();
});

afterEach(() => {
  expect(Object.values(c).flatMap((x) => x.errors)).toEqual([]);
});

const positionsOf = async () => {
  const s = await hub.state(CONF);
  return s.positions.list().map((p) => `${p.pointId}:${p.optionId}:${p.reason}`).sort();
};

it('PO1 PO4 PO5 PO7 PO12: the chair consults on Điều 2’s alternatives, two points answer from their consoles, the display shows the tally', async () => {
  const chair = c.chair.page;
  const panel = chair.locator('[data-panel=consultation]');
  await panel.getByTestId('consult-new').click();
  await panel.getByTestId('consult-article').selectOption('2');
  await panel.getByLabel('Chọn phương án').check();
  await panel.getByTestId('consult-open').click();
  await panel.getByTestId('consult-question').getByText('Lấy ý kiến về Điều 2').waitFor();
  expect(await texts(chair, '[data-panel=consultation] [data-testid=tally-unanswered]')).toEqual(['Chưa trả lời: Tỉnh ủy Bắc Kạn, Tỉnh ủy Hà Giang, Tỉnh ủy Thái Nguyên']);

  // Thái Nguyên answers Phương án 1, with the alternatives' texts in front of it.
  const tn = c.tn.page;
  const form = tn.getByTestId('consult-answer');
  await form.getByText('Giảm còn hai phó bí thư.').waitFor();
  await form.getByTestId('consult-option-pa1').check();
  await form.getByTestId('consult-send').click();
  await eventually(() => form.getByTestId('consult-mine').textContent(), (t) => t?.startsWith('Đã gửi: Phương án 1') ?? false, 'Thái Nguyên’s answer acknowledged');

  // Hà Giang answers offline: the answer waits in its outbox and reaches the hub once, on reconnecting.
  const hg = c.hg.page;
  await c.hg.context.setOffline(true);
  await hg.locator('[data-testid=connection][data-status=offline]').waitFor();
  const hgForm = hg.getByTestId('consult-answer');
  await hgForm.getByTestId('consult-option-pa2').check();
  await hgForm.getByTestId('consult-reason').fill('Phù hợp với thực tiễn miền núi');
  await hgForm.getByTestId('consult-send').click();
  await eventually(() => hgForm.getByTestId('consult-mine').textContent(), (t) => t === 'Đang chờ gửi: Phương án 2', 'the answer waiting offline');
  await shoot(c.hg, 'point-consult-offline');
  expect(await positionsOf()).toEqual(['thai-nguyen:pa1:']);
  await c.hg.context.setOffline(false);
  await hg.locator('[data-testid=connection][data-status=connected]').waitFor({ timeout: 15_000 });
  await eventually(() => hgForm.getByTestId('consult-mine').textContent(), (t) => t?.startsWith('Đã gửi: Phương án 2') ?? false, 'Hà Giang’s answer sent');

  // Thái Nguyên changes its mind, with a reason; one position per point.
  await form.getByTestId('consult-option-pa2').check();
  await form.getByTestId('consult-reason').fill('Tinh gọn bộ máy');
  await form.getByTestId('consult-send').click();
  await eventually(positionsOf, (p) => p.join('|') === 'ha-giang:pa2:Phù hợp với thực tiễn miền núi|thai-nguyen:pa2:Tinh gọn bộ máy', 'both positions in the hub');
  const log = (await hub.state(CONF)).positions.list();
  expect(log.find((p) => p.pointId === 'ha-giang')?.changes).toBe(0);
  expect(log.find((p) => p.pointId === 'thai-nguyen')?.changes).toBe(1);
  await shoot(c.tn, 'point-consult');

  // The chair and the display see the tally, names in Vietnamese order, Bắc Kạn yet to answer.
  const tally = (page: typeof chair, option: string) => page.locator(`[data-testid=tally-${option}]`);
  await eventually(() => tally(chair, 'pa2').getByTestId('tally-count').textContent(), (t) => t === '2', 'the chair’s tally');
  expect(await tally(chair, 'pa2').locator('.tally__points li').allTextContents()).toEqual([
    'Tỉnh ủy Hà Giang — “Phù hợp với thực tiễn miền núi”', 'Tỉnh ủy Thái Nguyên — “Tinh gọn bộ máy”',
  ]);
  expect(await texts(chair, '[data-panel=consultation] [data-testid=tally-unanswered]')).toEqual(['Chưa trả lời: Tỉnh ủy Bắc Kạn']);
  await shoot(c.chair, 'chair-consult');
  const display = c.display.page;
  await eventually(() => tally(display, 'pa2').getByTestId('tally-count').textContent(), (t) => t === '2', 'the display’s tally');
  expect(await tally(display, 'pa2').locator('.tally__points li').allTextContents()).toEqual(['Tỉnh ủy Hà Giang', 'Tỉnh ủy Thái Nguyên']);
  expect(await tally(display, 'pa1').getByTestId('tally-count').textContent()).toBe('0');
  expect(await texts(display, '[data-testid=display-consult] [data-testid=tally-answered]')).toEqual(['2/3 điểm cầu đã trả lời']);
  await shoot(c.display, 'display-consult');

  // The chair hides the names: the hall keeps only the counts.
  // A controlled box: it shows the hub's state, so it is checked once the event is back.
  await panel.getByTestId('consult-hide-names').click();
  await eventually(() => panel.getByTestId('consult-hide-names').isChecked(), Boolean, 'names hidden in the hub');
  await tally(display, 'pa2').locator('.tally__points').waitFor({ state: 'detached' });
  expect(await tally(display, 'pa2').getByTestId('tally-count').textContent()).toBe('2');
  await shoot(c.display, 'display-consult-counts');
});

it('PO13: the chair records Bắc Kạn’s answer for it (its console down, it answered by phone); the tally and the log say the chair recorded it', async () => {
  const chair = c.chair.page;
  const panel = chair.locator('[data-panel=consultation]');
  // Names shown again, so the points see who chose what once it closes (PO14).
  await panel.getByTestId('consult-hide-names').click();
  await eventually(() => panel.getByTestId('consult-hide-names').isChecked(), (checked) => !checked, 'names shown in the hub');
  await panel.getByTestId('consult-record').click();
  const form = panel.getByTestId('consult-record-form');
  const point = form.getByTestId('consult-record-point');
  // Vietnamese order, each with what it answered; the one yet to answer comes chosen.
  expect(await point.locator('option').allTextContents()).toEqual([
    'Tỉnh ủy Bắc Kạn — chưa trả lời', 'Tỉnh ủy Hà Giang — Phương án 2', 'Tỉnh ủy Thái Nguyên — Phương án 2',
  ]);
  expect(await point.inputValue()).toBe('bac-kan');
  await form.getByTestId('consult-record-pa1').check();
  await form.getByTestId('consult-record-reason').fill('Điểm cầu báo qua điện thoại');
  await chair.mouse.move(0, 0);
  await panel.screenshot({ path: resolve(SCREENSHOT_DIR, 'chair-consult-record.png') });
  await form.getByTestId('consult-record-submit').click();
  await panel.getByTestId('consult-recorded').getByText('Đã ghi nhận thay Tỉnh ủy Bắc Kạn: Phương án 1').waitFor();
  await eventually(positionsOf, (p) => p.includes('bac-kan:pa1:Điểm cầu báo qua điện thoại'), 'Bắc Kạn’s answer in the hub');
  expect((await hub.state(CONF)).positions.list().find((p) => p.pointId === 'bac-kan')?.recordedBy).toBe('chair');
  expect(await chair.locator('[data-panel=consultation] [data-testid=tally-pa1] .tally__points li').allTextContents()).toEqual([
    'Tỉnh ủy Bắc Kạn (chủ trì ghi nhận) — “Điểm cầu báo qua điện thoại”',
  ]);
  expect(await texts(chair, '[data-panel=consultation] [data-testid=tally-answered]')).toEqual(['3/3 điểm cầu đã trả lời']);
  await eventually(() => texts(c.display.page, '[data-testid=tally-pa1] .tally__points li'), (t) => t.join() === 'Tỉnh ủy Bắc Kạn (chủ trì ghi nhận)', 'the display names who recorded it');
});

it('PO3 PO11 PO12 PO14 PO15: the chair closes it; the points’ answer forms go and they read the result, the display says it closed; the synthesis (XLSX, print view) and the minutes (DOCX) carry the positions', async () => {
  const chair = c.chair.page;
  const panel = chair.locator('[data-panel=consultation]');
  await panel.getByTestId('consult-close').click();
  await panel.getByTestId('consult-status').getByText('Đã kết thúc').waitFor();
  await c.tn.page.getByTestId('consult-answer').waitFor({ state: 'detached' });
  await c.display.page.getByTestId('display-consult-closed').waitFor();

  // PO14: Thái Nguyên now reads the result: its own answer, who chose what (names shown), no reasons.
  const result = c.tn.page.getByTestId('consult-result');
  await result.waitFor();
  expect(await result.getByTestId('consult-result-status').textContent()).toBe('Đã kết thúc');
  expect(await result.getByTestId('consult-result-mine').textContent()).toBe('Ý kiến của điểm cầu: Phương án 2');
  expect(await result.locator('[data-testid=tally-pa1] .tally__points li').allTextContents()).toEqual(['Tỉnh ủy Bắc Kạn (chủ trì ghi nhận)']);
  expect(await result.locator('[data-testid=tally-pa2] .tally__points li').allTextContents()).toEqual(['Tỉnh ủy Hà Giang', 'Tỉnh ủy Thái Nguyên']);
  expect(await result.getByTestId('tally-answered').textContent()).toBe('3/3 điểm cầu đã trả lời');
  expect(await result.textContent()).not.toContain('Tinh gọn bộ máy');
  expect(await result.locator('[data-testid=tally-pa1] .tally__text').textContent()).toBe(' — Giữ ba phó bí thư.');
  await c.tn.page.mouse.move(0, 0);
  await result.screenshot({ path: resolve(SCREENSHOT_DIR, 'point-consult-result.png') });
  await shoot(c.tn, 'point-consult-result-page');
  const state = await hub.state(CONF);
  expect(state.consultations.list().map((x) => x.status.kind)).toEqual(['closed']);

  await chair.getByRole('button', { name: 'Ý kiến theo điều' }).click();
  const [download] = await Promise.all([chair.waitForEvent('download'), chair.getByTestId('report-synthesis-xlsx').click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('Ý kiến về phương án');
  const rows = [2, 3, 4].map((n) => (sheet?.getRow(n).values as unknown[]).slice(4).map(String));
  expect(rows).toEqual([
    ['Phương án 1', 'Giữ ba phó bí thư.', '1', 'Tỉnh ủy Bắc Kạn (chủ trì ghi nhận)', 'Điểm cầu báo qua điện thoại'],
    ['Phương án 2', 'Giảm còn hai phó bí thư.', '2', 'Tỉnh ủy Hà Giang', 'Phù hợp với thực tiễn miền núi'],
    ['Phương án 2', 'Giảm còn hai phó bí thư.', '2', 'Tỉnh ủy Thái Nguyên', 'Tinh gọn bộ máy'],
  ]);
  expect(sheet?.actualRowCount).toBe(4);

  const [print] = await Promise.all([c.chair.context.waitForEvent('page'), chair.getByTestId('report-synthesis-html').click()]);
  await print.waitForURL(/\/api\/report-links\//);
  const block = print.locator('.positions').first();
  await block.waitFor();
  expect(await block.locator('p').first().textContent()).toMatch(/^Lấy ý kiến về các phương án \(Điều 2\), \d\d:\d\d – \d\d:\d\d: 3\/3 điểm cầu trả lời\.$/);
  expect(await block.locator('td').allTextContents()).toContain('Tỉnh ủy Hà Giang (“Phù hợp với thực tiễn miền núi”); Tỉnh ủy Thái Nguyên (“Tinh gọn bộ máy”)');
  await print.screenshot({ path: resolve(SCREENSHOT_DIR, 'synthesis-positions.png'), fullPage: true });
  await print.close();

  // PO15: the minutes' DOCX, downloaded from the same tab, has the timeline lines and the section on consultations.
  const [minutes] = await Promise.all([chair.waitForEvent('download'), chair.getByTestId('report-minutes-docx').click()]);
  const { value: text } = await mammoth.extractRawText({ buffer: await readFile(await minutes.path()) });
  expect(text).toMatch(/\d\d:\d\d:\d\d\. Lấy ý kiến các điểm cầu về các phương án của Điều 2\./);
  expect(text).toMatch(/\d\d:\d\d:\d\d\. Kết thúc lấy ý kiến về Điều 2: Phương án 1: 1, Phương án 2: 2 \(3\/3 điểm cầu trả lời\)\./);
  const section = text.slice(text.indexOf('LẤY Ý KIẾN CÁC ĐIỂM CẦU'));
  expect(section).toMatch(/^LẤY Ý KIẾN CÁC ĐIỂM CẦU\n+Lấy ý kiến về các phương án \(Điều 2\), \d\d:\d\d – \d\d:\d\d: 3\/3 điểm cầu trả lời\./);
  expect(section).toContain('Tỉnh ủy Bắc Kạn (chủ trì ghi nhận) (“Điểm cầu báo qua điện thoại”)');
  expect(section).toContain('Tỉnh ủy Hà Giang (“Phù hợp với thực tiễn miền núi”); Tỉnh ủy Thái Nguyên (“Tinh gọn bộ máy”)');
});

it('PO6 PO12 PO14 PO17: a time limit runs out: the points see it count down, their forms go at the deadline, the expiry is recorded (the hub’s timer or the chair’s console, one close), the point’s result keeps the names hidden', async () => {
  // Ten seconds, below what the console offers (whole minutes), through the chair's own socket.
  const { token } = (await postJson(hub.url, '/api/sessions', { code: codeOf('chair') })).body as { token: string };
  const socket = await TestClient.connect(hub.url, token, CONF);
  try {
    const res = await socket.command({ type: 'consultation.open', kind: 'approval', article: 1, clause: 2, timeLimitS: 10, hideNames: true });
    expect(res.ok).toBe(true);
    const form = c.tn.page.getByTestId('consult-answer');
    await form.getByTestId('consult-countdown').waitFor();
    expect(await form.getByRole('heading').textContent()).toBe('Lấy ý kiến về khoản 2 Điều 1');
    await form.getByTestId('consult-option-agree').check();
    await form.getByTestId('consult-send').click();
    await eventually(() => form.getByTestId('consult-mine').textContent(), (t) => t?.startsWith('Đã gửi: Tán thành') ?? false, 'the answer before the deadline');
    await form.waitFor({ state: 'detached', timeout: 20_000 });
    const last = await eventually(async () => (await hub.state(CONF)).consultations.list().at(-1), (x) => x?.status.kind === 'closed', 'the expiry recorded');
    expect(last?.status).toEqual({ kind: 'closed', closedAt: last?.closesAt, reason: 'expired' });
    await c.display.page.getByTestId('display-consult-closed').getByText('Hết thời hạn').waitFor();
    expect(await positionsOf()).toContain('thai-nguyen:agree:');
    const closed = (await hub.state(CONF)).consultations.list().filter((x) => x.status.kind === 'closed');
    expect(closed).toHaveLength(2);

    // PO14 with the names hidden: the point reads the counts and its own answer, no point named.
    const result = c.tn.page.getByTestId('consult-result');
    await result.getByTestId('consult-result-status').getByText('Hết thời hạn').waitFor();
    expect(await result.getByTestId('consult-result-mine').textContent()).toBe('Ý kiến của điểm cầu: Tán thành');
    expect(await result.locator('[data-testid=tally-agree] [data-testid=tally-count]').textContent()).toBe('1');
    expect(await result.locator('.tally__points').count()).toBe(0);
    await c.tn.page.mouse.move(0, 0);
    await result.screenshot({ path: resolve(SCREENSHOT_DIR, 'point-consult-result-counts.png') });
  } finally {
    socket.close();
  }
});

