import type { Browser, Page } from 'playwright-core';
import type { ConferenceState } from '@diem-cau/shared';
import { demoSetup } from '../server/src/demo/seedDemo';
import { eventually, launchChromium, openConsole, seconds, shoot, texts, type Console } from './support/consoles';
import { HubWithClient, type JoinCode } from './support/hubWithClient';

/**
 * One chair, three bridge points, two secretaries and a display, each in its own browser
 * context, run a conference against the real hub serving the built client.
 */
jest.setTimeout(120_000);

const CONF = 'hn-e2e-consoles';
const POINTS = { tn: 'thai-nguyen', bk: 'bac-kan', cb: 'cao-bang' } as const;
const NAMES = { tn: 'Tỉnh ủy Thái Nguyên', bk: 'Tỉnh ủy Bắc Kạn', cb: 'Tỉnh ủy Cao Bằng' } as const;
const OFFLINE_TEXTS = ['Ngoại tuyến 1: đề nghị bổ sung phạm vi điều chỉnh', 'Ngoại tuyến 2: làm rõ khái niệm đảng đoàn', 'Ngoại tuyến 3: nhiệm kỳ nên theo nhiệm kỳ cấp ủy'];


let hub: HubWithClient;
let browser: Browser;
let codes: JoinCode[];
const c: Record<'chair' | 'tn' | 'bk' | 'cb' | 's1' | 's2' | 'display', Console> = {} as never;

const code = (role: string, pointId?: string) => {
  const found = codes.find((x) => x.role === role && (pointId === undefined || x.pointId === pointId));
  if (!found) throw new Error(`no join code for ${role} ${pointId ?? ''}`);
  return found.code;
};
const queuePoints = (p: Page) => texts(p, '[data-testid=queue-row] .qrow__point');
const place = (p: Page) => texts(p, '[data-testid=queue-place]');
const timer = (p: Page) => p.locator('[data-testid=timer-digits]').first().textContent().then((t) => t ?? '');

async function request(p: Page, chapter: string, article: number, topic: string) {
  // Chapters under discussion are already unfolded; the others open on a click.
  const summary = p.locator('summary', { hasText: new RegExp(`^${chapter}\\.`) });
  if (!(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open))) await summary.click();
  await p.locator('label.tree__article', { hasText: `Điều ${article}.` }).locator('input').check();
  await p.getByLabel('Nội dung tóm tắt').fill(topic);
  await p.getByRole('button', { name: 'Gửi đăng ký' }).click();
  await p.getByText('Đã gửi đăng ký.').waitFor();
}

async function logComment(p: Page, articleQuery: string, kind: string, text: string) {
  await p.locator('#entry-articles').fill(articleQuery);
  await p.locator('[role=listbox] [role=option]').first().waitFor();
  await p.locator('#entry-articles').press('Enter');
  await p.locator('.chips__chip', { hasText: kind }).click();
  await p.locator('#entry-text').fill(text);
  await p.locator('#entry-text').press('Enter');
}

async function serverState(): Promise<ConferenceState> {
  return hub.state(CONF);
}

