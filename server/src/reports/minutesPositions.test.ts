import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { buildMinutes, reportHeaderOf, type MinutesReport } from '@diem-cau/shared';
import { ACTORS, consultedConference, liveWithAlternatives } from '@diem-cau/shared/testing';
import { renderReport } from './reportFormats';
import { parseCsv } from './testing/parseCsv';

function minutesOf(log: Parameters<typeof buildMinutes>[0]): MinutesReport {
  const r = buildMinutes(log);
  if (!r) throw new Error('no minutes');
  return r;
}

async function render(r: MinutesReport, format: 'docx' | 'html' | 'xlsx' | 'csv', view?: string): Promise<Buffer> {
  const out = await renderReport({ kind: 'minutes', report: r }, format, { header: reportHeaderOf(r.conference), now: new Date(0), ...(view ? { view } : {}) });
  if (!out) throw new Error(`no ${format}`);
  return out;
}

const docxText = async (r: MinutesReport) => (await mammoth.extractRawText({ buffer: await render(r, 'docx') })).value;

/** Điều 2's alternatives with names hidden: Hà Giang and Thái Nguyên answer Phương án 2, Bắc Kạn does not; the chair closes it. */
function hiddenNames() {
  const conf = liveWithAlternatives();
  const [opened] = conf.must(ACTORS.chair, { type: 'consultation.open', kind: 'alternatives', article: 2, hideNames: true });
  if (opened?.type !== 'consultation.opened') throw new Error('not opened');
  const id = opened.payload.consultationId;
  conf.must(ACTORS.haGiang, { type: 'consultation.answer', consultationId: id, pointId: 'ha-giang', optionId: 'pa2', reason: 'Tinh gọn' });
  conf.must(ACTORS.thaiNguyen, { type: 'consultation.answer', consultationId: id, pointId: 'thai-nguyen', optionId: 'pa2' });
  conf.must(ACTORS.chair, { type: 'consultation.close', consultationId: id });
  return minutesOf(conf.log);
}

