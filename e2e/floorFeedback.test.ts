import type { Browser } from 'playwright-core';
import { listOf } from '@diem-cau/shared';
import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { TestClient } from '../server/src/testing/testClient';
import { postJson } from '../server/src/testing/nodeSessions';
import { HubWithClient, type JoinCode } from './support/hubWithClient';
import { eventually, launchChromium, openConsole, shoot, type Console } from './support/consoles';

/**
 * The floor as the people in the room see it, in Chromium: the chair denies a request and later revokes a
 * speech, each time with a reason typed in the chair's console, and the point is told why (F19); the chair
 * files a request for a point whose computer failed (F4); a point names a clause and the chair filters the
 * queue by article (F20); agenda kinds decide what the display and the point's form offer, and ending the
 * conference ends its agenda item (K10).
 */
jest.setTimeout(90_000);

const CONF = 'hn-e2e-notices';
const DELEGATE = { name: 'Dương Xuân Hùng', position: 'Trưởng Ban Tổ chức Tỉnh ủy' };
let hub: HubWithClient;
let browser: Browser;
let codes: JoinCode[];
let pointSocket: TestClient;
const consoles: Record<'chair' | 'point' | 'display', Console> = {} as never;

const codeOf = (role: string, pointId?: string) => codes.find((c) => c.role === role && (pointId === undefined || c.pointId === pointId))?.code ?? '';

beforeAll(async () => {
  hub = await HubWithClient.start();
  codes = await hub.createConference(FIXTURE_SETUP, CONF);
  browser = await launchChromium();
  const { token } = (await postJson(hub.url, '/api/sessions', { code: codeOf('point', 'thai-nguyen') })).body as { token: string };
  pointSocket = await TestClient.connect(hub.url, token, CONF);
  consoles.chair = await openConsole(browser, hub.url, 'chair', codeOf('chair'), { width: 1440, height: 900 });
  consoles.point = await openConsole(browser, hub.url, 'point', codeOf('point', 'thai-nguyen'), { width: 1280, height: 800 });
  consoles.display = await openConsole(browser, hub.url, 'display', codeOf('display'), { width: 1920, height: 1080 });
  await consoles.chair.page.getByRole('button', { name: 'Khai mạc hội nghị' }).click();
  await consoles.chair.page.getByRole('button', { name: 'Xác nhận khai mạc' }).click();
  await expectLive();
});

afterAll(async () => {
  for (const c of Object.values(consoles)) await c?.context.close();
  pointSocket?.close();
  await browser?.close();
  await hub?.close();
});

afterEach(() => {
  expect(Object.values(consoles).flatMap((c) => c.errors)).toEqual([]);
});

async function expectLive(): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if ((await hub.state(CONF)).status === 'live') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the conference did not start');
}

async function fileRequest(): Promise<void> {
  const res = await pointSocket.command({ type: 'floor.request', pointId: 'thai-nguyen', delegate: DELEGATE, articles: [{ article: 1 }], topic: 'Phạm vi điều chỉnh' });
  expect(res.ok).toBe(true);
  await consoles.chair.page.locator('[data-testid=queue-row]').first().waitFor();
}

it('F19: a denied request is shown to the point with the chair’s reason until dismissed, and stays dismissed', async () => {
  await fileRequest();
  const { page: chair } = consoles.chair;
  const row = chair.locator('[data-testid=queue-row]').first();
  await row.getByRole('button', { name: 'Từ chối' }).click();
  await row.getByPlaceholder('Lý do (không bắt buộc)').fill('Đã có ý kiến tương tự của Hà Giang');
  await row.getByRole('button', { name: 'Xác nhận từ chối' }).click();

  const { page: point } = consoles.point;
  const notice = point.locator('[data-testid=floor-refusal][data-kind=denied]');
  await notice.waitFor();
  expect(await notice.textContent()).toContain('Chủ trì chưa mời phát biểu');
  expect(await notice.locator('[data-testid=refusal-reason]').textContent()).toBe('“Đã có ý kiến tương tự của Hà Giang”');
  expect(await notice.textContent()).toContain(DELEGATE.name);
  await shoot(consoles.point, 'point-request-denied');
  await notice.getByRole('button', { name: 'Đã hiểu' }).click();
  await notice.waitFor({ state: 'detached' });
  await point.reload();
  await point.locator('[data-testid=connection][data-status=connected]').waitFor();
  expect(await point.locator('[data-testid=floor-refusal]').count()).toBe(0);
});

