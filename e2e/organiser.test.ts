import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DEMO_DRAFT_TEXT, listOf, parseDraft, renderDraftText, stateFromJson, type ConferenceState } from '@diem-cau/shared';
import Database from 'better-sqlite3';
import { Document, Packer, Paragraph } from 'docx';
import express from 'express';
import mammoth from 'mammoth';
import pino from 'pino';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createHub, type Hub } from '../server/src/createHub';
import { findFfmpeg } from '../server/src/stream/ffmpegProcess';
import { StreamService, streamKeySecretFrom } from '../server/src/stream/streamService';
import { pointsImportRouter } from '../server/src/http/pointsImportRoutes';
import { systemClock } from '../server/src/hub/clock';
import { openSqliteAccessStore } from '../server/src/store/sqliteAccessStore';
import { openSqliteEventStore } from '../server/src/store/sqliteEventStore';
import { TestClient } from '../server/src/testing/testClient';
import { SCREENSHOT_DIR, eventually, launchChromium } from './support/consoles';

/**
 * The organiser prepares a conference in the browser from a Word draft with one broken heading,
 * fixes the heading, imports the points from a CSV list, creates the conference and gets its
 * codes; a short conference runs over sockets; the organiser answers a comment and downloads
 * the synthesis DOCX, whose content is read back with mammoth.
 */
jest.setTimeout(90_000);

const ADMIN = 'e2e-organiser-admin-token-0123456789';
const CLIENT_ROOT = resolve(__dirname, '../client');
const BROKEN = 'Đieu5 . Nhiệm vụ, quyền hạn của đảng đoàn, ban cán sự đảng';
const FIXED = 'Điều 5. Nhiệm vụ, quyền hạn của đảng đoàn, ban cán sự đảng';
const POINTS_CSV = [
  'Điểm cầu,Đại biểu,Chức vụ',
  'Điểm cầu Trung ương,Nguyễn Quang Dương,Phó Trưởng Ban Tổ chức Trung ương',
  'Tỉnh ủy Thái Nguyên,Dương Xuân Hùng,"Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy"',
  'Tỉnh ủy Thái Nguyên,Mai Thị Thúy Nga,Phó Chủ tịch HĐND tỉnh',
  'Tỉnh ủy Bắc Kạn,Hoàng Văn Thạch,Trưởng Ban Tổ chức Tỉnh ủy',
  'Tỉnh ủy Cao Bằng,Nông Thị Hạnh,Phó Trưởng Ban Tổ chức Tỉnh ủy',
].join('\r\n');
const COMMENT_SPOKEN = 'Đề nghị làm rõ thẩm quyền quyết định nhân sự của đảng đoàn tại khoản 3';
const COMMENT_WRITTEN = 'Đề nghị bổ sung đối tượng áp dụng là các hội quần chúng cấp tỉnh';
const EXPLANATION = 'Tổ biên tập giữ nguyên vì khoản 3 đã dẫn chiếu Quy định số 89';

/**
 * The organiser build as `npm run build` makes it once client/package.json runs its second build
 * (client/src/organiser/vite.config.ts, into client/dist); until then, the same build into a
 * temporary directory, beside a stand-in for the consoles' page the hub insists on.
 */
function organiserBuild(): string {
  const dist = join(CLIENT_ROOT, 'dist');
  if (existsSync(join(dist, 'organiser.html'))) return dist;
  const out = mkdtempSync(join(tmpdir(), 'diem-cau-organiser-dist-'));
  const vite = join(dirname(require.resolve('vite/package.json', { paths: [CLIENT_ROOT] })), 'bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--config', 'src/organiser/vite.config.ts', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: CLIENT_ROOT, stdio: 'pipe' });
  writeFileSync(join(out, 'index.html'), '<!doctype html><title>Điểm Cầu</title>');
  return out;
}

