import { classifyBlock } from './headings';

describe('block shapes', () => {
  it.each([
    ['Điều 5. Phạm vi điều chỉnh', { number: 5, rest: 'Phạm vi điều chỉnh', strong: true }],
    ['Điều 5: Phạm vi điều chỉnh', { number: 5, rest: 'Phạm vi điều chỉnh', strong: true }],
    ['Điều 2.Đối tượng áp dụng', { number: 2, rest: 'Đối tượng áp dụng', strong: true }],
    ['Điều 24:Nguyên tắc', { number: 24, rest: 'Nguyên tắc', strong: true }],
    ['Điều 5 Chính sách của Nhà nước', { number: 5, rest: 'Chính sách của Nhà nước', strong: false }],
    ['Điều 1', { number: 1, rest: '', strong: true }],
    ['ĐIỀU 7. CHỮ IN HOA', { number: 7, rest: 'CHỮ IN HOA', strong: true }],
  ])('P3: "%s" is an article heading', (text, expected) => {
    expect(classifyBlock(text)).toEqual({ kind: 'article', ...expected });
  });

  it.each(['Điều 8 của Luật này', 'Điều 8, Điều 9 của Quy định này', 'Điều 2.000 đồng', 'ĐIỀU KHOẢN THI HÀNH', 'Điều 0. Không'])(
    'P4: "%s" is not an article heading',
    (text) => {
      expect(classifyBlock(text)?.kind).not.toBe('article');
    },
  );

  it.each([
    ['Chương I', 'I', 1, ''],
    ['CHƯƠNG XIII', 'XIII', 13, ''],
    ['Chương 2. QUY ĐỊNH CHUNG', '2', 2, 'QUY ĐỊNH CHUNG'],
    ['CHƯƠNG I: XE Ô TÔ', 'I', 1, 'XE Ô TÔ'],
  ])('P5: "%s" is shaped like a chapter', (text, number, value, title) => {
    expect(classifyBlock(text)).toEqual({ kind: 'chapter', style: 'chapter', number, value, title });
  });

  it.each(['Chương trình công tác năm', 'Chương II của Luật này', 'CHƯƠNG IIX: XE', 'Chương này quy định'])('P5: "%s" is not a chapter', (text) => {
    expect(classifyBlock(text)?.kind).not.toBe('chapter');
  });

  it('P6: a Party Roman section needs a title in capitals', () => {
    expect(classifyBlock('I- QUY ĐỊNH CHUNG')).toEqual({ kind: 'chapter', style: 'roman', number: 'I', value: 1, title: 'QUY ĐỊNH CHUNG' });
    expect(classifyBlock('II. Nhiệm vụ của đơn vị')).toBeUndefined();
  });

  it('P7: parts are numbered in ordinal words, Roman or Arabic numerals', () => {
    expect(classifyBlock('Phần thứ nhất')).toEqual({ kind: 'part', number: 'thứ nhất', value: 1, title: '' });
    expect(classifyBlock('PHẦN THỨ MƯỜI HAI')).toEqual({ kind: 'part', number: 'thứ mười hai', value: 12, title: '' });
    expect(classifyBlock('PHẦN II: CÁC TỘI PHẠM')).toEqual({ kind: 'part', number: 'II', value: 2, title: 'CÁC TỘI PHẠM' });
    expect(classifyBlock('Phần thứ hai của Bộ luật')).toBeUndefined();
  });

  it('P8: a section heading carries its title after a colon; "Mục V, số thứ tự 24" is not one', () => {
    expect(classifyBlock('Mục 1: QUY ĐỊNH CHUNG')).toEqual({ kind: 'section', number: '1', value: 1, title: 'QUY ĐỊNH CHUNG' });
    expect(classifyBlock('Mục V, số thứ tự 24')).toBeUndefined();
    expect(classifyBlock('Mục đích')).toBeUndefined();
  });

  it('P9: a clause is a number and a full stop, not a decimal number', () => {
    expect(classifyBlock('2. Chính sách')).toEqual({ kind: 'clause', number: 2, text: 'Chính sách' });
    expect(classifyBlock('1.300')).toBeUndefined();
  });

  it('P10: a point is a lower-case letter and a parenthesis, "đ)" included', () => {
    expect(classifyBlock('đ) Hình thức khác.')).toEqual({ kind: 'item', letter: 'đ', text: 'Hình thức khác.' });
    expect(classifyBlock('A) Không phải')).toBeUndefined();
  });
});
