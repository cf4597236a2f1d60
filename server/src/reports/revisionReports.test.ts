import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { renderDraftText, type DraftAlignment, type Draft } from '@diem-cau/shared';
import { REVISED_DRAFT } from '@diem-cau/shared/testing';
import { TEST_ADMIN_TOKEN, TestHub } from '../testing/testHub';
import { parseCsv } from './testing/parseCsv';

const AUTH = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

/** A conference ended with a comment on Điều 1 khoản 2, its revision (Điều 1 → Điều 2) confirmed over HTTP. */
async function revisedConference(hub: TestHub): Promise<string> {
  const { conferenceId, joinCodes } = await hub.createConference();
  const chair = await hub.join(joinCodes, { role: 'chair' });
  const point = await hub.join(joinCodes, { role: 'point', pointId: 'thai-nguyen' });
  await chair.command({ type: 'conference.start' });
  await point.command({ type: 'comment.log', pointId: 'thai-nguyen', kind: 'amend', text: 'Sửa khoản 2 cho rõ', source: 'written', articles: [{ article: 1, clause: 2 }] });
  await chair.command({ type: 'conference.end' });
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(renderDraftText(REVISED_DRAFT), 'utf8')]), 'lan-2.txt');
  form.append('title', REVISED_DRAFT.title);
  const proposal = (await (await fetch(`${hub.url}/api/conferences/${conferenceId}/draft-revision/parse`, { method: 'POST', body: form, headers: AUTH })).json()) as { draft: Draft; alignment: DraftAlignment };
  const confirmed = await fetch(`${hub.url}/api/conferences/${conferenceId}/draft-revision`, {
    method: 'PUT', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify({ draft: proposal.draft, alignment: proposal.alignment }),
  });
  expect(confirmed.status).toBe(200);
  return conferenceId;
}

describe('DA15: the synthesis in either numbering, ending with the concordance table', () => {
  let hub: TestHub;
  let id: string;
  beforeAll(async () => {
    hub = await TestHub.start();
    id = await revisedConference(hub);
  });
  afterAll(async () => {
    await hub.stop();
  });

  const get = async (file: string) => {
    const res = await fetch(`${hub.url}/api/conferences/${id}/reports/${file}`, { headers: AUTH });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  };

  it('DA15: CSV — the comment in the revised numbering is filed under Điều 2 with where it came from', async () => {
    const { body } = await get('synthesis.csv?numbering=revised');
    const rows = parseCsv(body.toString('utf8').replace(/^\uFEFF/, ''));
    const header = rows[0] ?? [];
    const row = rows.find((r) => r.includes('Sửa khoản 2 cho rõ')) ?? [];
    expect(row[header.indexOf('Điều')]).toBe('Điều 2');
    expect(row[header.indexOf('Khoản, điểm')]).toBe('khoản 2');
    expect(row[header.indexOf('Dự thảo lần 1 → dự thảo lần 2')]).toBe('Điều 1 khoản 2 (dự thảo lần 1) → Điều 2 khoản 2 (dự thảo lần 2)');
    const first = parseCsv((await get('synthesis.csv')).body.toString('utf8').replace(/^\uFEFF/, ''));
    expect(first.find((r) => r.includes('Sửa khoản 2 cho rõ'))?.[first[0]?.indexOf('Điều') ?? -1]).toBe('Điều 1');
  });

  it('DA15: CSV view=concordance lists every article old → new', async () => {
    const rows = parseCsv((await get('synthesis.csv?view=concordance&numbering=revised')).body.toString('utf8').replace(/^\uFEFF/, ''));
    const articles = rows.filter((r) => /^Điều \d+$/.test(r[2] ?? '') || /^Điều \d+$/.test(r[1] ?? ''));
    expect(articles.slice(0, 4).map((r) => `${r[1]} → ${r[2]}`)).toEqual([' → Điều 1', 'Điều 1 → Điều 2', 'Điều 2 → Điều 3', 'Điều 3 → Điều 4']);
  });

  it('DA15: DOCX — revised numbering said under the title, the comment under Điều 2, and the concordance table last', async () => {
    const { status, body } = await get('synthesis.docx?numbering=revised');
    expect(status).toBe(200);
    const { value: text } = await mammoth.extractRawText({ buffer: body });
    expect(text).toContain('Số điều, khoản trong báo cáo theo dự thảo lần 2');
    expect(text).toContain('Điều 1 khoản 2 (dự thảo lần 1) → Điều 2 khoản 2 (dự thảo lần 2)');
    const table = text.indexOf('V. BẢNG ĐỐI CHIẾU DỰ THẢO LẦN 1 – DỰ THẢO LẦN 2');
    expect(table).toBeGreaterThan(text.indexOf('IV. CÁC ĐIỀU CHƯA CÓ Ý KIẾN GÓP Ý'));
    expect(text.slice(table)).toContain('chuyển số');
    expect(text.indexOf('Mục đích ban hành')).toBeGreaterThan(-1);
  });

  it('DA15: XLSX — a "Bảng đối chiếu" sheet and the comments sheet in the revised numbering', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await get('synthesis.xlsx?numbering=revised')).body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets.find((w) => w.name.startsWith('Bảng đối chiếu'));
    const values = (sheet?.getSheetValues() ?? []).map((r) => (Array.isArray(r) ? r.slice(1).map(String) : []));
    expect(values.some((r) => r[1] === 'Điều 1' && r[2] === 'Điều 2')).toBe(true);
  });

  it('DA15: the print view names both drafts in the comment and ends with the concordance; a numbering not offered is INVALID', async () => {
    const html = (await get('synthesis.html?numbering=first')).body.toString('utf8');
    expect(html).toContain('Số điều, khoản trong báo cáo theo dự thảo lần 1');
    expect(html).toContain('Điều 1 khoản 2 (dự thảo lần 1) → Điều 2 khoản 2 (dự thảo lần 2)');
    expect(html.lastIndexOf('BẢNG ĐỐI CHIẾU')).toBeGreaterThan(html.indexOf('CÁC ĐIỀU CHƯA CÓ Ý KIẾN'));
    expect((await get('synthesis.html?numbering=lan-3')).status).toBe(400);
  });
});