beforeAll(async () => {
  hub = await HubWithClient.start();
  const setup = demoSetup();
  codes = await hub.createConference({ ...setup, settings: { ...setup.settings, defaultSpeechS: 300, warningBeforeS: 30 } }, CONF);
  browser = await launchChromium();
  const laptop = { width: 1440, height: 900 };
  const tablet = { width: 1180, height: 820 };
  [c.chair, c.tn, c.bk, c.cb, c.s1, c.s2, c.display] = await Promise.all([
    openConsole(browser, hub.url, 'chair', code('chair'), laptop),
    openConsole(browser, hub.url, 'tn', code('point', POINTS.tn), laptop),
    openConsole(browser, hub.url, 'bk', code('point', POINTS.bk), tablet),
    openConsole(browser, hub.url, 'cb', code('point', POINTS.cb), laptop),
    openConsole(browser, hub.url, 's1', code('secretary'), { width: 1366, height: 800 }),
    openConsole(browser, hub.url, 's2', code('secretary'), { width: 1366, height: 800 }),
    // The wall's own clock is 7 minutes fast: the server clock offset must hide it.
    openConsole(browser, hub.url, 'display', code('display'), { width: 1920, height: 1080 }, { clockSkewMs: 7 * 60_000 }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

afterEach(() => {
  const errors = Object.values(c).flatMap((x) => x?.errors ?? []);
  expect(errors).toEqual([]);
});

describe('a conference run from every console', () => {
  it('points check in, the chair opens the conference and the discussion item', async () => {
    await Promise.all([c.tn, c.bk, c.cb].map((x) => x.page.getByRole('button', { name: 'Xác nhận sẵn sàng' }).click()));
    await c.chair.page.getByRole('button', { name: 'Khai mạc hội nghị' }).click();
    await c.chair.page.getByRole('button', { name: 'Xác nhận khai mạc' }).click();
    await c.chair.page.getByRole('button', { name: 'Chuyển sang: Thảo luận Chương I và Chương II' }).click();
    for (const x of Object.values(c)) await x.page.locator('[data-testid=conference-status]', { hasText: 'Đang diễn ra' }).or(x.page.getByText('Thảo luận Chương I và Chương II').first()).first().waitFor();
    await c.display.page.getByTestId('agenda-item').filter({ hasText: 'Thảo luận Chương I và Chương II' }).waitFor();
    const ready = await texts(c.chair.page, '[data-testid=synoptic] tbody tr:has-text("Sẵn sàng") th');
    expect(ready).toEqual(expect.arrayContaining([NAMES.tn, NAMES.bk, NAMES.cb]));
  });

  it('three points request the floor and each sees its live place in the queue', async () => {
    await request(c.tn.page, 'Chương II', 5, 'Phối hợp với cấp ủy');
    await request(c.bk.page, 'Chương I', 3, 'Việc thành lập đảng đoàn');
    await request(c.cb.page, 'Chương III', 8, 'Cơ cấu thành viên');
    await eventually(() => queuePoints(c.chair.page), (q) => q.length === 3, 'three rows in the chair queue');
    expect(await queuePoints(c.chair.page)).toEqual([NAMES.tn, NAMES.bk, NAMES.cb]);
    await eventually(() => place(c.cb.page), (p) => p[0] === 'Thứ tự 3 / 3', 'Cao Bằng third');
  });

  it('the chair reorders by drag and drop and by keyboard, and the points follow', async () => {
    const rows = c.chair.page.locator('[data-testid=queue-row]');
    await rows.nth(2).locator('.qrow__body').dragTo(rows.nth(0), { targetPosition: { x: 40, y: 6 } });
    await eventually(() => queuePoints(c.chair.page), (q) => q[0] === NAMES.cb, 'Cao Bằng dragged to the top');
    await c.chair.page.locator(`[data-testid=queue-row]:has-text("${NAMES.bk}") .qrow__handle`).focus();
    await c.chair.page.keyboard.press('Alt+ArrowUp');
    await eventually(() => queuePoints(c.chair.page), (q) => q.join() === [NAMES.cb, NAMES.bk, NAMES.tn].join(), 'Bắc Kạn moved up by keyboard');
    await eventually(() => place(c.tn.page), (p) => p[0] === 'Thứ tự 3 / 3', 'Thái Nguyên now third');
    await eventually(() => texts(c.display.page, '[data-testid=display-queue] strong'), (q) => q.join() === [NAMES.cb, NAMES.bk, NAMES.tn].join(), 'display queue order');
  });

  it('the chair grants the floor by shortcut; the point and the wall show the same countdown', async () => {
    await c.chair.page.locator('body').click({ position: { x: 5, y: 300 } });
    await c.chair.page.keyboard.press('g');
    await c.cb.page.getByTestId('floor-banner').waitFor();
    await c.display.page.getByTestId('display-speaker').filter({ hasText: 'Nông Thị Hạnh' }).waitFor();
    await c.chair.page.getByRole('button', { name: 'Thêm 1 phút' }).click();
    await eventually(() => timer(c.display.page), (t) => seconds(t) > 300, 'the extension on the wall');
    await new Promise((r) => setTimeout(r, 1_500)); // let each screen's clock estimate settle
    const [wall, point, chair] = await Promise.all([timer(c.display.page), timer(c.cb.page), timer(c.chair.page)]);
    expect(Math.abs(seconds(wall) - seconds(point))).toBeLessThanOrEqual(1);
    expect(Math.abs(seconds(wall) - seconds(chair))).toBeLessThanOrEqual(1);
    expect(seconds(wall)).toBeGreaterThan(330);
    await shoot(c.cb, 'point-speaking');
    await shoot(c.display, 'display');
  });

  it('both secretaries log comments with article refs; each sees the other live, the point sees its own', async () => {
    await logComment(c.s1.page, '8', 'Sửa đổi', 'Đề nghị quy định rõ số lượng thành viên ban cán sự đảng');
    await logComment(c.s2.page, '5.2', 'Bổ sung', 'Bổ sung cơ chế phối hợp với chi bộ cơ quan');
    for (const s of [c.s1, c.s2]) await eventually(() => texts(s.page, '[data-testid=comment-list] [data-testid=comment]'), (l) => l.length === 2, `${s.name} sees 2 comments`);
    expect((await texts(c.s1.page, '[data-testid=comment] .tag--article'))).toEqual(expect.arrayContaining(['Điều 8', 'Điều 5 khoản 2']));
    await eventually(() => texts(c.cb.page, '[data-panel=point-comments] [data-testid=comment]'), (l) => l.length === 2, 'Cao Bằng sees what was logged about it');
    await shoot(c.s1, 'secretary');
  });

  it('a point withdraws its request and the queue closes up everywhere', async () => {
    await c.tn.page.getByRole('button', { name: 'Rút đăng ký' }).click();
    // Withdrawing asks first: the place in the queue would be lost.
    await c.tn.page.getByRole('button', { name: 'Xác nhận rút' }).click();
    await eventually(() => queuePoints(c.chair.page), (q) => q.join() === NAMES.bk, 'only Bắc Kạn left');
    await eventually(() => c.tn.page.getByTestId('my-request').count(), (n) => n === 0, 'Thái Nguyên request gone');
    await request(c.tn.page, 'Chương IV', 13, 'Quan hệ với ban thường vụ');
    await eventually(() => queuePoints(c.chair.page), (q) => q.join() === [NAMES.bk, NAMES.tn].join(), 'Thái Nguyên back at the end');
    await shoot(c.chair, 'chair');
    await shoot(c.tn, 'point');
  });

  it('a secretary offline logs three comments, reloads, comes back: each arrives exactly once', async () => {
    const s2 = c.s2.page;
    await eventually(() => s2.evaluate(async () => (await caches.keys()).length > 0 && (await (await caches.open((await caches.keys())[0]!)).keys()).length > 2), Boolean, 'offline shell cached', 15_000);
    await c.s2.context.setOffline(true);
    await s2.locator('[data-testid=connection][data-status=offline]').waitFor();
    await logComment(s2, '1', 'Bổ sung', OFFLINE_TEXTS[0]!);
    await logComment(s2, '2.1', 'Làm rõ', OFFLINE_TEXTS[1]!);
    await logComment(s2, 'nhiem ky', 'Đề xuất', OFFLINE_TEXTS[2]!);
    await eventually(() => s2.getByTestId('pending').count(), (n) => n === 3, 'three waiting to send');
    await shoot(c.s2, 'secretary-offline');
    await s2.reload();
    await s2.locator('[data-testid=connection][data-status=offline]').waitFor();
    await eventually(() => s2.getByTestId('pending').count(), (n) => n === 3, 'still three waiting after the reload');
    expect((await serverState()).comments.ids).toHaveLength(2);
    await c.s2.context.setOffline(false);
    await s2.locator('[data-testid=connection][data-status=connected]').waitFor({ timeout: 15_000 });
    await eventually(() => s2.getByTestId('pending').count(), (n) => n === 0, 'queue drained');
    const state = await serverState();
    const texts5 = state.comments.ids.map((id) => state.comments.get(id)!.text);
    expect(texts5).toHaveLength(5);
    for (const t of OFFLINE_TEXTS) expect(texts5.filter((x) => x === t)).toHaveLength(1);
    const refsOf = (text: string) => state.comments.ids.map((id) => state.comments.get(id)!).find((x) => x.text === text)?.articles;
    expect(refsOf(OFFLINE_TEXTS[0]!)).toEqual([{ article: 1 }]);
    expect(refsOf(OFFLINE_TEXTS[1]!)).toEqual([{ article: 2, clause: 1 }]);
    expect(refsOf(OFFLINE_TEXTS[2]!)).toEqual([{ article: 9 }]);
    await eventually(() => texts(c.s1.page, '[data-testid=comment]'), (l) => l.length === 5, 's1 sees the offline comments');
  });

  it('the chair ends the speech and grants the next; every console shows the same queue, speaker and counts', async () => {
    await c.chair.page.locator('body').click({ position: { x: 5, y: 300 } });
    await c.chair.page.keyboard.press('e');
    await eventually(() => c.cb.page.getByTestId('floor-banner').count(), (n) => n === 0, 'Cao Bằng back to normal');
    await c.chair.page.locator(`[data-testid=queue-row]:has-text("${NAMES.bk}")`).getByRole('button', { name: 'Trao lời' }).click();
    await c.bk.page.getByTestId('floor-banner').waitFor();
    const speaker = 'Hoàng Văn Thạch';
    await c.display.page.getByTestId('speaker-name').filter({ hasText: speaker }).waitFor();
    for (const x of [c.chair, c.display]) expect(await texts(x.page, '[data-testid=speaker-name]')).toEqual([speaker]);
    for (const x of [c.tn, c.cb]) expect((await x.page.getByTestId('now-speaker').textContent())).toContain(speaker);
    for (const x of [c.s1, c.s2]) expect(await x.page.getByTestId('floor-strip').textContent()).toContain(speaker);
    expect(await queuePoints(c.chair.page)).toEqual([NAMES.tn]);
    expect(await texts(c.display.page, '[data-testid=display-queue] strong')).toEqual([NAMES.tn]);
    expect(await place(c.tn.page)).toEqual(['Thứ tự 1 / 1']);
    for (const x of [c.s1, c.s2]) expect(await x.page.getByTestId('comment-count').textContent()).toBe('5 ý kiến');
    const counts = async (p: Page) => {
      await p.getByRole('button', { name: 'Ý kiến theo điều' }).click();
      await p.getByTestId('heatmap').waitFor();
      return texts(p, '[data-testid=heatmap] tbody td.num');
    };
    const [chairCounts, pointCounts, secCounts] = await Promise.all([counts(c.chair.page), counts(c.tn.page), counts(c.s1.page)]);
    expect(chairCounts).toEqual(pointCounts);
    expect(chairCounts).toEqual(secCounts);
    expect(chairCounts.map(Number).reduce((a, b) => a + b, 0)).toBe(5);
    await shoot(c.chair, 'chair-by-article');
    const state = await serverState();
    expect(state.queue).toHaveLength(1);
  });

  it('the chair closes the conference and every console says so', async () => {
    await c.chair.page.getByRole('button', { name: 'Điều hành' }).click();
    await c.chair.page.getByRole('button', { name: 'Bế mạc hội nghị' }).click();
    await c.chair.page.getByRole('button', { name: 'Xác nhận bế mạc' }).click();
    for (const x of [c.chair, c.tn, c.bk, c.cb, c.s1, c.s2]) await x.page.locator('[data-testid=conference-status]', { hasText: 'Đã kết thúc' }).waitFor();
    await c.display.page.getByText('Đã kết thúc').first().waitFor();
    await eventually(() => c.bk.page.getByTestId('floor-banner').count(), (n) => n === 0, 'floor released at the end');
    await shoot(c.display, 'display-ended');
    await shoot(c.s2, 'secretary-2');
    await shoot(c.bk, 'point-tablet');
  });
});
