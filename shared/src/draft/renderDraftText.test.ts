import { DraftSchema } from './draft';
import { renderDraftText } from './renderDraftText';

describe('draft text rendering', () => {
  it('P17: writes parts, chapters, sections, articles, clauses and points in the legal layout', () => {
    const draft = DraftSchema.parse({
      title: 'Dự thảo mẫu',
      chapters: [
        {
          number: 'I', title: 'QUY ĐỊNH CHUNG', part: { number: 'thứ nhất', title: 'PHẦN CHUNG' },
          articles: [{ number: 1, title: 'Phạm vi', intro: 'Mở đầu.', clauses: [{ number: 1, text: 'Khoản:', items: [{ letter: 'a', text: 'Điểm.' }] }] }],
          sections: [{ number: '1', title: 'MỤC MỘT', articles: [{ number: 2, title: '' }] }],
        },
      ],
    });
    expect(renderDraftText(draft)).toBe(
      ['Dự thảo mẫu', '', 'Phần thứ nhất', 'PHẦN CHUNG', '', 'Chương I', 'QUY ĐỊNH CHUNG', '', 'Điều 1. Phạm vi', 'Mở đầu.', '1. Khoản:', 'a) Điểm.', '', 'Mục 1', 'MỤC MỘT', '', 'Điều 2.', ''].join('\n'),
    );
  });

  it('P17: a draft without chapters is a list of articles', () => {
    const draft = DraftSchema.parse({ title: 'Quyết định', articles: [{ number: 1, title: '', intro: 'Phê duyệt kế hoạch.' }] });
    expect(renderDraftText(draft)).toBe('Quyết định\n\nĐiều 1.\nPhê duyệt kế hoạch.\n');
  });
});