/** What the edits to api.ts and createHub.ts will do, put in front of the hub: the points import and /to-chuc. */
function frontOf(hub: Hub, clientDir: string): void {
  const [inner] = hub.http.listeners('request') as RequestListener[];
  if (!inner) throw new Error('the hub has no request handler');
  const front = express();
  front.use(pointsImportRouter({ adminToken: ADMIN }));
  front.get(/^\/to-chuc\/?$/, (_req, res) => res.sendFile(join(clientDir, 'organiser.html')));
  front.use((req, res) => inner(req, res));
  hub.http.removeAllListeners('request');
  hub.http.on('request', front);
}

async function draftDocx(): Promise<string> {
  const text = renderDraftText(parseDraft(DEMO_DRAFT_TEXT).draft).replace(FIXED, BROKEN);
  expect(text).toContain(BROKEN);
  const doc = new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph(line)) }] });
  const file = join(mkdtempSync(join(tmpdir(), 'diem-cau-draft-')), 'du-thao-quy-dinh.docx');
  writeFileSync(file, await Packer.toBuffer(doc));
  return file;
}

let hub: Hub;
let url: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let conferenceId: string;
const errors: string[] = [];

const VIEWPORT = { width: 1440, height: 900 };
/** The whole page at once: the viewport grows to the page's height, so sticky bars sit where they belong. */
async function shot(name: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: VIEWPORT.width, height: Math.max(VIEWPORT.height, height) });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `organiser-${name}.png`) });
  await page.setViewportSize(VIEWPORT);
}
const state = async (): Promise<ConferenceState> => {
  const res = await fetch(`${url}/api/conferences/${conferenceId}/state`, { headers: { authorization: `Bearer ${ADMIN}` } });
  return stateFromJson(((await res.json()) as { state: unknown }).state);
};

beforeAll(async () => {
  const clientDir = organiserBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'diem-cau-e2e-organiser-'));
  const db = new Database(join(dataDir, 'hub.db'));
  const ffmpegPath = findFfmpeg();
  if (!ffmpegPath) throw new Error('ffmpeg is missing: npm test installs it (scripts/systemDeps.mjs)');
  // A hub that streams (FFmpeg found; no media room here, so none runs): the workspace offers the viewers' code.
  const stream = new StreamService({ ffmpegPath, streamDir: join(dataDir, 'stream'), keySecret: streamKeySecretFrom(ADMIN), rtpPortMin: 48_500, rtpPortMax: 48_503, height: 360, videoKbps: 500, minFreeMb: 16, retentionDays: 0 }, pino({ level: 'silent' }));
  hub = createHub({
    store: openSqliteEventStore(db), accessStore: openSqliteAccessStore(db), clock: systemClock,
    logger: pino({ level: 'silent' }), adminToken: ADMIN, sessionTtlMs: 3_600_000, clientDir, stream,
  });
  frontOf(hub, clientDir);
  url = `http://127.0.0.1:${await hub.listen(0, '127.0.0.1')}`;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.accept());
});

afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

afterEach(() => {
  expect(errors).toEqual([]);
});

