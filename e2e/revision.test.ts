import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_DRAFT_TEXT, findArticle, listOf, parseDraft, renderDraftText } from '@diem-cau/shared';
import { Document, Packer, Paragraph } from 'docx';
import mammoth from 'mammoth';
import type { Browser, Locator, Page } from 'playwright-core';
import { demoSetup } from '../server/src/demo/seedDemo';
import { TestClient } from '../server/src/testing/testClient';
import { SCREENSHOT_DIR, eventually, launchChromium } from './support/consoles';
import { E2E_ADMIN_TOKEN, HubWithClient, type JoinCode } from './support/hubWithClient';
import { openOrganiserWorkspace } from './support/organiserWorkspace';
import { MERGED_TITLE, NEW_ARTICLE_TITLE, REWRITTEN_TITLE, revisedDemoDraft } from './support/revisedDemoDraft';

/**
 * The next draft in Chromium against the real hub (issue 12, DA12–DA16): the demo conference runs and ends with
 * comments on Điều 5, 8, 11 and 12; the organiser uploads draft 2 (a new Điều 5, old 10 and 11 merged, old 12
 * rewritten) as a Word file, finds the proposal's doubtful split of Điều 5, corrects it with the keyboard alone
 * and confirms; the responses say where each comment went and one response names the new place; the synthesis
 * DOCX downloaded in draft 2's numbering puts the comment under Điều 6 and ends with the concordance table.
 */
jest.setTimeout(120_000);

const CONF = 'hn-e2e-revision';
const TN = 'thai-nguyen';
const ON_5_2 = 'Đề nghị quy định rõ những vấn đề quan trọng phải trình cấp có thẩm quyền';
const ON_8 = 'Đề nghị cân nhắc số lượng thành viên đảng đoàn hội đồng nhân dân tỉnh';
const ON_11_1 = 'Đề nghị quy định họp định kỳ hằng tháng thay vì ba tháng một lần';
const ON_12 = 'Đề nghị bổ sung nguồn kinh phí từ ngân sách địa phương';
const EXPLANATION = 'Tổ biên tập tiếp thu, đã liệt kê các vấn đề quan trọng';
const LAPTOP = { width: 1366, height: 900 };
const TABLET = { width: 768, height: 1024 };

let hub: HubWithClient;
let browser: Browser;
let page: Page;
let codes: JoinCode[];
const errors: string[] = [];

