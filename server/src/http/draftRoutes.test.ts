import { DEMO_DRAFT_TEXT, parseDraft, renderDraftText, type Draft } from '@diem-cau/shared';
import { Document, Packer, Paragraph } from 'docx';
import { TEST_ADMIN_TOKEN, TestHub } from '../testing/testHub';

/** What POST /api/drafts/parse answers, as far as these tests read it. */
interface ParseBody {
  draft: Draft;
  stats: { articles: number; chapters: number };
  text: string;
  warnings: unknown[];
  error?: { details?: { reason?: string } };
}

/** A Word file with one paragraph per line of the text, as a clerk would type it. */
async function docxOf(text: string): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph(line)) }] });
  return Packer.toBuffer(doc);
}

describe('POST /api/drafts/parse', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await TestHub.start();
  });
  afterAll(async () => {
    await hub.stop();
  });

  async function post(name: string, data: Uint8Array, opts: { token?: string; title?: string } = {}) {
    const form = new FormData();
    form.append('file', new Blob([data]), name);
    if (opts.title) form.append('title', opts.title);
    const token = opts.token ?? TEST_ADMIN_TOKEN;
    const res = await fetch(`${hub.url}/api/drafts/parse`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, body: (await res.json()) as ParseBody };
  }

  it('DI1: a draft written to .docx parses to the same tree as its text', async () => {
    const text = renderDraftText(parseDraft(DEMO_DRAFT_TEXT).draft);
    const expected = parseDraft(text);
    const { status, body } = await post('du-thao.docx', await docxOf(text));
    expect(status).toBe(200);
    expect(body.draft).toEqual(expected.draft);
    expect(body.stats).toMatchObject({ chapters: 4, articles: 16 });
    expect(typeof body.text).toBe('string');
    expect(Array.isArray(body.warnings)).toBe(true);
  });

  it('DI2: .txt and .md upload as text; a typed title wins', async () => {
    const txt = await post('du-thao.txt', Buffer.from(`\uFEFF${DEMO_DRAFT_TEXT}`, 'utf8'), { title: 'Dự thảo thử' });
    expect(txt.status).toBe(200);
    expect(txt.body.draft.title).toBe('Dự thảo thử');
    expect(txt.body.stats.articles).toBe(16);
    const md = await post('du-thao.md', Buffer.from('**Điều 1. Phạm vi**\n\nNội dung.\n', 'utf8'));
    expect(md.body.draft.articles[0]).toMatchObject({ number: 1, title: 'Phạm vi' });
  });

  it('DI3: refuses without the admin token (401)', async () => {
    expect((await post('a.txt', Buffer.from('Điều 1. A'), { token: '' })).status).toBe(401);
    expect((await post('a.txt', Buffer.from('Điều 1. A'), { token: 'nope' })).status).toBe(401);
  });

  it('DI4: typed errors for an unsupported type, an empty file, a corrupt .docx, a missing file and a file over 10 MB', async () => {
    const reason = (r: { body: ParseBody }) => r.body.error?.details?.reason;
    const pdf = await post('a.pdf', Buffer.from('%PDF-1.7'));
    expect([pdf.status, reason(pdf)]).toEqual([415, 'UNSUPPORTED_TYPE']);
    const doc = await post('old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]));
    expect([doc.status, reason(doc)]).toEqual([415, 'UNSUPPORTED_TYPE']);
    const empty = await post('a.txt', Buffer.alloc(0));
    expect([empty.status, reason(empty)]).toEqual([400, 'EMPTY_FILE']);
    const corrupt = await post('a.docx', Buffer.from('PK\u0003\u0004garbage'));
    expect([corrupt.status, reason(corrupt)]).toEqual([422, 'UNREADABLE_FILE']);
    const none = await fetch(`${hub.url}/api/drafts/parse`, { method: 'POST', body: new FormData(), headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    expect(none.status).toBe(400);
    const big = await post('big.txt', Buffer.alloc(10 * 1024 * 1024 + 1, 0x41));
    expect([big.status, reason(big)]).toEqual([413, 'FILE_TOO_LARGE']);
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
  });
});
