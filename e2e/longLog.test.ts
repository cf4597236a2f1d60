import type { Browser } from 'playwright-core';
import { demoSetup } from '../server/src/demo/seedDemo';
import { TestClient } from '../server/src/testing/testClient';
import { eventually, launchChromium, openConsole, shoot, texts, type Console } from './support/consoles';
import { HubWithClient, type JoinCode } from './support/hubWithClient';

/**
 * A console opened on a long conference starts from the hub's shared snapshot (Q14): 600 comments are more
 * than the 500 events a sync answers one by one, so Chromium inflates the gzip-compressed snapshot with its
 * DecompressionStream, folds the events after it, then follows the live log.
 */
jest.setTimeout(90_000);

const CONF = 'hn-e2e-long-log';
const COMMENTS = 600;

let hub: HubWithClient;
let browser: Browser;
let codes: JoinCode[];
const sockets: TestClient[] = [];
const consoles: Console[] = [];

const code = (role: string) => codes.find((x) => x.role === role)?.code ?? '';
async function socketOf(role: string): Promise<TestClient> {
  const res = await fetch(`${hub.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: code(role) }) });
  const { token } = (await res.json()) as { token: string };
  const client = await TestClient.connect(hub.url, token, CONF);
  sockets.push(client);
  return client;
}
const log = (secretary: TestClient, from: number, to: number) =>
  Promise.all(Array.from({ length: to - from }, (_, i) => secretary.command({ type: 'comment.log', kind: 'supplement', text: `Ý kiến số ${from + i}`, articles: [{ article: 1 }] })));

beforeAll(async () => {
  hub = await HubWithClient.start({ quotas: { sessionCommands: { perS: 10_000, burst: 10_000 }, codeCommands: { perS: 10_000, burst: 10_000 } } });
  codes = await hub.createConference(demoSetup(), CONF);
  browser = await launchChromium();
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await browser?.close();
  await hub?.close();
});

describe('a console opened on a long log', () => {
  it('starts from the compressed snapshot, shows every comment, then follows live events', async () => {
    await (await socketOf('chair')).command({ type: 'conference.start' });
    const secretary = await socketOf('secretary');
    const acks = await log(secretary, 0, COMMENTS);
    expect(acks.every((a) => a.ok)).toBe(true);
    expect((await hub.state(CONF)).seq).toBeGreaterThan(500);

    const sec = await openConsole(browser, hub.url, 'sec-long', code('secretary'), { width: 1366, height: 800 });
    consoles.push(sec);
    const count = () => texts(sec.page, '[data-testid=comment-count]');
    await eventually(count, (t) => t[0] === `${COMMENTS} ý kiến`, 'the console counts every comment');
    const truth = await hub.state(CONF);
    const last = truth.comments.get(truth.comments.ids[truth.comments.ids.length - 1]!);
    expect(await sec.page.locator('[data-panel=feed] [data-testid=comment]').first().textContent()).toContain(last?.text);

    await log(secretary, COMMENTS, COMMENTS + 5);
    await eventually(count, (t) => t[0] === `${COMMENTS + 5} ý kiến`, 'live comments after the snapshot');
    await shoot(sec, 'secretary-long-log');
    expect(sec.errors).toEqual([]);
  });
});