describe('the organiser workspace', () => {
  it('signs in with the admin token, refusing a wrong one', async () => {
    await page.goto(`${url}/to-chuc`);
    await page.getByLabel('Mã quản trị').fill('not-the-token-0123456789');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Mã quản trị không đúng.').waitFor();
    await shot('login');
    await page.getByLabel('Mã quản trị').fill(ADMIN);
    await page.getByLabel('Mã quản trị').press('Enter');
    await page.getByRole('heading', { name: 'Hội nghị', exact: true }).waitFor();
    await page.getByText('Chưa có hội nghị nào').waitFor();
    // Signed in, the focus is on the page; Tab reaches its first action, Shift+Tab the whole top bar in order.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText.replace(/\s+/g, ' ').trim() ?? '');
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toBe('+ Tạo hội nghị mới');
    const reached: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Shift+Tab');
      reached.push(await focused());
    }
    expect(reached).toEqual(['Đăng xuất', 'EN English', 'VI Tiếng Việt', 'Danh sách hội nghị', 'ĐC', 'Bỏ qua tới nội dung chính']);
  });

  it('imports a .docx draft, sees the warning beside its line, fixes the broken heading and accepts', async () => {
    await page.getByRole('link', { name: 'Tạo hội nghị mới' }).click();
    await page.locator('#setup-title').fill('Hội nghị trực tuyến lấy ý kiến góp ý dự thảo Quy định về đảng đoàn, ban cán sự đảng cấp tỉnh');
    await page.locator('#setup-when').fill('2025-11-20T08:00');
    await page.locator('#setup-venue').fill('Ban Tổ chức Trung ương, Hà Nội');
    // The file pickers are labels styled as buttons: their hidden input still takes the focus, visibly.
    await page.getByTestId('draft-file').focus();
    await expect(page.getByTestId('draft-file').evaluate((input) => getComputedStyle(input.closest('label')!).outlineStyle)).resolves.toBe('solid');
    await page.getByTestId('draft-file').setInputFiles(await draftDocx());
    await expect(page.getByTestId('draft-stats').textContent()).resolves.toBe('4 chương · 15 điều · 44 khoản · 11 điểm');
    const gap = page.getByTestId('source-line').filter({ hasText: 'Thiếu Điều 5 (sau Điều 4)' });
    await expect(gap.locator('.src__text').textContent()).resolves.toMatch(/^Điều 6\./);
    const broken = page.getByTestId('source-line').filter({ hasText: BROKEN });
    await broken.getByText('Có thể là tiêu đề viết sai').waitFor();
    await page.locator('#setup-draft').screenshot({ path: join(SCREENSHOT_DIR, 'organiser-draft-preview.png') });
    const line = await broken.getAttribute('data-line');
    await broken.getByRole('button', { name: `Sửa dòng ${line}` }).last().click();
    await page.getByLabel(`Nội dung dòng ${line}`).fill(FIXED);
    await page.getByLabel(`Nội dung dòng ${line}`).press('Enter');
    await expect(page.getByTestId('draft-stats').textContent()).resolves.toBe('4 chương · 16 điều · 47 khoản · 11 điểm');
    await page.getByTestId('draft-warning-count').filter({ hasText: 'Không có cảnh báo' }).waitFor();
    await page.getByRole('button', { name: 'Chấp nhận cấu trúc' }).click();
    await page.getByTestId('draft-summary').filter({ hasText: 'Đã chấp nhận cấu trúc dự thảo' }).waitFor();
  });

  it('builds the agenda from the draft, imports the points from a CSV list and creates the conference', async () => {
    await page.getByRole('button', { name: 'Tạo chương trình mẫu từ dự thảo' }).click();
    await expect(page.getByTestId('agenda-item').count()).resolves.toBe(7);
    await page.getByRole('button', { name: 'Đưa nội dung 7 lên' }).click();
    await expect(page.getByTestId('agenda-item').nth(5).locator('select').first().inputValue()).resolves.toBe('conclusion');
    await page.getByRole('button', { name: 'Đưa nội dung 6 xuống' }).click();
    const csv = join(mkdtempSync(join(tmpdir(), 'diem-cau-points-')), 'diem-cau.csv');
    writeFileSync(csv, `\uFEFF${POINTS_CSV}\r\n`);
    await page.getByTestId('points-file').setInputFiles(csv);
    await page.getByText('Đã nhập 4 điểm cầu, 5 đại biểu.').waitFor();
    await expect(page.getByTestId('points-count').textContent()).resolves.toBe('3 điểm cầu tỉnh · 5 đại biểu');
    await page.locator('#settings-speech').fill('3');
    await shot('setup');
    await page.getByRole('button', { name: 'Tạo hội nghị' }).click();
    await page.getByText('Đã tạo hội nghị.').waitFor();
    conferenceId = decodeURIComponent(/#\/c\/([^/]+)/.exec(page.url())?.[1] ?? '');
    const codes = page.getByTestId('join-codes').locator('tbody tr');
    await eventually(() => codes.count(), (n) => n === 8, 'eight join codes (five roles, the livestream viewers’ among them, three points)');
    const s = await state();
    expect([s.draft.chapters.length, s.agenda.ids.length, s.points.ids, s.settings.defaultSpeechS]).toEqual([4, 7, ['diem-cau-trung-uong', 'tinh-uy-thai-nguyen', 'tinh-uy-bac-kan', 'tinh-uy-cao-bang'], 180]);
    expect(s.agenda.get(s.agenda.ids[6] ?? '')?.kind).toBe('conclusion');
    await shot('codes');
  });

  it('edits the conference before it starts: the stored draft, agenda and ids come back and are kept', async () => {
    const before = await state();
    await page.getByRole('link', { name: 'Sửa thông tin' }).click();
    await page.getByRole('heading', { name: 'Sửa thông tin hội nghị' }).waitFor();
    await page.getByTestId('draft-summary').filter({ hasText: '4 chương · 16 điều' }).waitFor();
    await page.locator('#setup-venue').fill('Hội trường Ban Tổ chức Trung ương, Hà Nội');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Đã lưu thông tin hội nghị.').waitFor();
    const after = await state();
    expect(after.venue).toBe('Hội trường Ban Tổ chức Trung ương, Hà Nội');
    expect([after.points.ids, after.agenda.ids, after.draft]).toEqual([before.points.ids, before.agenda.ids, before.draft]);
    await page.getByRole('link', { name: 'Mã tham gia' }).click();
  });

  it('reissues a point’s code and prints one A4 join sheet per point and role with a QR code', async () => {
    const row = page.getByTestId('join-codes').locator('tbody tr[data-point="tinh-uy-bac-kan"]');
    const before = await row.getByTestId('join-code').textContent();
    await row.getByRole('button', { name: 'Cấp mã mới' }).click();
    await page.getByText(/Đã cấp mã mới cho Tỉnh ủy Bắc Kạn/).waitFor();
    const after = await eventually(() => row.getByTestId('join-code').textContent(), (code) => code !== before, 'a new code for Bắc Kạn');
    await page.getByRole('link', { name: 'Giấy mời in' }).click();
    await eventually(() => page.locator('[data-testid=join-sheet] img[alt^="Mã QR"]').count(), (n) => n === 7, 'seven sheets with their QR code (the viewers’ too)');
    const printed = await page.getByTestId('sheet-code').allTextContents();
    expect(printed).toContain(after);
    expect(printed).not.toContain(before);
    // This hub runs without PUBLIC_URL: the links point at 127.0.0.1, and the page says so before anyone prints.
    expect(await page.getByTestId('local-link-warning').textContent()).toContain('PUBLIC_URL');
    await shot('sheets');
    await page.emulateMedia({ media: 'print' });
    await page.getByTestId('join-sheet').nth(4).screenshot({ path: join(SCREENSHOT_DIR, 'organiser-sheet-print.png') });
    await page.emulateMedia({ media: 'screen' });
  });

  it('a short conference runs (opened from the list); the organiser answers a comment as it arrives', async () => {
    await page.getByRole('link', { name: 'Danh sách hội nghị' }).first().click();
    const row = page.locator(`[data-testid=conference-list] tr[data-conference="${conferenceId}"]`);
    await row.getByRole('button', { name: 'Khai mạc' }).click();
    await row.getByText('Đang diễn ra').waitFor();
    const codes = await (await fetch(`${url}/api/conferences/${conferenceId}/join-codes`, { headers: { authorization: `Bearer ${ADMIN}` } })).json() as { joinCodes: Array<{ code: string; role: string; pointId?: string; revoked: boolean }> };
    const join = async (role: string, pointId?: string) => {
      const code = codes.joinCodes.find((c) => !c.revoked && c.role === role && (pointId === undefined || c.pointId === pointId));
      const res = await fetch(`${url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: code?.code }) });
      const s = (await res.json()) as { token: string };
      return TestClient.connect(url, s.token, conferenceId);
    };
    const [chair, point, secretary] = [await join('chair'), await join('point', 'tinh-uy-thai-nguyen'), await join('secretary')];
    try {
      const ok = async (p: Promise<{ ok: boolean }>) => expect((await p).ok).toBe(true);
      const s0 = await state();
      await ok(chair.command({ type: 'agenda.activate', itemId: s0.agenda.ids[2] }));
      const request = await point.command({ type: 'floor.request', pointId: 'tinh-uy-thai-nguyen', delegate: { delegateId: 'tinh-uy-thai-nguyen-1', name: 'Dương Xuân Hùng', position: 'Trưởng Ban Tổ chức Tỉnh ủy' }, articles: [{ article: 5 }], topic: 'Thẩm quyền nhân sự', priority: 'normal' });
      expect(request.ok).toBe(true);
      const requestId = (await state()).queue[0];
      await ok(chair.command({ type: 'floor.grant', requestId }));
      const speechId = (await state()).currentSpeechId;
      await ok(secretary.command({ type: 'comment.log', speechId, articles: [{ article: 5, clause: 3 }], kind: 'clarify', text: COMMENT_SPOKEN }));
      await ok(point.command({ type: 'comment.log', pointId: 'tinh-uy-thai-nguyen', source: 'written', articles: [{ article: 1 }], kind: 'supplement', text: COMMENT_WRITTEN }));
      await ok(chair.command({ type: 'floor.release', speechId }));
      await ok(chair.command({ type: 'conference.end' }));
    } finally {
      for (const c of [chair, point, secretary]) c.close();
    }
    await row.getByRole('link', { name: /^Mở/ }).click();
    await page.getByRole('link', { name: /Trả lời ý kiến/ }).click();
    await page.getByTestId('conference-status').filter({ hasText: 'Đã kết thúc' }).waitFor();
    const item = page.getByTestId('response-item').filter({ hasText: COMMENT_SPOKEN });
    await item.getByRole('radio', { name: 'Giải trình' }).check();
    await item.getByRole('button', { name: 'Lưu trả lời' }).click();
    await item.getByText('Cần nội dung giải trình.').waitFor();
    await item.getByLabel(/Nội dung tiếp thu, giải trình/).fill(EXPLANATION);
    await item.getByRole('button', { name: 'Lưu trả lời' }).click();
    await item.getByTestId('response').filter({ hasText: EXPLANATION }).waitFor();
    await page.getByTestId('responses-progress').filter({ hasText: 'Đã trả lời 1/2 ý kiến' }).waitFor();
    await shot('responses');
    const comment = listOf((await state()).comments).find((c) => c.text === COMMENT_SPOKEN);
    expect(comment?.response).toMatchObject({ status: 'explained', explanation: EXPLANATION });
  });

  it('downloads the synthesis DOCX from the browser; it carries both comments and the response', async () => {
    await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await shot('reports');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-synthesis-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = join(mkdtempSync(join(tmpdir(), 'diem-cau-download-')), download.suggestedFilename());
    await download.saveAs(file);
    const { value: text } = await mammoth.extractRawText({ buffer: readFileSync(file) });
    for (const expected of [COMMENT_SPOKEN, COMMENT_WRITTEN, EXPLANATION, 'Tỉnh ủy Thái Nguyên', 'Điều 5']) expect(text).toContain(expected);
    expect(text.split(COMMENT_SPOKEN).length - 1).toBe(1);
  });

  it('lists the ended conference with its counts and archives it', async () => {
    await page.getByRole('link', { name: 'Danh sách hội nghị' }).first().click();
    const row = page.locator(`[data-testid=conference-list] tr[data-conference="${conferenceId}"]`);
    await row.waitFor();
    await expect(row.locator('td').allTextContents()).resolves.toEqual(['Đã kết thúc', '4', '16', '2', expect.stringContaining('Lưu trữ')]);
    await shot('list');
    await row.getByRole('button', { name: 'Lưu trữ' }).click();
    await page.getByText('Hiện cả hội nghị đã lưu trữ').waitFor();
    await expect(row.count()).resolves.toBe(0);
    expect((await state()).archived).toBe(true);
  });

  it('speaks English and fits a tablet held upright without sideways scrolling', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.getByRole('button', { name: /^EN/ }).click();
    await page.getByRole('link', { name: 'New conference' }).click();
    await page.getByRole('button', { name: 'Build a sample agenda from the draft' }).click();
    await page.getByRole('button', { name: 'Add a point' }).click();
    await page.getByRole('heading', { name: 'New conference' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(820);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'organiser-setup-tablet-en.png'), fullPage: false });
    await page.setViewportSize(VIEWPORT);
  });
});
