import { eventually, shoot } from './support/consoles';
import { closeLiveRoom, openLiveRoom, type LiveRoom } from './support/liveRoom';

/**
 * Speaking-time budgets as the room uses them, in Chromium (TB2–TB9): the chair budgets the discussion item
 * from the console, the point sees its own time, the display counts the speaker's budget down beside the
 * timer, a second request from the point that overran is flagged in the chair's queue, adding time for that
 * point clears the flag, and the chair sees the time spread over the articles, the silent ones named.
 */
jest.setTimeout(120_000);

const CONF = 'hn-e2e-budgets';
const DELEGATE = { name: 'Dương Xuân Hùng', position: 'Trưởng Ban Tổ chức Tỉnh ủy' };
let room: LiveRoom;

/** "00:20" or "−00:03" to signed seconds. */
const secondsOf = (text: string) => {
  const m = /(−?)(\d+):(\d\d)/.exec(text);
  if (!m) throw new Error(`no time in ${text}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
};

beforeAll(async () => {
  room = await openLiveRoom(CONF);
});

afterAll(() => closeLiveRoom(room));

afterEach(() => {
  expect(Object.values(room.consoles).flatMap((c) => c.errors)).toEqual([]);
});

async function request(articles: { article: number }[]): Promise<void> {
  const res = await room.pointSocket.command({ type: 'floor.request', pointId: 'thai-nguyen', delegate: DELEGATE, articles, topic: 'Phạm vi điều chỉnh' });
  expect(res.ok).toBe(true);
  await room.consoles.chair.page.locator('[data-testid=queue-row]').first().waitFor();
}

it('TB2 TB3 TB7 TB6 TB9: budget from the chair console, counted down while speaking, flagged when overrun, topped up', async () => {
  const { page: chair } = room.consoles.chair;
  await chair.getByRole('button', { name: 'Chuyển sang: Thảo luận Chương I' }).click();
  const panel = chair.locator('[data-panel=budget]');
  await panel.getByText('Nội dung này chưa phân bổ thời gian phát biểu').waitFor();
  await panel.getByRole('button', { name: 'Phân bổ thời gian' }).click();
  await panel.getByLabel('Tổng thời gian (phút)').fill('1');
  await panel.getByRole('button', { name: 'Phân bổ', exact: true }).click();
  const line = (id: string) => panel.locator(`[data-testid=budget-line][data-line="${id}"]`);
  await eventually(() => line('thai-nguyen').textContent(), (t) => t?.includes('Tỉnh ủy Thái Nguyên00:2000:0000:20') ?? false, 'the budget table');
  expect(await panel.locator('[data-testid=budget-line]').count()).toBe(3);

  const { page: point } = room.consoles.point;
  await eventually(() => point.locator('[data-testid=point-budget]').textContent(), (t) => t === 'Còn 00:20', 'the point\'s own time');

  await request([{ article: 1 }]);
  await chair.locator('[data-testid=queue-row]').first().getByRole('button', { name: 'Trao lời' }).click();
  const { page: display } = room.consoles.display;
  const onWall = display.locator('[data-testid=speaker-budget] [data-testid=budget-left]');
  await eventually(() => onWall.textContent(), (t) => t !== null && secondsOf(t) <= 18, 'the display to count the budget down');
  await shoot(room.consoles.display, 'display-budget');
  // Past the point's 20 s: the wall shows the overrun.
  await eventually(() => onWall.getAttribute('data-over'), (v) => v === 'true', 'the overrun on the display', 25_000);
  await chair.getByRole('button', { name: /Kết thúc lượt/ }).first().click();
  await eventually(() => line('thai-nguyen').locator('[data-testid=budget-left]').getAttribute('data-over'), (v) => v === 'true', 'the charged speech');

  await request([]);
  const row = chair.locator('[data-testid=queue-row]').first();
  await row.locator('[data-testid=over-budget]').waitFor();
  await eventually(() => point.locator('[data-testid=point-budget]').textContent(), (t) => t?.startsWith('Vượt') ?? false, 'the point told of its overrun');
  await shoot(room.consoles.chair, 'chair-budget-over');

  await panel.getByTestId('budget-target').selectOption({ label: 'Tỉnh ủy Thái Nguyên' });
  await panel.getByRole('button', { name: 'Cộng 1 phút cho Tỉnh ủy Thái Nguyên' }).click();
  await row.locator('[data-testid=over-budget]').waitFor({ state: 'detached' });
  const left = await line('thai-nguyen').locator('[data-testid=budget-left]').textContent();
  expect(secondsOf(left ?? '')).toBeGreaterThan(30);
  expect(secondsOf(left ?? '')).toBeLessThan(60);
  expect(await line('ha-giang').locator('[data-testid=budget-left]').textContent()).toBe('00:20');

  const spread = panel.locator('[data-testid=article-spread]');
  expect(await spread.locator('.article-spread__name').allTextContents()).toEqual(['Điều 1', 'Điều 2']);
  const times = await spread.locator('.article-spread__time').allTextContents();
  expect(secondsOf(times[0] ?? '')).toBeGreaterThanOrEqual(20);
  expect(times[1]).toBe('00:00');
  expect(await spread.getByTestId('silent-articles').textContent()).toBe('Chưa ai nói về: Điều 2');
  await shoot(room.consoles.chair, 'chair-budget');
  await shoot(room.consoles.point, 'point-budget');

  const state = await room.hub.state(CONF);
  expect(state.budgets.get('thao-luan')?.shares.find((s) => s.id === 'thai-nguyen')).toMatchObject({ allocatedS: 20, addedS: 60 });
});