it('K11: a console on a computer set to UTC shows the conference’s times in its own zone (Vietnam time)', async () => {
  const utc = await openConsole(browser, hub.url, 'point-utc', codeOf('point', 'thai-nguyen'), { width: 1280, height: 800 }, { timezoneId: 'UTC' });
  try {
    // This browser never dismissed the denial above: it shows it, with the time it happened.
    const notice = utc.page.locator('[data-testid=floor-refusal][data-kind=denied]');
    await notice.waitFor();
    const state = await hub.state(CONF);
    const closedAt = listOf(state.requests).find((r) => r.status === 'denied')?.closedAt ?? 0;
    const hanoi = new Date(closedAt).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });
    const utcClock = new Date(closedAt).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
    expect(hanoi).not.toBe(utcClock);
    expect(await notice.textContent()).toContain(`lúc ${hanoi}`);
    expect(utc.errors).toEqual([]);
  } finally {
    await utc.context.close();
  }
});

it('F19: a revoked speech tells the point why; the display says only that the speech ended', async () => {
  await fileRequest();
  const { page: chair } = consoles.chair;
  await chair.locator('[data-testid=queue-row]').first().getByRole('button', { name: 'Trao lời' }).click();
  await chair.locator('[data-testid=current-speech]').waitFor();
  await consoles.display.page.locator('[data-testid=display-speaker]').waitFor();
  await chair.getByRole('button', { name: 'Thu hồi lời' }).click();
  await chair.getByPlaceholder('Lý do (điểm cầu sẽ thấy)').fill('Nội dung ngoài phạm vi dự thảo');
  await chair.locator('form.confirm').getByRole('button', { name: 'Thu hồi lời' }).click();

  const notice = consoles.point.page.locator('[data-testid=floor-refusal][data-kind=revoked]');
  await notice.waitFor();
  expect(await notice.textContent()).toContain('Chủ trì đã dừng lượt phát biểu');
  expect(await notice.locator('[data-testid=refusal-reason]').textContent()).toBe('“Nội dung ngoài phạm vi dự thảo”');
  await shoot(consoles.point, 'point-speech-revoked');

  const ended = consoles.display.page.locator('[data-testid=display-speech-ended]');
  await ended.waitFor();
  expect(await ended.textContent()).toBe('Lượt phát biểu của Tỉnh ủy Thái Nguyên đã kết thúc');
  expect(await consoles.display.page.locator('body').textContent()).not.toContain('Nội dung ngoài phạm vi');
  await shoot(consoles.display, 'display-speech-revoked');

  const state = await hub.state(CONF);
  expect(listOf(state.requests).find((r) => r.status === 'revoked')?.reason).toBe('Nội dung ngoài phạm vi dự thảo');
});

it('F4: the chair files a request on a point’s behalf from its console in a few steps; the queue shows it as filed on behalf', async () => {
  const { page: chair } = consoles.chair;
  await chair.getByTestId('on-behalf-open').click();
  const form = chair.getByTestId('on-behalf');
  await form.locator('select[name=point]').selectOption({ label: 'Tỉnh ủy Hà Giang' });
  // Hà Giang registered no delegate: the name is typed.
  await form.locator('input[name=delegate-name]').fill('Nguyễn Văn Sơn');
  await form.locator('input[name=delegate-position]').fill('Phó Bí thư Tỉnh ủy');
  await form.locator('input[name=topic]').fill('Góp ý Điều 1');
  await form.getByRole('button', { name: 'Đăng ký hộ' }).click();
  await form.waitFor({ state: 'detached' });
  const row = chair.locator('[data-testid=queue-row]', { hasText: 'Tỉnh ủy Hà Giang' });
  await row.waitFor();
  expect(await row.textContent()).toContain('Nguyễn Văn Sơn');
  expect(await row.textContent()).toContain('Chủ trì đăng ký hộ');
  await shoot(consoles.chair, 'chair-on-behalf-request');
  const state = await hub.state(CONF);
  expect(listOf(state.requests).filter((r) => r.pointId === 'ha-giang')).toEqual([expect.objectContaining({ onBehalf: true })]);
});

