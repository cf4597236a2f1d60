import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { listOf } from '@diem-cau/shared';
import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { TestClient } from '../server/src/testing/testClient';
import { E2E_ADMIN_TOKEN, HubWithClient, type JoinCode } from './support/hubWithClient';
import { eventually, launchChromium, openConsole, shoot, texts, type Console } from './support/consoles';

/**
 * The audit trail in Chromium against the real hub: two secretaries join with the one secretary code and
 * name themselves (C12); each logs a comment; the chair denies a request with a reason, reorders the
 * queue and merges a comment; the chair's audit view says who did what in words, with the secretaries'
 * names, follows the live log, filters by kind and by point, and its CSV holds the rows it shows (H10);
 * the organiser workspace shows the same trail.
 */
jest.setTimeout(120_000);

const CONF = 'hn-e2e-audit';
const LAN = 'Nguyễn Thị Lan';
const MINH = 'Trần Văn Minh';
const HUNG = { delegateId: 'd-tn1', name: 'Dương Xuân Hùng', position: 'Trưởng Ban Tổ chức Tỉnh ủy' };
const HA = { name: 'Đinh Thị Hà', position: 'Phó Bí thư Tỉnh ủy' };
const REASON = 'Đã có ý kiến tương tự của Hà Giang';
let hub: HubWithClient;
let browser: Browser;
let codes: JoinCode[];
const sockets: TestClient[] = [];
const c: Record<'chair' | 'lan' | 'minh', Console> = {} as never;
let organiser: Console | undefined;
/** The chair's own session over a socket, for what the chair's console offers no button for (merging). */
let chairSocket: TestClient | undefined;

const codeOf = (role: string, pointId?: string) => codes.find((x) => x.role === role && (pointId === undefined || x.pointId === pointId))?.code ?? '';

