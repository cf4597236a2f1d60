import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findArticle, type ConferenceState } from '@diem-cau/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import { demoSetup } from '../server/src/demo/seedDemo';
import { SCREENSHOT_DIR, eventually, launchChromium, openConsole, shoot, type Console } from './support/consoles';
import { E2E_ADMIN_TOKEN, HubWithClient, type JoinCode } from './support/hubWithClient';
import { openOrganiserWorkspace } from './support/organiserWorkspace';

/**
 * The organiser's alternatives editor in Chromium against the real hub (PO12, P20): before the conference, the
 * organiser opens the stored demo draft, tries alternatives of the whole Điều 3 (refused: it has clauses, which the
 * text read again would fold into the last alternative), puts two alternatives on its khoản 1 with the keyboard,
 * saves the conference; edits one and adds a third; the hub's draft carries them, the clauses intact; once the
 * conference is live the chair's consultation form offers them and opens a consultation on them.
 */
jest.setTimeout(120_000);

const CONF = 'hn-e2e-alternatives';
const PA1 = 'Thành lập đảng đoàn ở mọi hội quần chúng cấp tỉnh.';
const PA2 = 'Chỉ thành lập khi hội có trên 1.000 hội viên.';
const PA2_EDITED = 'Chỉ thành lập khi hội có trên 5.000 hội viên.';
const PA3 = 'Giao ban thường vụ tỉnh ủy quyết định từng trường hợp.';

let hub: HubWithClient;
let browser: Browser;
let page: Page;
let codes: JoinCode[];
let chair: Console | undefined;
const errors: string[] = [];

const editor = () => page.getByTestId('alt-editor');
const alternativesOf = (s: ConferenceState) => findArticle(s.draft, 3)?.article.clauses.find((c) => c.number === 1)?.alternatives?.map((a) => a.text);
const valueOf = (l: Locator) => l.inputValue();

/** The setup's draft review, as from the conference page's "Sửa thông tin". */
async function openDraftReview(): Promise<void> {
  await page.goto(`${hub.url}/to-chuc#/c/${CONF}/edit`);
  await page.getByRole('heading', { name: 'Sửa thông tin hội nghị' }).waitFor();
  await page.getByTestId('draft-summary').getByRole('button', { name: 'Xem lại' }).click();
  await editor().waitFor();
}

/** Accepts the structure and saves the conference: the draft goes to the hub. */
async function acceptAndSave(): Promise<void> {
  await page.getByRole('button', { name: 'Chấp nhận cấu trúc' }).click();
  await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await page.getByText('Đã lưu thông tin hội nghị.').waitFor();
}

