import ExcelJS from 'exceljs';
import { minutesTables } from '../tables/minutesTables';
import { synthesisTables } from '../tables/synthesisTables';
import { fixtureReports, TRICKY } from '../testing/reportFixture';
import { sheetName, toXlsx } from './toXlsx';

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('XLSX reports', () => {
  const { synthesis, minutes } = fixtureReports();
  const meta = { title: 't', subject: 's', created: new Date(0) };

  it('S1: one sheet per view, each with a frozen header row and an autofilter', async () => {
    const book = await readBack(await toXlsx(synthesisTables(synthesis), meta));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Ý kiến theo điều', 'Tổng hợp chung', 'Tổng hợp theo điều', 'Theo điểm cầu', 'Điều chưa có ý kiến']);
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getRow(1).font?.bold).toBe(true);
    }
  });

  it('S2: the comment sheet has every comment once per article, in draft order, and formula text stays inert text', async () => {
    const book = await readBack(await toXlsx(synthesisTables(synthesis), meta));
    const sheet = book.worksheets[0];
    const articles: string[] = [];
    sheet?.eachRow((row, n) => { if (n > 1) articles.push(String(row.getCell(3).value)); });
    expect(articles).toEqual(['Điều 1', 'Điều 1', 'Điều 1', 'Điều 2', 'Điều 2', 'Điều 3', 'Điều 3', 'Điều 3', 'Ý kiến chung']);
    const texts: ExcelJS.Cell[] = [];
    sheet?.eachRow((row) => texts.push(row.getCell(11)));
    const formula = texts.find((c) => c.value === TRICKY.formula);
    expect(formula?.type).toBe(ExcelJS.ValueType.String);
    expect(texts.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
  });

  it('S3: the per-point sheet counts spoken and written comments; the minutes speeches sheet has both speeches', async () => {
    const book = await readBack(await toXlsx(synthesisTables(synthesis), meta));
    const points = book.getWorksheet('Theo điểm cầu');
    expect(points?.getRow(4).values).toEqual([undefined, 3, 'Tỉnh ủy Hà Giang', 1, 3, 4]);
    const mins = await readBack(await toXlsx(minutesTables(minutes), meta));
    expect(mins.getWorksheet('Phát biểu')?.rowCount).toBe(3);
  });

  it('S4: sheet names are made valid and unique', () => {
    const taken = new Set<string>();
    expect(sheetName('Điều [1]: a/b?', taken)).toBe('Điều  1   a b');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
    expect(sheetName('x'.repeat(40), taken)).toBe(`${'x'.repeat(27)} (2)`);
  });
});
