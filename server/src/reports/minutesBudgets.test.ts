import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { buildMinutes, reportHeaderOf, type MinutesReport } from '@diem-cau/shared';
import { budgetedConference } from '@diem-cau/shared/testing';
import { minutesDocx } from './docx/minutesDocx';
import { minutesHtml } from './html/minutesHtml';
import { minutesTables } from './tables/minutesTables';
import { toXlsx } from './xlsx/toXlsx';

function minutesOf(): MinutesReport {
  const minutes = buildMinutes(budgetedConference().log);
  if (!minutes) throw new Error('no minutes');
  return minutes;
}

const header = (r: MinutesReport) => reportHeaderOf(r.conference);

describe('minutes with speaking-time budgets, in every format (TB10)', () => {
  it('TB10: the XLSX has a budget sheet and a time-per-article sheet after the point totals, read back row by row', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await toXlsx(minutesTables(minutesOf()), { title: 't', subject: 's', created: new Date(0) })) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name).slice(-3)).toEqual(['Theo điểm cầu', 'Thời gian phân bổ', 'Thời gian theo điều']);
    const budget = book.getWorksheet('Thời gian phân bổ');
    expect(budget?.getRow(2).values).toEqual([undefined, 'Thảo luận Chương I (chia đều)', 'Tỉnh ủy Thái Nguyên', 'Điểm cầu', '2:00', '', '0:20', '2:30', '0:00', '0:10']);
    expect(budget?.getRow(5).getCell(2).value).toBe('Khối tỉnh ủy phía Bắc');
    const articles = book.getWorksheet('Thời gian theo điều');
    expect(articles?.getRow(2).values).toEqual([undefined, 'Thảo luận Chương I', 'Điều 1', 'Phạm vi điều chỉnh', 1, '2:30']);
  });

  it('TB10: the print view and the DOCX carry sections IV (budgets) and V (time per article), silent articles named', async () => {
    const r = minutesOf();
    const html = minutesHtml(r, header(r));
    expect(html).toContain('IV. THỜI GIAN PHÁT BIỂU THEO PHÂN BỔ');
    expect(html).toContain('V. THỜI GIAN PHÁT BIỂU THEO ĐIỀU');
    expect(html).toContain('Thảo luận Chương I: chưa có phát biểu về Điều 2.');
    const { value: text } = await mammoth.extractRawText({ buffer: await minutesDocx(r, header(r)) });
    const iv = text.indexOf('IV. THỜI GIAN PHÁT BIỂU THEO PHÂN BỔ');
    const v = text.indexOf('V. THỜI GIAN PHÁT BIỂU THEO ĐIỀU', iv + 3);
    expect([iv > text.indexOf('III. TỔNG HỢP THEO ĐIỂM CẦU'), v > iv]).toEqual([true, true]);
    expect(text.slice(iv, v)).toContain('Khối tỉnh ủy phía Bắc');
    expect(text.slice(v)).toContain('chưa có phát biểu về Điều 2');
  });

  it('TB10: minutes without budgets or speeches keep their sheets as before', () => {
    const r = { ...minutesOf(), budgets: [], articleTimes: [] };
    expect(minutesTables(r).map((t) => t.key)).toEqual(['timeline', 'speeches', 'comments', 'points']);
    expect(minutesHtml(r, header(r))).not.toContain('THỜI GIAN PHÁT BIỂU THEO');
  });
});
