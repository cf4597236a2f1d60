import type { Browser, Page } from 'playwright-core';
import { demoSetup } from '../server/src/demo/seedDemo';
import { TestClient } from '../server/src/testing/testClient';
import { eventually, launchChromium, openConsole, shoot, texts, type Console } from './support/consoles';
import { HubWithClient, type JoinCode } from './support/hubWithClient';

/**
 * A comment's life after it is logged, against the real hub serving the built client: Thái
 * Nguyên writes on Điều 5, its delegate says the same from the floor, the secretary folds the
 * spoken comment into the written one from the hint, the chair counts it once, an organiser
 * (join-code session) answers it and the point reads the answer.
 */
jest.setTimeout(60_000);

const CONF = 'hn-e2e-comments';
const TN = 'thai-nguyen';
const WRITTEN = 'Đề nghị bổ sung cơ chế phối hợp giữa đảng đoàn và cấp ủy cùng cấp';
const SPOKEN = 'Bổ sung cơ chế phối hợp với cấp ủy cùng cấp';
const EXPLANATION = 'Tổ biên tập giữ nguyên vì Điều 7 đã quy định mối quan hệ công tác';
const LATER = 'Nhắc lại: cần quy định rõ phối hợp với cấp ủy';


let hub: HubWithClient;
let browser: Browser;
let codes: JoinCode[];
let chairSocket: TestClient | undefined;
const c: Record<'chair' | 'tn' | 'sec' | 'org', Console> = {} as never;

const code = (role: string, pointId?: string) => {
  const found = codes.find((x) => x.role === role && (pointId === undefined || x.pointId === pointId));
  if (!found) throw new Error(`no join code for ${role} ${pointId ?? ''}`);
  return found.code;
};
const commentByText = async (text: string) => {
  const state = await hub.state(CONF);
  const id = state.comments.ids.find((x) => state.comments.get(x)?.text === text);
  return id ? state.comments.get(id) : undefined;
};
const feedItem = (p: Page, text: string) => p.locator('[data-panel=feed] [data-testid=comment]', { hasText: text });

