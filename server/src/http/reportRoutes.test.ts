import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { runShortConference } from '../testing/shortConference';
import { TEST_ADMIN_TOKEN, TestHub, type JoinCodeInfo } from '../testing/testHub';

describe('report downloads over HTTP', () => {
  let hub: TestHub;
  let conferenceId: string;
  let chairToken: string;
  let otherToken: string;

  async function tokenOf(codes: JoinCodeInfo[], role: string): Promise<string> {
    const code = codes.find((c) => c.role === role)?.code ?? '';
    return (await hub.session(code)).token;
  }

  beforeAll(async () => {
    hub = await TestHub.start();
    const created = await hub.createConference();
    conferenceId = created.conferenceId;
    chairToken = await tokenOf(created.joinCodes, 'chair');
    otherToken = await tokenOf((await hub.createConference()).joinCodes, 'chair');
    await runShortConference(hub, created.joinCodes, { spoken: 'Đề nghị sửa khoản 2 cho rõ', written: '=HYPERLINK("http://x")' });
  });
  afterAll(async () => {
    await hub.stop();
  });

  const url = (file: string, query = '') => `${hub.url}/api/conferences/${conferenceId}/reports/${file}${query}`;
  const get = (file: string, query = '') => fetch(url(file, query), { headers: { authorization: `Bearer ${chairToken}` } });

  it('HR1: without a token, or with another conference\'s session, the reports are refused (401)', async () => {
    expect((await fetch(url('synthesis.docx'))).status).toBe(401);
    expect((await fetch(url('synthesis.docx'), { headers: { authorization: `Bearer ${otherToken}` } })).status).toBe(401);
    expect((await fetch(url('minutes.csv', '?token=wrong'))).status).toBe(401);
  });

  it('Q41: a session token in the URL (?token=) opens nothing, even the conference\'s own', async () => {
    expect((await fetch(url('minutes.csv', `?token=${encodeURIComponent(chairToken)}`))).status).toBe(401);
  });

  it('HR2: a session of the conference or the admin token (Authorization header) downloads every report', async () => {
    for (const kind of ['synthesis', 'minutes']) {
      for (const format of ['docx', 'xlsx', 'csv', 'html']) {
        const res = await get(`${kind}.${format}`);
        expect([kind, format, res.status]).toEqual([kind, format, 200]);
        expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
      }
    }
    const admin = await fetch(url('synthesis.html'), { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    expect(admin.status).toBe(200);
    expect(admin.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('HR3: names the file in Vietnamese (RFC 5987) with an ASCII fallback, and never caches', async () => {
    const res = await get('synthesis.docx');
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toContain(`attachment; filename="Bao-cao-tong-hop-y-kien-${conferenceId}.docx"`);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`Báo cáo tổng hợp ý kiến - ${conferenceId}.docx`)}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('HR4: the downloaded files hold the conference: DOCX text, XLSX sheets, a neutralised CSV', async () => {
    const docx = Buffer.from(await (await get('synthesis.docx', '?style=party&issuer=Ban%20T%E1%BB%95%20ch%E1%BB%A9c')).arrayBuffer());
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('Đề nghị sửa khoản 2 cho rõ');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await get('minutes.xlsx')).arrayBuffer());
    expect(book.getWorksheet('Phát biểu')?.getRow(2).getCell(2).value).toBe('Dương Xuân Hùng');
    const csv = await (await get('synthesis.csv')).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    const points = await (await get('synthesis.csv', '?view=points')).text();
    expect(points).toContain('Tỉnh ủy Hà Giang,0,1,1');
  });

  it('HR5: an unknown report, view or conference is NOT_FOUND; a bad option is INVALID', async () => {
    expect((await get('synthesis.pdf')).status).toBe(404);
    expect((await get('synthesis.csv', '?view=nothing')).status).toBe(404);
    expect((await get('synthesis.docx', '?style=royal')).status).toBe(400);
    const admin = { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } };
    expect((await fetch(`${hub.url}/api/conferences/hn-none/reports/minutes.docx`, admin)).status).toBe(404);
  });
});
