import { parseDraft } from '@diem-cau/shared';
import { changedLineCount, replaceLine, splitLines, suspectHeadings } from './draftLines';

const TEXT = ['Chương I', 'QUY ĐỊNH CHUNG', 'Điều 1. Phạm vi', '1. Nội dung.', 'Điểu 2: Đối tượng', 'Nội dung hai.', 'Chuong II', 'Điều 3. Hiệu lực', 'điều 9 của Luật này', 'Điều 4 Trách nhiệm', 'Nội dung bốn.'].join('\n');

describe('draft lines', () => {
  it('finds headings misspelt enough to be read as text, and proposes the heading', () => {
    const { draft } = parseDraft(TEXT);
    expect(suspectHeadings(splitLines(TEXT), draft)).toEqual([
      { line: 5, fix: 'Điều 2. Đối tượng' },
      { line: 7, fix: 'Chương II' },
    ]);
  });

  it('replaces one line and counts the lines that differ from the upload', () => {
    const next = replaceLine(TEXT, 5, 'Điều 2. Đối tượng\n');
    expect(splitLines(next)[4]).toBe('Điều 2. Đối tượng ');
    expect(changedLineCount(TEXT, next)).toBe(1);
    expect(replaceLine(TEXT, 99, 'x')).toBe(TEXT);
    // "Chuong II" is still misspelt, so Chapter I keeps every article.
    expect(parseDraft(next).draft.chapters[0]?.articles.map((a) => a.number)).toEqual([1, 2, 3, 4]);
  });

  it('counts lines inserted or removed as themselves, not every line they push down', () => {
    const lines = splitLines(TEXT);
    const inserted = [...lines.slice(0, 4), 'Phương án 1: Một.', 'Phương án 2: Hai.', ...lines.slice(4)].join('\n');
    expect(changedLineCount(TEXT, inserted)).toBe(2);
    expect(changedLineCount(inserted, TEXT)).toBe(2);
    const insertedAndEdited = inserted.replace('Nội dung bốn.', 'Nội dung bốn, sửa.');
    expect(changedLineCount(TEXT, insertedAndEdited)).toBe(3);
  });
});