/** The floor plumbing goes over a socket with the chair's own session: only comments are under test here. */
async function chairOverSocket(): Promise<TestClient> {
  const res = await fetch(`${hub.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: code('chair') }) });
  const { token } = (await res.json()) as { token: string };
  return TestClient.connect(hub.url, token, CONF);
}

beforeAll(async () => {
  hub = await HubWithClient.start();
  codes = await hub.createConference(demoSetup(), CONF);
  browser = await launchChromium();
  const laptop = { width: 1440, height: 900 };
  [c.chair, c.tn, c.sec, c.org] = await Promise.all([
    openConsole(browser, hub.url, 'chair', code('chair'), laptop),
    openConsole(browser, hub.url, 'tn', code('point', TN), laptop),
    openConsole(browser, hub.url, 'sec', code('secretary'), { width: 1366, height: 800 }),
    openConsole(browser, hub.url, 'org', code('organiser'), laptop),
  ]);
});

afterAll(async () => {
  chairSocket?.socket.close();
  await browser?.close();
  await hub?.close();
});

afterEach(() => {
  expect(Object.values(c).flatMap((x) => x?.errors ?? [])).toEqual([]);
});

describe('a written comment, its spoken repeat, the merge and the response', () => {
  it('the organiser opens the conference from the organisers’ console', async () => {
    const org = c.org.page;
    await org.getByTestId('organiser-overview').waitFor();
    await org.getByRole('button', { name: 'Khai mạc' }).click();
    for (const x of Object.values(c)) await x.page.locator('[data-testid=conference-status]', { hasText: 'Đang diễn ra' }).waitFor();
    await org.getByRole('button', { name: 'Bế mạc' }).waitFor();
  });

  it('Thái Nguyên sends a written comment on Điều 5; the secretary sees it', async () => {
    const tn = c.tn.page;
    await tn.getByText('✎ Gửi góp ý bằng văn bản').click();
    const written = tn.locator('details.written');
    await written.getByRole('combobox').fill('5');
    await written.locator('[role=listbox] [role=option]').first().waitFor();
    await written.getByRole('combobox').press('Enter');
    await written.locator('.chips__chip', { hasText: 'Bổ sung' }).click();
    await written.getByLabel('Nội dung ý kiến').fill(WRITTEN);
    await written.getByRole('button', { name: 'Gửi góp ý' }).click();
    await feedItem(c.sec.page, WRITTEN).waitFor();
    expect(await feedItem(c.sec.page, WRITTEN).textContent()).toContain('Bằng văn bản');
  });

  it('its delegate says the same from the floor; the secretary logs it and merges it from the hint', async () => {
    chairSocket = await chairOverSocket();
    const requested = await chairSocket.command({ type: 'floor.request', pointId: TN, delegate: { delegateId: 'tn-1', name: 'Dương Xuân Hùng', position: 'Trưởng Ban Tổ chức Tỉnh ủy' }, articles: [{ article: 5 }], topic: 'Phối hợp với cấp ủy', priority: 'normal' });
    expect(requested.ok).toBe(true);
    const requestId = chairSocket.state?.requests.ids[0];
    expect((await chairSocket.command({ type: 'floor.grant', requestId })).ok).toBe(true);
    const sec = c.sec.page;
    await sec.getByTestId('floor-strip').filter({ hasText: 'Dương Xuân Hùng' }).waitFor();

    await sec.locator('#entry-articles').fill('5.2');
    await sec.locator('[role=listbox] [role=option]').first().waitFor();
    await sec.locator('#entry-articles').press('Enter');
    await sec.locator('.chips__chip', { hasText: 'Bổ sung' }).click();
    await sec.locator('#entry-text').fill(SPOKEN);
    await sec.locator('#entry-text').press('Enter');
    const hint = sec.getByTestId('duplicate-hint');
    await hint.getByText('Có góp ý bằng văn bản của điểm cầu này về Điều 5 — gộp?').waitFor();
    expect(await hint.textContent()).toContain(WRITTEN.slice(0, 40));
    // The hint does not take the keyboard: the next comment can be typed at once.
    expect(await sec.evaluate(() => document.activeElement?.id)).toBe('entry-articles');
    await hint.getByRole('button', { name: 'Gộp vào góp ý bằng văn bản' }).click();
    await sec.getByText('Đã gộp ý kiến vừa ghi vào góp ý bằng văn bản.').waitFor();

    const duplicate = feedItem(sec, SPOKEN);
    await duplicate.getByTestId('merged-into').waitFor();
    expect(await duplicate.getAttribute('class')).toContain('comment--merged');
    expect(await feedItem(sec, WRITTEN).getByTestId('kept-badge').textContent()).toBe('⇠ Văn bản + phát biểu');
    expect(await sec.getByTestId('comment-count').textContent()).toBe('1 ý kiến');
    await shoot(c.sec, 'secretary-merged');

    const [spoken, written] = await Promise.all([commentByText(SPOKEN), commentByText(WRITTEN)]);
    expect(spoken?.mergedInto).toBe(written?.id);
    expect(written?.articles).toEqual([{ article: 5 }, { article: 5, clause: 2 }]);
  });

  it('the chair’s comments per article count it once', async () => {
    const chair = c.chair.page;
    await chair.getByRole('button', { name: 'Ý kiến theo điều' }).click();
    const row = chair.locator('[data-testid=by-article] tr[data-article="5"]');
    await eventually(() => row.getByTestId('article-count').textContent(), (n) => n === '1', 'Điều 5 counted once');
    expect((await texts(chair, '[data-testid=heatmap] tbody td.num')).map(Number).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('an organiser answers it from the organisers’ console; the point reads the answer', async () => {
    const org = c.org.page;
    const item = org.getByTestId('response-item').filter({ hasText: WRITTEN });
    await item.waitFor();
    await shoot(c.org, 'organiser-console-open');
    expect(await org.getByTestId('response-item').count()).toBe(1);
    expect(await item.getByTestId('kept-badge').textContent()).toBe('⇠ Văn bản + phát biểu');
    await item.getByLabel('Giải trình', { exact: true }).check();
    await item.getByLabel(/Nội dung tiếp thu, giải trình/).fill(EXPLANATION);
    await item.getByRole('button', { name: 'Lưu trả lời' }).click();
    await item.getByTestId('response').filter({ hasText: EXPLANATION }).waitFor();
    await org.getByTestId('responses-progress').filter({ hasText: 'Đã trả lời 1/1 ý kiến' }).waitFor();
    await shoot(c.org, 'organiser-console');

    const answer = c.tn.page.locator('[data-panel=point-comments] [data-testid=comment]', { hasText: WRITTEN }).getByTestId('comment-response');
    await answer.waitFor();
    expect(await answer.textContent()).toBe(`Tổ biên tập: Giải trình${EXPLANATION}`);
    expect(await c.tn.page.locator('[data-panel=point-comments] [data-testid=comment]').count()).toBe(1);
    await shoot(c.tn, 'point-response');
    expect((await commentByText(WRITTEN))?.response).toMatchObject({ status: 'explained', explanation: EXPLANATION });
  });

  it('a later repeat is merged by keyboard from “Gộp vào…”, among the point’s comments', async () => {
    const sec = c.sec.page;
    await sec.locator('#entry-articles').fill('6');
    await sec.locator('[role=listbox] [role=option]').first().waitFor();
    await sec.locator('#entry-articles').press('Enter');
    await sec.locator('#entry-text').fill(LATER);
    await sec.locator('#entry-text').press('Enter');
    const later = feedItem(sec, LATER);
    const open = later.getByRole('button', { name: 'Gộp vào…' });
    await open.focus();
    await sec.keyboard.press('Enter');
    const picker = later.getByTestId('merge-picker');
    await picker.waitFor();
    // Only the point's live comment is offered (the merged duplicate is not), chosen and focused.
    expect(await texts(sec, '[data-testid=merge-option] .comment-summary__text')).toEqual([expect.stringMatching(/^“Đề nghị bổ sung cơ chế phối hợp giữa đảng đoàn/)]);
    expect(await sec.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    await shoot(c.sec, 'secretary-merge-picker');
    await sec.keyboard.press('Escape');
    await picker.waitFor({ state: 'detached' });
    expect(await open.evaluate((b) => b === document.activeElement)).toBe(true);
    await sec.keyboard.press('Enter');
    await sec.keyboard.press('Tab');
    await sec.keyboard.press('Enter');
    await later.getByTestId('merged-into').waitFor();
    await feedItem(sec, WRITTEN).getByTestId('kept-badge').filter({ hasText: 'Văn bản + phát biểu · Gộp 3 ý kiến' }).waitFor();
    expect(await sec.getByTestId('comment-count').textContent()).toBe('1 ý kiến');
  });

  it('the organiser closes and archives the conference', async () => {
    const org = c.org.page;
    await org.getByRole('button', { name: 'Bế mạc' }).click();
    await c.chair.page.locator('[data-testid=conference-status]', { hasText: 'Đã kết thúc' }).waitFor();
    await org.getByRole('button', { name: 'Lưu trữ' }).click();
    await org.getByTestId('organiser-overview').getByText('Đã lưu trữ').waitFor();
  });
});