async function socketOf(role: string, pointId?: string): Promise<TestClient> {
  const res = await fetch(`${hub.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: codeOf(role, pointId) }) });
  const client = await TestClient.connect(hub.url, ((await res.json()) as { token: string }).token, CONF);
  sockets.push(client);
  return client;
}

beforeAll(async () => {
  hub = await HubWithClient.start();
  codes = await hub.createConference(FIXTURE_SETUP, CONF);
  browser = await launchChromium();
  [c.chair, c.lan, c.minh] = await Promise.all([
    openConsole(browser, hub.url, 'chair', codeOf('chair'), { width: 1440, height: 900 }),
    openConsole(browser, hub.url, 'lan', codeOf('secretary'), { width: 1366, height: 800 }),
    openConsole(browser, hub.url, 'minh', codeOf('secretary'), { width: 1366, height: 800 }),
  ]);
  await c.chair.page.getByRole('button', { name: 'Khai mạc hội nghị' }).click();
  await c.chair.page.getByRole('button', { name: 'Xác nhận khai mạc' }).click();
  await eventually(async () => (await hub.state(CONF)).status, (s) => s === 'live', 'the conference to start');
});

afterAll(async () => {
  for (const s of sockets) s.close();
  for (const x of [...Object.values(c), organiser]) await x?.context.close();
  await browser?.close();
  await hub?.close();
});

afterEach(() => {
  expect([...Object.values(c), organiser].flatMap((x) => x?.errors ?? [])).toEqual([]);
});

async function logComment(page: Page, article: string, text: string): Promise<void> {
  await page.locator('#entry-articles').fill(article);
  await page.locator('[role=listbox] [role=option]').first().waitFor();
  await page.locator('#entry-articles').press('Enter');
  await page.locator('.chips__chip', { hasText: 'Sửa đổi' }).click();
  await page.locator('#entry-text').fill(text);
  await page.locator('#entry-text').press('Enter');
}

/** RFC 4180 fields of one CSV line (quoted fields may hold commas and doubled quotes). */
function csvFields(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].filter((m) => m.index < line.length || m[1] !== '').map((m) => (m[1]?.startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1] ?? ''));
}

it('C12: two secretaries on the one code are each asked their name once; the console shows it', async () => {
  for (const [x, name] of [[c.lan, LAN], [c.minh, MINH]] as const) {
    const dialog = x.page.getByRole('dialog', { name: 'Anh/chị là ai?' });
    await dialog.waitFor();
    await dialog.getByLabel('Họ và tên').fill(name);
    if (x === c.lan) await shoot(x, 'secretary-name');
    await dialog.getByRole('button', { name: 'Lưu tên' }).click();
    await dialog.waitFor({ state: 'detached' });
    await x.page.getByTestId('my-name-value').filter({ hasText: name }).waitFor();
    expect(await x.page.locator('.topbar__role').textContent()).toBe(`Thư ký · ${name}`);
    await x.page.locator('[data-testid=connection][data-status=connected]').waitFor();
  }
  // A reload does not ask again: the session keeps its name.
  await c.lan.page.reload();
  await c.lan.page.locator('[data-testid=connection][data-status=connected]').waitFor();
  await c.lan.page.getByTestId('my-name-value').filter({ hasText: LAN }).waitFor();
  expect(await c.lan.page.getByRole('dialog').count()).toBe(0);
});

it('the chair reorders and denies with a reason, gives the floor; each secretary logs a comment; the chair merges one', async () => {
  const tn = await socketOf('point', 'thai-nguyen');
  const hg = await socketOf('point', 'ha-giang');
  expect((await tn.command({ type: 'floor.request', pointId: 'thai-nguyen', delegate: HUNG, articles: [{ article: 1 }], topic: 'Phạm vi điều chỉnh' })).ok).toBe(true);
  expect((await hg.command({ type: 'floor.request', pointId: 'ha-giang', delegate: HA, articles: [{ article: 2 }], topic: 'Giải thích từ ngữ' })).ok).toBe(true);
  const chair = c.chair.page;
  const rows = chair.locator('[data-testid=queue-row]');
  await eventually(() => rows.count(), (n) => n === 2, 'two requests in the queue');
  await rows.filter({ hasText: 'Tỉnh ủy Hà Giang' }).getByRole('button', { name: 'Lên đầu' }).click();
  await rows.first().filter({ hasText: 'Tỉnh ủy Hà Giang' }).waitFor();
  const thaiNguyen = rows.filter({ hasText: 'Tỉnh ủy Thái Nguyên' });
  await thaiNguyen.getByRole('button', { name: 'Từ chối' }).click();
  await thaiNguyen.getByPlaceholder('Lý do (không bắt buộc)').fill(REASON);
  await thaiNguyen.getByRole('button', { name: 'Xác nhận từ chối' }).click();
  await eventually(() => rows.count(), (n) => n === 1, 'the denied request to leave the queue');
  await rows.first().getByRole('button', { name: 'Trao lời' }).click();
  await chair.locator('[data-testid=current-speech]').waitFor();

  for (const x of [c.lan, c.minh]) await x.page.getByTestId('floor-strip').filter({ hasText: HA.name }).waitFor();
  await logComment(c.lan.page, '2', 'Đề nghị làm rõ khái niệm “đảng đoàn” tại Điều 2');
  await logComment(c.minh.page, '2', 'Làm rõ khái niệm đảng đoàn');
  const state = await eventually(() => hub.state(CONF), (s) => s.comments.ids.length === 2, 'both comments');
  const [kept, repeat] = listOf(state.comments);
  expect([kept?.loggedBy.label, repeat?.loggedBy.label]).toEqual([LAN, MINH]);
  // The chair's console shows comments read-only; the chair's own session merges over its socket.
  chairSocket = await socketOf('chair');
  expect((await chairSocket.command({ type: 'comment.merge', commentId: repeat?.id, intoId: kept?.id })).ok).toBe(true);
  // The secretaries' feed says who logged each comment.
  await c.minh.page.locator('.comment', { hasText: 'Làm rõ khái niệm đảng đoàn' }).filter({ hasText: `Ghi bởi ${MINH}` }).waitFor();
  await c.minh.page.locator('.comment', { hasText: 'Đề nghị làm rõ' }).filter({ hasText: `Ghi bởi ${LAN}` }).waitFor();
});

it('H10: the chair’s audit view says who did what in words, with the secretaries’ names, and follows the live log', async () => {
  const chair = c.chair.page;
  await chair.getByRole('button', { name: 'Nhật ký thao tác' }).click();
  const rows = chair.locator('[data-testid=audit-row]');
  await rows.filter({ hasText: 'Gộp ý kiến' }).waitFor();
  const denied = rows.filter({ has: chair.locator('[data-testid=audit-what]', { hasText: 'Từ chối đăng ký' }) });
  expect(await denied.locator('[data-testid=audit-what]').textContent()).toBe(`Từ chối đăng ký của Tỉnh ủy Thái Nguyên (${HUNG.name}), lý do: “${REASON}”`);
  expect(await denied.textContent()).toContain('Chủ trì');
  expect(await rows.filter({ hasText: 'Chuyển đăng ký' }).locator('[data-testid=audit-what]').textContent()).toBe(`Chuyển đăng ký của Tỉnh ủy Hà Giang (${HA.name}) tới vị trí 1`);
  const logged = chair.locator('[data-testid=audit-row][data-action="comment.logged"]');
  expect(await logged.locator('[data-testid=audit-name]').allTextContents()).toEqual([MINH, LAN]);
  expect(await logged.first().locator('[data-testid=audit-what]').textContent()).toBe(`Ghi ý kiến (sửa đổi) của Tỉnh ủy Hà Giang (${HA.name}) về Điều 2: “Làm rõ khái niệm đảng đoàn”`);
  expect(await rows.first().getAttribute('data-action')).toBe('comment.merged');

  // Live: what the chair does next appears at the top without a reload.
  expect((await chairSocket?.command({ type: 'floor.extend', speechId: (await hub.state(CONF)).currentSpeechId, seconds: 120 }))?.ok).toBe(true);
  await rows.first().filter({ hasText: `Gia hạn phát biểu của Tỉnh ủy Hà Giang (${HA.name}) thêm 2 phút` }).waitFor();
  await shoot(c.chair, 'chair-audit');
});

it('H10: filters by kind and by point; the CSV holds the rows shown', async () => {
  const chair = c.chair.page;
  const rows = chair.locator('[data-testid=audit-row]');
  const points = await chair.locator('select[name=audit-point] option').allTextContents();
  expect(points).toEqual(['Tất cả các điểm cầu', 'Điểm cầu Trung ương', 'Tỉnh ủy Bắc Kạn', 'Tỉnh ủy Hà Giang', 'Tỉnh ủy Thái Nguyên']);
  await chair.locator('select[name=audit-area]').selectOption({ label: 'Phát biểu' });
  await chair.locator('select[name=audit-point]').selectOption({ label: 'Tỉnh ủy Thái Nguyên' });
  await eventually(() => rows.evaluateAll((all) => all.map((r) => r.getAttribute('data-action'))), (a) => a.join() === 'floor.denied,floor.accepted,floor.requested', 'the floor rows of Thái Nguyên');
  await chair.locator('select[name=audit-point]').selectOption({ value: '' });
  await chair.locator('select[name=audit-area]').selectOption({ label: 'Ý kiến' });
  await eventually(() => rows.evaluateAll((all) => all.map((r) => r.getAttribute('data-area'))), (a) => a.length === 3 && a.every((x) => x === 'comments'), 'the comment rows');
  const shown = await texts(chair, '[data-testid=audit-row] [data-testid=audit-what]');

  const [download] = await Promise.all([chair.waitForEvent('download'), chair.getByTestId('audit-csv').click()]);
  expect(download.suggestedFilename()).toBe(`Nhật ký thao tác - ${CONF}.csv`);
  expect(download.url()).not.toMatch(/token/i);
  const csv = readFileSync((await download.path()) ?? '', 'utf8');
  expect(csv.startsWith('\uFEFFSTT,Thời gian,Vai trò,Điểm cầu thực hiện,Người thực hiện,Loại,Nội dung,Điểm cầu liên quan')).toBe(true);
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map(csvFields);
  expect(lines.map((f) => f[6])).toEqual(shown);
  expect(lines.map((f) => [f[2], f[4], f[5], f[7]])).toEqual([
    ['Chủ trì', '', 'Ý kiến', 'Tỉnh ủy Hà Giang'], ['Thư ký', MINH, 'Ý kiến', 'Tỉnh ủy Hà Giang'], ['Thư ký', LAN, 'Ý kiến', 'Tỉnh ủy Hà Giang'],
  ]);
  await shoot(c.chair, 'chair-audit-filtered');

  // English: the same rows, rendered from their action and params.
  await chair.getByRole('button', { name: /English/ }).click();
  await chair.locator('[data-testid=audit-what]', { hasText: `Comment of Tỉnh ủy Hà Giang (${HA.name}) on Điều 2 (“Làm rõ khái niệm đảng đoàn”) merged into the one on Điều 2` }).first().waitFor();
  await chair.getByRole('button', { name: /Tiếng Việt/ }).click();
  await chair.locator('select[name=audit-area]').selectOption({ value: '' });
});

it('H10: the organiser workspace shows the same trail for the conference', async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  organiser = { name: 'organiser', context, page, errors: [] };
  page.on('pageerror', (e) => organiser?.errors.push(`organiser: ${e.message}`));
  await page.goto(`${hub.url}/to-chuc`);
  await page.getByLabel('Mã quản trị').fill(E2E_ADMIN_TOKEN);
  await page.getByLabel('Mã quản trị').press('Enter');
  await page.getByRole('heading', { name: 'Hội nghị', exact: true }).waitFor();
  await page.goto(`${hub.url}/to-chuc#/c/${CONF}/audit`);
  await page.getByRole('link', { name: 'Nhật ký thao tác' }).waitFor();
  const rows = page.locator('[data-testid=audit-row]');
  await rows.filter({ hasText: 'Gia hạn phát biểu' }).waitFor();
  const chairRows = await texts(c.chair.page, '[data-testid=audit-row] [data-testid=audit-what]');
  expect(await texts(page, '[data-testid=audit-row] [data-testid=audit-what]')).toEqual(chairRows);
  expect(await page.locator('[data-testid=audit-row][data-action="comment.logged"] [data-testid=audit-name]').allTextContents()).toEqual([MINH, LAN]);
  await shoot(organiser, 'organiser-audit');
});
