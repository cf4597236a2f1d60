import JSZip from 'jszip';
import mammoth from 'mammoth';
import { reportHeaderOf } from '@diem-cau/shared';
import { fixtureReports, TRICKY } from '../testing/reportFixture';
import { minutesDocx } from './minutesDocx';
import { synthesisDocx } from './synthesisDocx';

const count = (text: string, needle: string) => text.split(needle).length - 1;

/** Finds each needle after the previous one: -1 as soon as one is missing or out of order. */
function inOrder(text: string, needles: readonly string[]): number[] {
  let from = 0;
  return needles.map((n) => {
    const at = from < 0 ? -1 : text.indexOf(n, from);
    from = at < 0 ? -1 : at + n.length;
    return at;
  });
}

async function documentXml(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}

describe('DOCX reports', () => {
  const { synthesis, minutes, header } = fixtureReports();

  it('D1: the synthesis reads back with articles in draft order and the header, title and sections in order', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: await synthesisDocx(synthesis, header) });
    const order = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BÁO CÁO', 'I. TỔNG HỢP CHUNG', 'II. Ý KIẾN GÓP Ý THEO TỪNG ĐIỀU', 'Chương I. Quy định chung',
      'Điều 1. Phạm vi điều chỉnh', 'Điều 2. Giải thích từ ngữ', 'Chương II. Nhiệm vụ', 'Điều 3. Nhiệm vụ, quyền hạn', 'III. Ý KIẾN CHUNG', 'IV. CÁC ĐIỀU CHƯA CÓ Ý KIẾN'];
    expect(inOrder(text, order).every((p) => p >= 0)).toBe(true);
  });

  it('D2: every comment is in the synthesis once per article it names; the retracted one is not', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: await synthesisDocx(synthesis, header) });
    expect(count(text, 'Tán thành Điều 1 và Điều 2')).toBe(2);
    expect(count(text, 'Đề nghị sửa khoản 2')).toBe(1);
    expect(count(text, 'Làm rõ phạm vi')).toBe(1);
    expect(count(text, 'Bổ sung định nghĩa')).toBe(1);
    expect(count(text, 'Ý kiến chung về dự thảo')).toBe(1);
    expect(count(text, TRICKY.formula)).toBe(1);
    expect(text).not.toContain('Ghi nhầm');
    expect(text).toContain('Có 3 ý kiến của 2 điểm cầu: Tỉnh ủy Hà Giang (1), Tỉnh ủy Thái Nguyên (2).');
  });

  it('D3: is A4 in Times New Roman with the decree margins and heading styles', async () => {
    const zip = await JSZip.loadAsync(await synthesisDocx(synthesis, header));
    const xml = await documentXml(await synthesisDocx(synthesis, header));
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:left="1701"/);
    expect(styles).toContain('Times New Roman');
    expect(xml).toContain('w:val="Heading1"');
  });

  it('D4: a Party conference gets the Party header', async () => {
    const party = reportHeaderOf(synthesis.conference, { style: 'party', issuer: 'Ban Tổ chức Trung ương' });
    const { value: text } = await mammoth.extractRawText({ buffer: await synthesisDocx(synthesis, party) });
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('BAN TỔ CHỨC TRUNG ƯƠNG');
    expect(text).not.toContain('CỘNG HÒA XÃ HỘI');
  });

  it('D5: the minutes list opening, each speech with its facts and comments, and closing, in order', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: await minutesDocx(minutes, header) });
    const order = ['BIÊN BẢN', 'Khai mạc hội nghị', 'Chuyển sang nội dung: Thảo luận Chương I', 'Đồng chí Dương Xuân Hùng', 'Đề nghị sửa khoản 2',
      'Đồng chí Đinh Thị Hà', 'Làm rõ phạm vi', 'Bổ sung định nghĩa', 'Bế mạc hội nghị', 'II. CÁC LƯỢT PHÁT BIỂU', 'III. TỔNG HỢP THEO ĐIỂM CẦU'];
    expect(inOrder(text, order).every((p) => p >= 0)).toBe(true);
    expect(text).toContain('thời lượng 3:30/3:00 cho phép; quá giờ 0:30; gia hạn 1 lần (60 giây); tạm dừng 0:30; Đại biểu kết thúc');
    expect(text).not.toContain('Ghi nhầm');
  });
});
