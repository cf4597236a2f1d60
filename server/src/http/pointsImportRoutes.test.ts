import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BridgePointSetupSchema } from '@diem-cau/shared';
import ExcelJS from 'exceljs';
import express from 'express';
import { pointsImportRouter, readCsv, slugId } from './pointsImportRoutes';

const ADMIN = 'points-admin-token-0123456789';

interface Answer {
  points: Array<{ id: string; name: string; kind: string; delegates: Array<{ id: string; name: string; position: string }> }>;
  warnings: Array<{ row: number; message: string }>;
  stats: Record<string, number>;
  error?: { code: string; details?: { reason?: string } };
}

async function xlsxOf(rows: unknown[][], sheetName = 'Đại biểu'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('POST /api/points/parse', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    const app = express().use(pointsImportRouter({ adminToken: ADMIN }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  async function post(name: string, data: Uint8Array, token: string = ADMIN) {
    const form = new FormData();
    form.append('file', new Blob([data]), name);
    const res = await fetch(`${url}/api/points/parse`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, body: (await res.json()) as Answer };
  }
  const reason = (r: { body: Answer }) => [r.body.error?.code, r.body.error?.details?.reason];

  it('PI1: a UTF-8 CSV with a BOM, one row per delegate, gives points with ids slugged from the names', async () => {
    const csv = '\uFEFFĐiểm cầu,Đại biểu,Chức vụ\r\nĐiểm cầu Trung ương,Nguyễn Quang Dương,"Phó Trưởng Ban Tổ chức Trung ương"\r\n'
      + 'Tỉnh ủy Thái Nguyên,Dương Xuân Hùng,"Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức"\r\nTỉnh ủy Thái Nguyên,Mai Thị Thúy Nga,Phó Chủ tịch HĐND tỉnh\r\n'
      + 'Tỉnh ủy Bắc Kạn,,\r\n\r\n';
    const { status, body } = await post('diem-cau.csv', Buffer.from(csv, 'utf8'));
    expect(status).toBe(200);
    expect(body.points).toEqual([
      { id: 'diem-cau-trung-uong', name: 'Điểm cầu Trung ương', kind: 'central', delegates: [{ id: 'diem-cau-trung-uong-1', name: 'Nguyễn Quang Dương', position: 'Phó Trưởng Ban Tổ chức Trung ương' }] },
      { id: 'tinh-uy-thai-nguyen', name: 'Tỉnh ủy Thái Nguyên', kind: 'provincial', delegates: [
        { id: 'tinh-uy-thai-nguyen-1', name: 'Dương Xuân Hùng', position: 'Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức' },
        { id: 'tinh-uy-thai-nguyen-2', name: 'Mai Thị Thúy Nga', position: 'Phó Chủ tịch HĐND tỉnh' },
      ] },
      { id: 'tinh-uy-bac-kan', name: 'Tỉnh ủy Bắc Kạn', kind: 'provincial', delegates: [] },
    ]);
    expect(body.stats).toEqual({ rows: 4, points: 3, delegates: 3 });
    for (const p of body.points) expect(BridgePointSetupSchema.safeParse(p).success).toBe(true);
  });

  it('PI2: an XLSX built with exceljs, English headers after a title row, a kind column and merged point cells', async () => {
    const data = await xlsxOf([
      ['Danh sách đại biểu dự hội nghị'],
      ['No.', 'Bridge point', 'Delegate', 'Position', 'Kind'],
      [1, 'Hà Nội', 'Trần Văn A', 'Chủ trì', 'central'],
      [2, 'Tỉnh ủy Cao Bằng', 'Nông Thị Hạnh', 'Phó Trưởng Ban', 'provincial'],
      [3, '', 'Lục Văn B', 'Chuyên viên', ''],
    ]);
    const { status, body } = await post('list.xlsx', data);
    expect(status).toBe(200);
    expect(body.points.map((p) => [p.id, p.kind, p.delegates.length])).toEqual([
      ['ha-noi', 'central', 1], ['tinh-uy-cao-bang', 'provincial', 2],
    ]);
    expect(body.points[1]?.delegates[1]).toEqual({ id: 'tinh-uy-cao-bang-2', name: 'Lục Văn B', position: 'Chuyên viên' });
  });

  it('PI3: semicolon CSVs, repeated names differing only in case, and a second central point are handled with warnings', async () => {
    const csv = 'Điểm cầu;Họ và tên;Chức danh\nĐiểm cầu Trung ương;A;x\nđiểm cầu trung ương;B;y\nTrung ương (dự phòng);C;z\n';
    const { status, body } = await post('list.csv', Buffer.from(csv, 'utf8'));
    expect(status).toBe(200);
    expect(body.points.map((p) => [p.kind, p.delegates.length])).toEqual([['central', 2], ['provincial', 1]]);
    expect(body.warnings).toEqual([{ row: 4, message: expect.stringContaining('Chỉ có một điểm cầu Trung ương') }]);
  });

  it('PI4: bad files answer with typed INVALID errors and the reason', async () => {
    expect(reason(await post('a.csv', Buffer.alloc(0)))).toEqual(['INVALID', 'EMPTY_FILE']);
    expect(reason(await post('a.pdf', Buffer.from('%PDF-1.7')))).toEqual(['INVALID', 'UNSUPPORTED_TYPE']);
    expect(reason(await post('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0])))).toEqual(['INVALID', 'UNSUPPORTED_TYPE']);
    const corrupt = await post('a.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect([corrupt.status, ...reason(corrupt)]).toEqual([422, 'INVALID', 'UNREADABLE_FILE']);
    const noHeader = await post('a.csv', Buffer.from('Tên,Tuổi\nA,3\n'));
    expect([noHeader.status, ...reason(noHeader)]).toEqual([422, 'INVALID', 'NO_COLUMNS']);
    expect(reason(await post('a.csv', Buffer.from('Điểm cầu,Đại biểu\n,\n')))).toEqual(['INVALID', 'NO_ROWS']);
    const big = await post('a.csv', Buffer.alloc(5 * 1024 * 1024 + 1, 0x41));
    expect([big.status, ...reason(big)]).toEqual([413, 'INVALID', 'FILE_TOO_LARGE']);
    const none = await fetch(`${url}/api/points/parse`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(400);
  });

  it('PI5: refuses without the admin token (401)', async () => {
    expect((await post('a.csv', Buffer.from('Điểm cầu\nA\n'), '')).status).toBe(401);
    expect((await post('a.csv', Buffer.from('Điểm cầu\nA\n'), 'wrong')).status).toBe(401);
  });
});

describe('points list reading', () => {
  it('PI6: CSV cells keep quoted delimiters, doubled quotes and line breaks', () => {
    expect(readCsv('a,"b, c","say ""hi""","two\nlines"\r\nx,y')).toEqual([['a', 'b, c', 'say "hi"', 'two\nlines'], ['x', 'y']]);
    expect(readCsv('a\tb\n1\t2\n')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('PI7: ids are the name without diacritics, đ included, and never empty', () => {
    expect(slugId('Tỉnh ủy Đắk Lắk')).toBe('tinh-uy-dak-lak');
    expect(slugId('  Điểm cầu — Trung ương! ')).toBe('diem-cau-trung-uong');
    expect(slugId('???')).toBe('diem-cau');
  });
});
