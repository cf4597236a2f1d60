import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { HubWithClient, E2E_ADMIN_TOKEN } from './support/hubWithClient';
import { openOrganiserWorkspace } from './support/organiserWorkspace';
import { eventually, launchChromium } from './support/consoles';
import { verifyArchive } from '../server/src/archive/verifyArchive';

/**
 * The organiser downloads the conference archive in Chromium (AR3): no button while the conference runs; once it
 * is ended from the workspace, the reports tab's button saves one .tar through a single-use link, which
 * verify finds intact and whose manifest names the log's head as the hub stores it.
 */
jest.setTimeout(90_000);

const CONF = 'hn-e2e-archive';
let hub: HubWithClient;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  hub = await HubWithClient.start();
  await hub.createConference(FIXTURE_SETUP, CONF);
  browser = await launchChromium();
  page = await openOrganiserWorkspace(browser, hub.url, E2E_ADMIN_TOKEN, errors);
  page.on('dialog', (d) => void d.accept());
});

afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

it('AR3: once the organiser has ended the conference, the reports tab downloads its archive, and verify finds it intact', async () => {
  await page.goto(`${hub.url}/to-chuc#/c/${CONF}/reports`);
  const panel = page.getByTestId('archive-download');
  await panel.waitFor();
  await page.getByRole('button', { name: 'Khai mạc' }).click();
  await eventually(() => hub.state(CONF).then((s) => s.status), (s) => s === 'live', 'the conference live');
  expect(await panel.getByTestId('archive-button').count()).toBe(0);
  await page.getByRole('button', { name: 'Bế mạc' }).click();
  await eventually(() => hub.state(CONF).then((s) => s.status), (s) => s === 'ended', 'the conference ended');

  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: /Tải hồ sơ lưu trữ/ }).click()]);
  expect(download.suggestedFilename()).toBe(`Lưu trữ hội nghị - ${CONF}.tar`);
  expect(download.url()).toMatch(/\/api\/archive-links\/[A-Za-z0-9_-]{43}$/);
  const file = join(mkdtempSync(join(tmpdir(), 'diem-cau-e2e-archive-')), 'archive.tar');
  writeFileSync(file, readFileSync((await download.path()) ?? ''));
  const verdict = await verifyArchive(file);
  expect(verdict.problems).toEqual([]);
  const head = await hub.hub.hub.chainHead(CONF, (await hub.state(CONF)).seq);
  expect(verdict.manifest?.log).toEqual({ path: 'log.jsonl', events: head.seq, headHash: head.hash });
  expect(execFileSync('tar', ['-tf', file], { encoding: 'utf8' })).toContain('reports/Bien-ban-hoi-nghi-hn-e2e-archive.docx');
  // The link was for one download.
  expect((await fetch(download.url())).status).toBe(404);
  expect(errors).toEqual([]);
});