async function socketOf(role: string, pointId?: string): Promise<TestClient> {
  const code = codes.find((c) => c.role === role && (pointId === undefined || c.pointId === pointId))?.code;
  const res = await fetch(`${hub.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  return TestClient.connect(hub.url, ((await res.json()) as { token: string }).token, CONF);
}

/** The conference as it ran: started, four written comments from Thái Nguyên, ended. */
async function runConference(): Promise<void> {
  const [chair, point] = [await socketOf('chair'), await socketOf('point', TN)];
  try {
    const ok = async (p: Promise<{ ok: boolean }>) => expect(await p).toMatchObject({ ok: true });
    await ok(chair.command({ type: 'conference.start' }));
    const comments = [[ON_5_2, { article: 5, clause: 2 }], [ON_8, { article: 8 }], [ON_11_1, { article: 11, clause: 1 }], [ON_12, { article: 12, clause: 2 }]] as const;
    for (const [text, ref] of comments) await ok(point.command({ type: 'comment.log', pointId: TN, source: 'written', kind: 'amend', text, articles: [ref] }));
    await ok(chair.command({ type: 'conference.end' }));
  } finally {
    chair.close();
    point.close();
  }
}

/** Draft 2 as the drafting team sends it: a Word file, one paragraph per line. */
async function revisedDocx(): Promise<string> {
  const lines = renderDraftText(revisedDemoDraft()).split('\n');
  const doc = new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] });
  const file = join(mkdtempSync(join(tmpdir(), 'diem-cau-e2e-revision-')), 'du-thao-lan-2.docx');
  writeFileSync(file, await Packer.toBuffer(doc));
  return file;
}

/**
 * The whole page at this width (the viewport grows to the page's height so nothing sticky sits mid-page), or, given
 * an element, the screen a user sees with that element at its top.
 */
async function shot(name: string, viewport = LAPTOP, top?: Locator): Promise<void> {
  await page.setViewportSize(viewport);
  // Out of the way: the pointer left where the last click was would hover whatever scrolls under it.
  await page.mouse.move(0, 0);
  if (top) {
    await top.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  } else {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  }
  await page.screenshot({ path: join(SCREENSHOT_DIR, `revision-${name}.png`) });
  await page.setViewportSize(LAPTOP);
}

const sidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const row = (unit: string) => page.locator(`[data-testid=mapping-row][data-unit="${unit}"]`);
const selectsOf = (unit: string) => row(unit).locator('select');
const valuesOf = (unit: string) => selectsOf(unit).evaluateAll((all) => all.map((s) => (s as HTMLSelectElement).value));
const responseItem = (text: string) => page.getByTestId('response-item').filter({ hasText: text });

beforeAll(async () => {
  hub = await HubWithClient.start();
  codes = await hub.createConference(demoSetup(), CONF);
  await runConference();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  browser = await launchChromium();
  page = await openOrganiserWorkspace(browser, hub.url, E2E_ADMIN_TOKEN, errors);
  page.on('dialog', (d) => void d.accept());
});

afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

afterEach(() => {
  expect(errors).toEqual([]);
});

describe('the next draft: comments follow their article', () => {
  it('DA16, DA12: draft 2 is uploaded, the doubtful split of Điều 5 is corrected with the keyboard alone and the mapping confirmed', async () => {
    await page.goto(`${hub.url}/to-chuc#/c/${CONF}/revision`);
    await page.getByRole('heading', { name: 'Dự thảo lần 2' }).waitFor();
    // No revision yet: the reports offer no numbering.
    await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await page.getByTestId('report-synthesis-docx').waitFor();
    expect(await page.getByTestId('report-numbering').count()).toBe(0);
    await page.getByRole('link', { name: 'Dự thảo lần 2' }).click();

    await page.getByTestId('revision-file').setInputFiles(await revisedDocx());
    await page.getByTestId('mapping').waitFor();
    // The proposal: the new Điều 5 taken for a split of the old one, flagged; the renumbering and the merge seen.
    await expect(valuesOf('5')).resolves.toEqual(['5', '6']);
    await row('5').getByTestId('mapping-review').waitFor();
    await expect(row('5').locator('.mapping__kind .chip').first().textContent()).resolves.toBe('tách');
    await expect(valuesOf('9')).resolves.toEqual(['10']);
    await expect(Promise.all([valuesOf('10'), valuesOf('11'), valuesOf('11.1')])).resolves.toEqual([['11'], ['11'], ['11.4']]);
    await expect(row('11').locator('.mapping__kind .chip').first().textContent()).resolves.toBe('gộp');
    expect(await page.getByTestId('revision-to-review').textContent()).toMatch(/^\d+ đối chiếu cần kiểm tra$/);
    expect(await page.getByTestId('revision-new').textContent()).not.toContain(NEW_ARTICLE_TITLE);
    await shot('proposal', LAPTOP, row('4.3'));
    await page.setViewportSize(TABLET);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('proposal-tablet', TABLET, row('5'));

    // The keyboard user: focus the first place of Điều 5, arrow up to the empty choice (the old Điều 5 is not in the
    // new Điều 5), Tab on to its other place, which stays Điều 6.
    const first = selectsOf('5').first();
    await first.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
    await expect(valuesOf('5')).resolves.toEqual(['6']);
    await row('5').getByText('đã sửa').waitFor();
    await expect(row('5').locator('.mapping__kind .chip').first().textContent()).resolves.toBe('chuyển số');
    expect(await page.getByTestId('revision-new').textContent()).toContain(`Điều 5. ${NEW_ARTICLE_TITLE}`);
    await expect(page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.value)).resolves.toBe('6');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('+ Tách thêm');
    await page.getByTestId('revision-confirm').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('revision-confirmed').waitFor();

    const revision = await eventually(() => hub.state(CONF).then((s) => s.revision), (r) => r !== undefined, 'the confirmed revision');
    const group = (before: number[]) => revision?.alignment.articles.find((g) => JSON.stringify(g.before) === JSON.stringify(before));
    expect([group([5])?.kind, group([5])?.after, group([10, 11])?.kind, group([10, 11])?.after]).toEqual(['moved', [6], 'merged', [11]]);
    expect(revision?.alignment.articles.find((g) => g.kind === 'new')?.after).toEqual([5]);
    await shot('confirmed');
  });

  it('DA14: every comment shows where its article went, and a response names the new place', async () => {
    await page.getByRole('link', { name: /Trả lời ý kiến/ }).click();
    await expect(responseItem(ON_5_2).getByTestId('response-followed').textContent()).resolves.toBe('Điều 5 khoản 2 (dự thảo lần 1) → Điều 6 khoản 2 (dự thảo lần 2)');
    await expect(responseItem(ON_8).getByTestId('response-followed').textContent()).resolves.toBe('Điều 8 (dự thảo lần 1) → Điều 9 (dự thảo lần 2)');
    await expect(responseItem(ON_11_1).getByTestId('response-followed').textContent()).resolves.toMatch(/^Điều 11 khoản 1 \(dự thảo lần 1\) → Điều 11 khoản 4 \(dự thảo lần 2/);
    const item = responseItem(ON_5_2);
    await item.getByLabel(/Nội dung tiếp thu, giải trình/).fill(EXPLANATION);
    await item.getByTestId('response-name-place').click();
    const written = `${EXPLANATION} (nay là Điều 6 khoản 2, dự thảo lần 2)`;
    await expect(item.getByLabel(/Nội dung tiếp thu, giải trình/).inputValue()).resolves.toBe(written);
    await item.getByRole('button', { name: 'Lưu trả lời' }).click();
    await item.getByTestId('response').filter({ hasText: written }).waitFor();
    const comment = await eventually(async () => listOf((await hub.state(CONF)).comments).find((c) => c.text === ON_5_2), (c) => c?.response !== undefined, 'the response stored');
    expect(comment?.response).toMatchObject({ status: 'accepted', explanation: written });
    await shot('responses');
  });

  it('DA15: the reports tab downloads the synthesis in draft 2’s numbering: the comment under Điều 6 and the concordance at the end', async () => {
    await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    const choice = page.getByRole('group', { name: 'Đánh số theo' });
    await expect(choice.getByRole('radio', { name: 'dự thảo lần 1' }).isChecked()).resolves.toBe(true);
    await choice.getByRole('radio', { name: 'dự thảo lần 2' }).check();
    await shot('reports');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-synthesis-docx').click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'diem-cau-e2e-revision-')), download.suggestedFilename());
    await download.saveAs(file);
    const { value: text } = await mammoth.extractRawText({ buffer: readFileSync(file) });
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines).toContain(`Số điều, khoản trong báo cáo theo dự thảo lần 2 (${revisedDemoDraft().title}); bảng đối chiếu ở cuối báo cáo.`);
    // The comment on the old Điều 5 khoản 2 sits under the new Điều 6, before Điều 7.
    const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
    const under6 = at('Điều 6. Nhiệm vụ, quyền hạn của đảng đoàn');
    const comment = lines.findIndex((l) => l.endsWith(ON_5_2));
    expect([under6 > -1, comment > under6, comment < at('Điều 7. ')]).toEqual([true, true, true]);
    expect(lines[comment]).toBe(`Khoản 2: ${ON_5_2}`);
    expect(lines[comment + 1]).toBe('Điều 5 khoản 2 (dự thảo lần 1) → Điều 6 khoản 2 (dự thảo lần 2)');
    // Section V, the concordance: old → new in the report's numbering.
    const concordance = lines.findIndex((l) => l === 'V. BẢNG ĐỐI CHIẾU DỰ THẢO LẦN 1 – DỰ THẢO LẦN 2');
    expect(concordance).toBeGreaterThan(comment);
    // mammoth leaves out empty cells: a row is found by its old and new places side by side.
    const table = lines.slice(concordance);
    const rowOf = (before: string, after: string) => {
      const i = table.findIndex((cell, k) => cell === before && table[k + 1] === after);
      return i < 0 ? [] : table.slice(i, i + 4);
    };
    // Word for word the same, only renumbered: no "sửa nội dung" although the organiser made the group.
    expect(rowOf('Điều 5', 'Điều 6')).toEqual(['Điều 5', 'Điều 6', 'chuyển số', 'Nhiệm vụ, quyền hạn của đảng đoàn, ban cán sự đảng']);
    expect(rowOf('Điều 10, Điều 11', 'Điều 11')).toEqual(['Điều 10, Điều 11', 'Điều 11', 'gộp', MERGED_TITLE]);
    expect(rowOf('Điều 12', 'Điều 12')).toEqual(['Điều 12', 'Điều 12', 'giữ nguyên, sửa nội dung', REWRITTEN_TITLE]);
    expect(table.slice(table.indexOf(NEW_ARTICLE_TITLE) - 2, table.indexOf(NEW_ARTICLE_TITLE) + 1)).toEqual(['Điều 5', 'mới', NEW_ARTICLE_TITLE]);
  });

  it('speaks English: the revision tab, where comments went and the numbering choice, without sideways scrolling on a tablet', async () => {
    await page.getByRole('button', { name: /^EN/ }).click();
    await page.getByRole('link', { name: 'Draft 2' }).click();
    await expect(page.getByTestId('revision-confirmed').textContent()).resolves.toMatch(/^Draft 2 confirmed/);
    await page.getByRole('link', { name: /Responses/ }).click();
    await expect(responseItem(ON_5_2).getByTestId('response-followed').textContent()).resolves.toBe('Article 5 clause 2 (draft 1) → Article 6 clause 2 (draft 2)');
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByRole('group', { name: 'Numbering follows' }).getByRole('radio', { name: 'draft 2' }).waitFor();
    await page.setViewportSize(TABLET);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('reports-tablet-en', TABLET);
    await page.getByRole('button', { name: /^VI/ }).click();
  });

  it('DA17: the tab shows the confirmed mapping; old Điều 12 corrected to deleted and confirmed again; the responses and the synthesis follow', async () => {
    await page.getByRole('link', { name: 'Dự thảo lần 2' }).click();
    await page.getByTestId('revision-confirmed').waitFor();
    // The confirmed mapping, not an empty upload form: Điều 5 → 6 as corrected, 10 + 11 merged into 11.
    expect(await page.getByTestId('mapping').getAttribute('data-state')).toBe('confirmed');
    await expect(Promise.all([valuesOf('5'), valuesOf('10'), valuesOf('11'), valuesOf('12')])).resolves.toEqual([['6'], ['11'], ['11'], ['12']]);
    expect(await page.getByTestId('mapping-review').count()).toBe(0);
    expect(await page.getByTestId('revision-confirmed-when').textContent()).toMatch(/^Xác nhận lúc \d\d:\d\d, \d\d\/\d\d\/\d{4}\. Sửa ở bảng dưới/);
    const again = page.getByTestId('revision-confirm');
    await expect(Promise.all([again.textContent(), again.isDisabled()])).resolves.toEqual(['Xác nhận lại đối chiếu', true]);
    // The rewritten Điều 12 keeps its number, and the table says its words changed (DA18).
    await expect(row('12').getByTestId('mapping-reworded').textContent()).resolves.toBe('sửa nội dung');
    expect(await row('13').getByTestId('mapping-reworded').count()).toBe(0);
    await shot('confirmed-mapping', LAPTOP, page.locator('#revision-title'));

    // The drafting team says the old Điều 12 was dropped, the new Điều 12 written afresh: arrow up to "bỏ" on it and its clauses.
    for (const unit of ['12', '12.1', '12.2']) {
      await selectsOf(unit).first().focus();
      for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowUp');
      await expect(valuesOf(unit)).resolves.toEqual(['']);
    }
    await row('12').getByText('đã sửa').waitFor();
    await expect(row('12').locator('.mapping__kind .chip').first().textContent()).resolves.toBe('bỏ');
    expect(await page.getByTestId('revision-new').textContent()).toContain(`Điều 12. ${REWRITTEN_TITLE}`);
    await again.focus();
    await page.keyboard.press('Enter');
    await eventually(() => page.getByTestId('revision-confirmed-when').textContent(), (t) => t?.includes('(đã sửa đối chiếu 1 lần)') ?? false, 'the amendment confirmed');
    expect(await page.getByTestId('mapping').getAttribute('data-state')).toBe('confirmed');
    await expect(valuesOf('12')).resolves.toEqual(['']);

    const revision = await eventually(() => hub.state(CONF).then((s) => s.revision), (r) => r?.amendments === 1, 'the amended revision');
    const group = (before: number[]) => revision?.alignment.articles.find((g) => JSON.stringify(g.before) === JSON.stringify(before));
    expect([group([12])?.kind, group([5])?.after, group([10, 11])?.kind]).toEqual(['deleted', [6], 'merged']);
    expect(revision?.alignment.articles.filter((g) => g.kind === 'new').map((g) => g.after)).toEqual([[5], [12]]);

    await page.getByRole('link', { name: /Trả lời ý kiến/ }).click();
    await expect(responseItem(ON_12).getByTestId('response-followed').textContent()).resolves.toBe('Điều 12 khoản 2 (dự thảo lần 1) → không còn trong dự thảo lần 2');
    await expect(responseItem(ON_5_2).getByTestId('response-followed').textContent()).resolves.toBe('Điều 5 khoản 2 (dự thảo lần 1) → Điều 6 khoản 2 (dự thảo lần 2)');

    await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await page.getByRole('group', { name: 'Đánh số theo' }).getByRole('radio', { name: 'dự thảo lần 2' }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-synthesis-docx').click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'diem-cau-e2e-revision-')), download.suggestedFilename());
    await download.saveAs(file);
    const { value: text } = await mammoth.extractRawText({ buffer: readFileSync(file) });
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    // The comment on the old Điều 12 is a general comment now, its note saying the article went.
    const general = lines.indexOf('III. Ý KIẾN CHUNG VỀ DỰ THẢO');
    const comment = lines.findIndex((l) => l.endsWith(ON_12));
    expect([general > -1, comment > general, comment < lines.findIndex((l) => l.startsWith('IV. '))]).toEqual([true, true, true]);
    expect(lines.slice(comment, comment + 3)).toContain('Điều 12 khoản 2 (dự thảo lần 1) → không còn trong dự thảo lần 2');
    // The concordance follows the latest mapping: the old Điều 12 deleted, the new one new.
    const table = lines.slice(lines.indexOf('V. BẢNG ĐỐI CHIẾU DỰ THẢO LẦN 1 – DỰ THẢO LẦN 2'));
    const oldTitle = findArticle(parseDraft(DEMO_DRAFT_TEXT).draft, 12)?.article.title ?? '';
    const run = (cells: string[]) => table.some((_, k) => cells.every((c, i) => table[k + i] === c));
    expect([run(['Điều 12', 'bỏ', oldTitle]), run(['Điều 12', 'mới', REWRITTEN_TITLE]), run(['Điều 12', 'Điều 12'])]).toEqual([true, true, false]);
  });

  it('the workspace’s tabs at 768 px: whole tabs wrap onto a second row, no label broken inside', async () => {
    await page.goto(`${hub.url}/to-chuc#/c/${CONF}/codes`);
    await page.getByTestId('join-codes').waitFor();
    await page.setViewportSize(TABLET);
    const tabs = page.locator('.org-tabs .tabs__tab');
    expect(await tabs.count()).toBeGreaterThanOrEqual(7);
    // Every label on one line: the boxes of its text (not the count chip beside it) share one top.
    const linesPerLabel = await tabs.evaluateAll((all) => all.map((tab) => {
      const label = [...tab.childNodes].find((n) => n.nodeType === Node.TEXT_NODE);
      const range = document.createRange();
      if (label) range.selectNodeContents(label);
      return `${tab.textContent}: ${new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size}`;
    }));
    expect(linesPerLabel.filter((l) => !l.endsWith(': 1'))).toEqual([]);
    const rows = await tabs.evaluateAll((all) => new Set(all.map((tab) => Math.round(tab.getBoundingClientRect().top))).size);
    expect(rows).toBeLessThanOrEqual(2);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('tabs-tablet', TABLET, page.locator('.conference-head'));
  });
});

