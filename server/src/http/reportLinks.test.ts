import { ManualClock } from '../testing/manualClock';
import { TEST_ADMIN_TOKEN, TestHub } from '../testing/testHub';

const json = { 'content-type': 'application/json' };

describe('single-use report links (Q41)', () => {
  let hub: TestHub;
  const clock = new ManualClock();
  let conferenceId: string;
  let chairToken: string;
  let otherToken: string;

  beforeAll(async () => {
    hub = await TestHub.start({ clock });
    const created = await hub.createConference();
    conferenceId = created.conferenceId;
    chairToken = (await hub.session(created.joinCodes.find((c) => c.role === 'chair')?.code ?? '')).token;
    otherToken = (await hub.session((await hub.createConference()).joinCodes.find((c) => c.role === 'chair')?.code ?? '')).token;
  });
  afterAll(async () => {
    await hub.stop();
  });

  const ask = (body: object, token = chairToken, id = conferenceId) =>
    fetch(`${hub.url}/api/conferences/${id}/report-links`, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const linkOf = async (body: object, token?: string) => ((await (await ask(body, token)).json()) as { url: string; expiresAt: number });

  it('Q41: a session asks for a link in a header and gets a URL without its token, valid about a minute', async () => {
    const res = await ask({ file: 'synthesis.docx' });
    expect(res.status).toBe(201);
    const { url, expiresAt } = (await res.json()) as { url: string; expiresAt: number };
    expect(url).toMatch(/^\/api\/report-links\/[A-Za-z0-9_-]{43}$/);
    expect(url).not.toContain(chairToken);
    expect(expiresAt - clock.now()).toBeGreaterThan(59_000);
    expect(expiresAt - clock.now()).toBeLessThanOrEqual(60_000);
    const file = await fetch(`${hub.url}${url}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('attachment;');
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1_000);
  });

  it('Q41: a link works once: the second use is refused (404 LINK_USED_OR_EXPIRED)', async () => {
    const { url } = await linkOf({ file: 'minutes.csv', view: 'timeline' });
    expect((await fetch(`${hub.url}${url}`)).status).toBe(200);
    const again = await fetch(`${hub.url}${url}`);
    expect(again.status).toBe(404);
    expect(((await again.json()) as { error: { details: { reason: string } } }).error.details.reason).toBe('LINK_USED_OR_EXPIRED');
  });

  it('Q41: a link not used within its minute is refused', async () => {
    const { url } = await linkOf({ file: 'synthesis.html' });
    clock.advance(60_001);
    expect((await fetch(`${hub.url}${url}`)).status).toBe(404);
  });

  it('Q41: the print view keeps its own strict policy, and the header options ride in the link', async () => {
    const { url } = await linkOf({ file: 'synthesis.html', style: 'party' });
    const page = await fetch(`${hub.url}${url}`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await page.text()).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  });

  it('Q41: only a session of that conference or the admin token gets a link; a made-up link opens nothing', async () => {
    expect((await ask({ file: 'synthesis.docx' }, otherToken)).status).toBe(401);
    expect((await ask({ file: 'synthesis.docx' }, 'not-a-token-at-all-0123456789')).status).toBe(401);
    expect((await ask({ file: 'synthesis.docx' }, TEST_ADMIN_TOKEN)).status).toBe(201);
    expect((await ask({ file: 'synthesis.pdf' })).status).toBe(400);
    expect((await ask({ file: 'synthesis.docx', token: chairToken })).status).toBe(400);
    expect((await fetch(`${hub.url}/api/report-links/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await fetch(`${hub.url}/api/report-links/..%2F..`)).status).toBe(404);
  });
});