it('F20: a point names a clause by typing it beside the article tree; the chair filters the queue by article', async () => {
  const { page: point } = consoles.point;
  await point.locator('#request-refs').fill('1.2');
  await point.locator('#request-refs').press('Enter');
  await point.locator('[data-testid=article-tree] summary', { hasText: 'Chương II' }).click();
  await point.locator('[data-testid=article-tree] label', { hasText: 'Điều 3.' }).locator('input').check();
  await point.getByRole('button', { name: 'Gửi đăng ký' }).click();
  await point.locator('[data-testid=my-request]').waitFor();

  const { page: chair } = consoles.chair;
  const mine = chair.locator('[data-testid=queue-row]', { hasText: 'Tỉnh ủy Thái Nguyên' });
  await mine.waitFor();
  const state = await hub.state(CONF);
  const filed = listOf(state.requests).find((r) => r.pointId === 'thai-nguyen' && r.status === 'accepted');
  expect(filed?.articles).toEqual([{ article: 1, clause: 2 }, { article: 3 }]);
  // Hà Giang's request (filed on its behalf above) names no article: filtering by Điều 1 leaves Thái Nguyên's.
  await chair.getByTestId('queue-filter').selectOption({ label: 'Điều 1 (1)' });
  await eventually(() => chair.locator('[data-testid=queue-row]').count(), (n) => n === 1, 'one request about Điều 1');
  expect(await chair.getByTestId('queue-filtered').textContent()).toBe('1 / 2 đăng ký nói về Điều 1');
  expect(await chair.locator('[data-testid=queue-row]').first().textContent()).toContain('Tỉnh ủy Thái Nguyên');
  await shoot(consoles.chair, 'chair-queue-filtered');
  await chair.getByTestId('queue-filter').selectOption({ label: 'Tất cả các điều' });
  await eventually(() => chair.locator('[data-testid=queue-row]').count(), (n) => n === 2, 'the whole queue again');
});

it('K10: agenda kinds decide what the display and the point’s form offer; ending the conference ends the item', async () => {
  const { page: chair } = consoles.chair;
  const { page: point } = consoles.point;
  const { page: display } = consoles.display;
  await chair.locator('.agenda__item', { hasText: 'Khai mạc' }).getByRole('button', { name: 'Chuyển sang' }).click();
  await eventually(() => display.getByTestId('display-idle').textContent(), (s) => s === 'Khai mạc hội nghị', 'the opening on the display, no invitation');
  await point.getByTestId('request-not-discussion').waitFor();
  expect(await point.locator('#request-refs').count()).toBe(0);
  await shoot(consoles.point, 'point-request-outside-discussion');
  // Asked once, the point may still file early.
  await point.getByRole('button', { name: 'Vẫn gửi đăng ký' }).click();
  await point.locator('#request-refs').waitFor();

  await chair.locator('.agenda__item', { hasText: 'Thảo luận Chương I' }).getByRole('button', { name: 'Chuyển sang' }).click();
  await eventually(() => display.getByTestId('display-idle').textContent(), (s) => s === 'Xin mời các đại biểu đăng ký phát biểu', 'the invitation during the discussion');

  await chair.getByRole('button', { name: 'Bế mạc hội nghị' }).click();
  await chair.getByRole('button', { name: 'Xác nhận bế mạc' }).click();
  await eventually(() => hub.state(CONF), (s) => s.status === 'ended' && s.activeAgendaItemId === undefined, 'the conference ended with its item');
  await eventually(() => chair.getByText('▶ Đang diễn ra').count(), (n) => n === 0, 'no agenda item shown as under way');
  await eventually(() => display.getByTestId('agenda-item').textContent(), (s) => s === 'Đã kết thúc', 'the display says the conference ended');
});