/** Types into the focused field as a user does: select what is there, then the keys. */
async function typeInto(field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

beforeAll(async () => {
  hub = await HubWithClient.start();
  codes = await hub.createConference(demoSetup(), CONF);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  browser = await launchChromium();
  page = await openOrganiserWorkspace(browser, hub.url, E2E_ADMIN_TOKEN, errors);
});

afterAll(async () => {
  await chair?.context.close();
  await browser?.close();
  await hub?.close();
});

afterEach(() => {
  expect([...errors, ...(chair?.errors ?? [])]).toEqual([]);
});

describe('the organiser’s alternatives editor (PO12)', () => {
  it('PO12: whole-article alternatives on Điều 3 are refused; two alternatives on its khoản 1, typed with the keyboard, are stored with the clauses intact', async () => {
    const before = await hub.state(CONF);
    expect(alternativesOf(before)).toBeUndefined();
    await openDraftReview();

    // Điều 1 → Điều 3 with the arrow keys on the focused select.
    const article = editor().getByTestId('alt-article');
    await article.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(valueOf(article)).resolves.toBe('3');
    await expect(valueOf(editor().getByTestId('alt-clause'))).resolves.toBe('0');
    await editor().getByRole('button', { name: 'Thêm phương án' }).click();
    await typeInto(editor().getByLabel('Phương án 1', { exact: true }), PA1);
    await expect(editor().getByTestId('alt-over-clauses').textContent()).resolves.toBe('Điều 3 có 3 khoản: phương án của cả điều sẽ thay cho toàn bộ các khoản. Hãy chọn phương án của từng khoản.');
    await expect(editor().getByTestId('alt-save').isDisabled()).resolves.toBe(true);

    // Khoản 1 instead: the clause select, one arrow down (the texts typed for the whole article go).
    await editor().getByTestId('alt-clause').focus();
    await page.keyboard.press('ArrowDown');
    await expect(valueOf(editor().getByTestId('alt-clause'))).resolves.toBe('1');
    expect(await editor().getByTestId('alt-over-clauses').count()).toBe(0);
    await editor().getByRole('button', { name: 'Thêm phương án' }).click();
    await typeInto(editor().getByLabel('Phương án 1', { exact: true }), PA1);
    await editor().getByRole('button', { name: 'Thêm phương án' }).click();
    await typeInto(editor().getByLabel('Phương án 2', { exact: true }), PA2);
    await editor().getByTestId('alt-save').focus();
    await page.keyboard.press('Enter');
    const row3 = page.getByTestId('tree-article').filter({ hasText: 'Điều 3.' });
    await expect(row3.getByTestId('tree-alternatives').textContent()).resolves.toBe('2 phương án');
    // The two "Phương án" lines are what changed in the text, not every line they pushed down.
    await page.getByText('Đã sửa 2 dòng so với tệp gốc').waitFor();
    await page.mouse.move(0, 0);
    await editor().evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'organiser-alternatives.png') });
    await acceptAndSave();

    const stored = await eventually(() => hub.state(CONF), (s) => alternativesOf(s) !== undefined, 'the alternatives stored');
    expect(alternativesOf(stored)).toEqual([PA1, PA2]);
    expect(findArticle(stored.draft, 3)?.article.clauses.map((c) => c.number)).toEqual([1, 2, 3]);
    expect(findArticle(stored.draft, 3)?.article.clauses.map((c) => c.text)).toEqual(findArticle(before.draft, 3)?.article.clauses.map((c) => c.text));
    expect(findArticle(stored.draft, 3)?.article.alternatives).toBeUndefined();
  });

  it('PO12: the stored alternatives come back in the editor; one is reworded and a third added, and the hub has the three', async () => {
    await openDraftReview();
    await editor().getByTestId('alt-article').selectOption('3');
    await editor().getByTestId('alt-clause').selectOption('1');
    await expect(Promise.all([valueOf(editor().getByTestId('alt-text-1')), valueOf(editor().getByTestId('alt-text-2'))])).resolves.toEqual([PA1, PA2]);
    await typeInto(editor().getByTestId('alt-text-2'), PA2_EDITED);
    await editor().getByRole('button', { name: 'Thêm phương án' }).click();
    await typeInto(editor().getByLabel('Phương án 3', { exact: true }), PA3);
    await editor().getByRole('button', { name: 'Lưu phương án' }).click();
    await expect(page.getByTestId('tree-article').filter({ hasText: 'Điều 3.' }).getByTestId('tree-alternatives').textContent()).resolves.toBe('3 phương án');
    await acceptAndSave();
    const stored = await eventually(() => hub.state(CONF), (s) => alternativesOf(s)?.length === 3, 'the third alternative stored');
    expect(alternativesOf(stored)).toEqual([PA1, PA2_EDITED, PA3]);
  });

  it('PO1 PO12: once live, the chair’s consultation form offers khoản 1 Điều 3’s alternatives and opens a consultation on them', async () => {
    const code = codes.find((c) => c.role === 'chair')?.code ?? '';
    chair = await openConsole(browser, hub.url, 'chair', code, { width: 1440, height: 1000 });
    await chair.page.getByRole('button', { name: 'Khai mạc hội nghị' }).click();
    await chair.page.getByRole('button', { name: 'Xác nhận khai mạc' }).click();
    await eventually(() => hub.state(CONF).then((s) => s.status), (s) => s === 'live', 'the conference to start');
    const panel = chair.page.locator('[data-panel=consultation]');
    await panel.getByTestId('consult-new').click();
    // The form starts on the first article carrying alternatives: the organiser's.
    await expect(Promise.all([valueOf(panel.getByTestId('consult-article')), valueOf(panel.getByTestId('consult-clause'))])).resolves.toEqual(['3', '1']);
    const choice = panel.getByLabel('Chọn phương án');
    await expect(Promise.all([choice.isEnabled(), choice.isChecked()])).resolves.toEqual([true, true]);
    await panel.getByTestId('consult-open').click();
    const opened = await eventually(() => hub.state(CONF), (s) => s.consultations.list().length === 1, 'the consultation opened');
    const [consultation] = opened.consultations.list();
    expect([consultation?.article, consultation?.clause, consultation?.options.map((o) => `${o.label}: ${o.text}`)]).toEqual([3, 1, [`Phương án 1: ${PA1}`, `Phương án 2: ${PA2_EDITED}`, `Phương án 3: ${PA3}`]]);
    await panel.getByText(PA2_EDITED).first().waitFor();
    await shoot(chair, 'chair-alternatives-consultation');
  });
});
