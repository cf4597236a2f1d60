import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { buildSynthesis, reportHeaderOf } from '@diem-cau/shared';
import { consultedThenDropped } from '@diem-cau/shared/testing';
import { parseCsv } from './testing/parseCsv';
import { toCsv } from './csv/toCsv';
import { synthesisDocx } from './docx/synthesisDocx';
import { synthesisHtml } from './html/synthesisHtml';
import { synthesisTables } from './tables/synthesisTables';
import { toXlsx } from './xlsx/toXlsx';

const revised = () => buildSynthesis(consultedThenDropped().state, { numbering: 'revised' });
const HEADLINE = 'Lấy ý kiến về các phương án (Điều 2, dự thảo lần 1), 15:01 – 15:05: 2/3 điểm cầu trả lời.';

describe('DA19: positions on an article draft 2 deleted, in every format of the synthesis in draft 2’s numbering', () => {
  it('DA19: the print view lists them under "Điều đã bỏ trong dự thảo lần 2", after draft 2’s articles, before the general comments', () => {
    const html = synthesisHtml(revised(), reportHeaderOf(revised().conference));
    const heading = html.indexOf('Điều đã bỏ trong dự thảo lần 2');
    expect(heading).toBeGreaterThan(html.indexOf('Điều 2. Nhiệm vụ, quyền hạn'));
    expect(heading).toBeLessThan(html.indexOf('III. Ý KIẾN CHUNG'));
    const tail = html.slice(heading);
    expect(tail.indexOf('Điều 2 (dự thảo lần 1). Cơ cấu thường trực')).toBeGreaterThan(0);
    expect(tail).toContain(HEADLINE);
    expect(tail).toContain('Tỉnh ủy Thái Nguyên (“Tinh gọn bộ máy”)');
  });

  it('DA19: the DOCX carries the same section with the tally and who did not answer', async () => {
    const r = revised();
    const { value: text } = await mammoth.extractRawText({ buffer: await synthesisDocx(r, reportHeaderOf(r.conference)) });
    const heading = text.indexOf('Điều đã bỏ trong dự thảo lần 2');
    expect(heading).toBeGreaterThan(text.indexOf('Điều 2. Nhiệm vụ, quyền hạn'));
    const tail = text.slice(heading);
    expect(tail.indexOf('Điều 2 (dự thảo lần 1). Cơ cấu thường trực')).toBeGreaterThan(0);
    expect(tail).toContain(HEADLINE);
    expect(tail).toContain('Chưa trả lời (1): Tỉnh ủy Bắc Kạn.');
  });

  it('DA19: the XLSX sheet and the CSV of positions keep its rows, named in draft 1’s numbering', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await toXlsx(synthesisTables(revised()), { title: 't', subject: 's', created: new Date(0) })) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Ý kiến về phương án');
    const rows = [...Array(sheet?.rowCount ?? 0).keys()].map((i) => (sheet?.getRow(i + 1).values as unknown[]).slice(1));
    expect(rows.filter((r) => r[0] === 'Điều 2, dự thảo lần 1').map((r) => r.slice(3, 7))).toEqual([
      ['Phương án 1', 'Giữ ba phó bí thư.', 0, ''],
      ['Phương án 2', 'Giảm còn hai phó bí thư.', 2, 'Tỉnh ủy Hà Giang'],
      ['Phương án 2', 'Giảm còn hai phó bí thư.', 2, 'Tỉnh ủy Thái Nguyên'],
      ['Chưa trả lời', '', 1, 'Tỉnh ủy Bắc Kạn'],
    ]);
    const table = synthesisTables(revised()).find((t) => t.key === 'positions');
    const csv = parseCsv(toCsv(table ?? { key: '', title: '', columns: [], rows: [] }).toString('utf8').replace(/^\uFEFF/, ''));
    expect(csv.filter((r) => r[0] === 'Điều 2, dự thảo lần 1')).toHaveLength(4);
  });
});