describe('consultations in the minutes (PO15)', () => {
  const r = minutesOf(consultedConference().log);

  it('PO15: the timeline says when each consultation opened and how it ended, with its count, an expiry at its deadline', () => {
    expect(r.entries.filter((e) => e.kind === 'consultation').map((e) => [e.time, e.kind === 'consultation' ? e.text : ''])).toEqual([
      ['15:01:00', 'Lấy ý kiến các điểm cầu về các phương án của Điều 2'],
      ['15:05:00', 'Kết thúc lấy ý kiến về Điều 2: Phương án 1: 0, Phương án 2: 2 (2/3 điểm cầu trả lời)'],
      ['15:06:00', 'Lấy ý kiến các điểm cầu về khoản 2 Điều 1 (tán thành hay không), thời hạn 1 phút'],
      // The chair's close at 15:08 recorded the expiry: the minutes put it at the deadline.
      ['15:07:00', 'Hết thời hạn lấy ý kiến về khoản 2 Điều 1: Tán thành: 0, Không tán thành: 0, Ý kiến khác: 1 (1/3 điểm cầu trả lời)'],
    ]);
  });

  it('PO15: the DOCX has a section on the consultations: question, article, time and status, every option with its text, count, points and reasons, who did not answer', async () => {
    const text = await docxText(r);
    const at = text.indexOf('IV. LẤY Ý KIẾN CÁC ĐIỂM CẦU');
    expect(at).toBeGreaterThan(text.indexOf('III. TỔNG HỢP THEO ĐIỂM CẦU'));
    const section = text.slice(at);
    const order = [
      'Lấy ý kiến về các phương án (Điều 2), 15:01 – 15:05: 2/3 điểm cầu trả lời.',
      'Phương án 1', 'Giữ ba phó bí thư.', 'Phương án 2', 'Giảm còn hai phó bí thư.',
      'Tỉnh ủy Hà Giang (“Phù hợp với thực tiễn miền núi”); Tỉnh ủy Thái Nguyên (“Tinh gọn bộ máy”)',
      'Chưa trả lời (1): Tỉnh ủy Bắc Kạn.',
      'Lấy ý kiến tán thành (khoản 2 Điều 1), 15:06 – 15:07 (hết thời hạn): 1/3 điểm cầu trả lời.',
      'Tỉnh ủy Hà Giang (“Đề nghị nhiệm kỳ 5 năm”)',
    ];
    let from = 0;
    for (const needle of order) {
      const found = section.indexOf(needle, from);
      expect([needle, found >= 0]).toEqual([needle, true]);
      from = found + needle.length;
    }
    expect(text.slice(0, at)).toContain('15:05:00. Kết thúc lấy ý kiến về Điều 2: Phương án 1: 0, Phương án 2: 2 (2/3 điểm cầu trả lời).');
  });

  it('PO15: the print view carries the same section and timeline lines', async () => {
    const html = (await render(r, 'html')).toString('utf8');
    expect(html).toContain('<h2>IV. LẤY Ý KIẾN CÁC ĐIỂM CẦU</h2>');
    expect(html).toContain('Lấy ý kiến về các phương án (Điều 2), 15:01 – 15:05: 2/3 điểm cầu trả lời.');
    expect(html).toContain('Tỉnh ủy Hà Giang (“Phù hợp với thực tiễn miền núi”); Tỉnh ủy Thái Nguyên (“Tinh gọn bộ máy”)');
    expect(html).toContain('<b>15:06:00.</b> Lấy ý kiến các điểm cầu về khoản 2 Điều 1 (tán thành hay không), thời hạn 1 phút.');
  });

  it('PO15: the XLSX has a sheet "Lấy ý kiến" and the CSV a view "positions", one row per point’s position, read back', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await render(r, 'xlsx')) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Lấy ý kiến');
    const row = (n: number) => (sheet?.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual(['Điều, khoản', 'Hình thức', 'Thời gian', 'Lựa chọn', 'Nội dung', 'Số điểm cầu', 'Điểm cầu', 'Lý do']);
    // In the order opened: Điều 2 first.
    expect([2, 3, 4, 5].map((n) => row(n).slice(3))).toEqual([
      ['Phương án 1', 'Giữ ba phó bí thư.', 0, '', ''],
      ['Phương án 2', 'Giảm còn hai phó bí thư.', 2, 'Tỉnh ủy Hà Giang', 'Phù hợp với thực tiễn miền núi'],
      ['Phương án 2', 'Giảm còn hai phó bí thư.', 2, 'Tỉnh ủy Thái Nguyên', 'Tinh gọn bộ máy'],
      ['Chưa trả lời', '', 1, 'Tỉnh ủy Bắc Kạn', ''],
    ]);
    const csv = parseCsv((await render(r, 'csv', 'positions')).toString('utf8').replace(/^\uFEFF/, ''));
    expect(csv.find((line) => line.includes('Ý kiến khác'))).toEqual(['khoản 2 Điều 1', 'Lấy ý kiến tán thành', '15:06 – 15:07 (hết thời hạn)', 'Ý kiến khác', '', '1', 'Tỉnh ủy Hà Giang', 'Đề nghị nhiệm kỳ 5 năm']);
  });

  it('PO15: where the chair hid the names, every format keeps the counts and names no point beside an option', async () => {
    const hidden = hiddenNames();
    expect(hidden.consultations[0]?.options.map((o) => [o.label, o.count, o.points.length])).toEqual([['Phương án 1', 0, 0], ['Phương án 2', 2, 0]]);
    const text = await docxText(hidden);
    const section = text.slice(text.indexOf('LẤY Ý KIẾN CÁC ĐIỂM CẦU'));
    expect(section).toContain('Không công bố tên điểm cầu');
    expect(section).toContain('Chủ trì không công bố tên điểm cầu theo từng lựa chọn; chỉ ghi số lượng.');
    expect(section).not.toMatch(/Hà Giang|Thái Nguyên|Tinh gọn/);
    expect(section).toContain('Chưa trả lời (1): Tỉnh ủy Bắc Kạn.');
    const html = (await render(hidden, 'html')).toString('utf8');
    expect(html).toContain('<h2>IV. LẤY Ý KIẾN CÁC ĐIỂM CẦU</h2>');
    expect(html.slice(html.indexOf('LẤY Ý KIẾN CÁC ĐIỂM CẦU'))).not.toMatch(/Hà Giang|Thái Nguyên/);
    const csv = parseCsv((await render(hidden, 'csv', 'positions')).toString('utf8').replace(/^\uFEFF/, ''));
    expect(csv.slice(1).map((line) => line.slice(3, 7))).toEqual([
      ['Phương án 1', 'Giữ ba phó bí thư.', '0', ''],
      ['Phương án 2', 'Giảm còn hai phó bí thư.', '2', 'Không công bố tên điểm cầu'],
      ['Chưa trả lời', '', '1', 'Tỉnh ủy Bắc Kạn'],
    ]);
  });

  it('PO15: minutes of a conference without consultations have no such section, sheet or line', async () => {
    const plain = minutesOf(liveWithAlternatives().log);
    expect(plain.consultations).toEqual([]);
    expect(await docxText(plain)).not.toContain('LẤY Ý KIẾN CÁC ĐIỂM CẦU');
    expect(await render(plain, 'csv', 'positions').catch(() => undefined)).toBeUndefined();
  });
});
