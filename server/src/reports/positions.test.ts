import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { buildSynthesis, reportHeaderOf, type SynthesisReport } from '@diem-cau/shared';
import { ACTORS, FixtureConference, consultedConference, liveWithAlternatives } from '@diem-cau/shared/testing';
import { parseCsv } from './testing/parseCsv';
import { toCsv } from './csv/toCsv';
import { synthesisDocx } from './docx/synthesisDocx';
import { synthesisHtml } from './html/synthesisHtml';
import { synthesisTables } from './tables/synthesisTables';
import { toXlsx } from './xlsx/toXlsx';

const synthesis = (): SynthesisReport => buildSynthesis(consultedConference().state);

describe('points’ positions in the synthesis, in every format (PO11)', () => {
  it('PO11: the synthesis carries each consultation under its article: alternatives, tally, points per option, reasons, who did not answer', () => {
    const article2 = synthesis().chapters[0]?.articles.find((a) => a.number === 2);
    expect(article2?.consultations).toEqual([expect.objectContaining({
      where: 'Điều 2', question: 'Lấy ý kiến về các phương án', when: '15:01 – 15:05', answered: 2, consulted: 3, unanswered: ['Tỉnh ủy Bắc Kạn'],
      options: [
        { label: 'Phương án 1', text: 'Giữ ba phó bí thư.', count: 0, points: [] },
        { label: 'Phương án 2', text: 'Giảm còn hai phó bí thư.', count: 2, points: [{ name: 'Tỉnh ủy Hà Giang', reason: 'Phù hợp với thực tiễn miền núi' }, { name: 'Tỉnh ủy Thái Nguyên', reason: 'Tinh gọn bộ máy' }] },
      ],
    })]);
    const article1 = synthesis().chapters[0]?.articles.find((a) => a.number === 1);
    expect(article1?.consultations.map((c) => [c.where, c.question, c.when])).toEqual([['khoản 2 Điều 1', 'Lấy ý kiến tán thành', '15:06 – 15:07 (hết thời hạn)']]);
  });

  it('PO11: the XLSX has a sheet of positions, one row per point, read back', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await toXlsx(synthesisTables(synthesis()), { title: 't', subject: 's', created: new Date(0) })) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Ý kiến về phương án');
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Điều, khoản', 'Hình thức', 'Thời gian', 'Lựa chọn', 'Nội dung', 'Số điểm cầu', 'Điểm cầu', 'Lý do']);
    const row = (n: number) => (sheet?.getRow(n).values as unknown[]).slice(1);
    // Draft order: khoản 2 Điều 1's approval (rows 2–5), then Điều 2's alternatives.
    expect(row(4)).toEqual(['khoản 2 Điều 1', 'Lấy ý kiến tán thành', '15:06 – 15:07 (hết thời hạn)', 'Ý kiến khác', '', 1, 'Tỉnh ủy Hà Giang', 'Đề nghị nhiệm kỳ 5 năm']);
    expect([6, 7, 8, 9].map((n) => row(n).slice(3))).toEqual([
      ['Phương án 1', 'Giữ ba phó bí thư.', 0, '', ''],
      ['Phương án 2', 'Giảm còn hai phó bí thư.', 2, 'Tỉnh ủy Hà Giang', 'Phù hợp với thực tiễn miền núi'],
      ['Phương án 2', 'Giảm còn hai phó bí thư.', 2, 'Tỉnh ủy Thái Nguyên', 'Tinh gọn bộ máy'],
      ['Chưa trả lời', '', 1, 'Tỉnh ủy Bắc Kạn', ''],
    ]);
  });

  it('PO11: the CSV of positions reads back; a synthesis without consultations has no positions table', () => {
    const table = synthesisTables(synthesis()).find((t) => t.key === 'positions');
    const csv = parseCsv(toCsv(table ?? { key: '', title: '', columns: [], rows: [] }).toString('utf8').replace(/^\uFEFF/, ''));
    expect(csv[0]?.[3]).toBe('Lựa chọn');
    expect(csv.some((row) => row.includes('Đề nghị nhiệm kỳ 5 năm') && row.includes('Ý kiến khác'))).toBe(true);
    const plain = buildSynthesis(new FixtureConference().state);
    expect(synthesisTables(plain).map((t) => t.key)).not.toContain('positions');
  });

  it('PO11: the print view and the DOCX show the tally under the article, with the reasons', async () => {
    const r = synthesis();
    const html = synthesisHtml(r, reportHeaderOf(r.conference));
    expect(html).toContain('Lấy ý kiến về các phương án (Điều 2), 15:01 – 15:05: 2/3 điểm cầu trả lời.');
    expect(html).toContain('Tỉnh ủy Thái Nguyên (“Tinh gọn bộ máy”)');
    const { value: text } = await mammoth.extractRawText({ buffer: await synthesisDocx(r, reportHeaderOf(r.conference)) });
    const at = text.indexOf('Lấy ý kiến về các phương án (Điều 2)');
    expect(at).toBeGreaterThan(text.indexOf('Điều 2. Cơ cấu thường trực'));
    expect(text.slice(at)).toContain('Chưa trả lời (1): Tỉnh ủy Bắc Kạn.');
    expect(text).toContain('Tỉnh ủy Hà Giang (“Phù hợp với thực tiễn miền núi”)');
  });

  it('PO13: an answer the chair recorded for a point says so in the print view, the DOCX and the table of positions', async () => {
    const conf = liveWithAlternatives();
    const [opened] = conf.must(ACTORS.chair, { type: 'consultation.open', kind: 'alternatives', article: 2 });
    if (opened?.type !== 'consultation.opened') throw new Error('not opened');
    const id = opened.payload.consultationId;
    conf.must(ACTORS.chair, { type: 'consultation.answer', consultationId: id, pointId: 'bac-kan', optionId: 'pa1', reason: 'Báo qua điện thoại' });
    conf.must(ACTORS.haGiang, { type: 'consultation.answer', consultationId: id, pointId: 'ha-giang', optionId: 'pa1' });
    const r = buildSynthesis(conf.state);
    const rows = synthesisTables(r).find((t) => t.key === 'positions')?.rows.map((row) => row.slice(3));
    expect(rows).toEqual([
      ['Phương án 1', 'Giữ ba phó bí thư.', 2, 'Tỉnh ủy Bắc Kạn (chủ trì ghi nhận)', 'Báo qua điện thoại'],
      ['Phương án 1', 'Giữ ba phó bí thư.', 2, 'Tỉnh ủy Hà Giang', ''],
      ['Phương án 2', 'Giảm còn hai phó bí thư.', 0, '', ''],
      ['Chưa trả lời', '', 1, 'Tỉnh ủy Thái Nguyên', ''],
    ]);
    expect(synthesisHtml(r, reportHeaderOf(r.conference))).toContain('Tỉnh ủy Bắc Kạn (chủ trì ghi nhận) (“Báo qua điện thoại”); Tỉnh ủy Hà Giang');
    const { value: text } = await mammoth.extractRawText({ buffer: await synthesisDocx(r, reportHeaderOf(r.conference)) });
    expect(text).toContain('Tỉnh ủy Bắc Kạn (chủ trì ghi nhận) (“Báo qua điện thoại”); Tỉnh ủy Hà Giang');
  });
});
