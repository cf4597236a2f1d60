import { fireEvent, screen, within } from '@testing-library/react';
import { renderOrganiser } from '../testing/renderOrganiser';
import { splitLines, warningsByLine } from './draftLines';
import { SourceLines } from './SourceLines';

const TEXT = ['Quy định thử', '', 'Điều 1. Phạm vi', 'Nội dung một.', '', 'Điều 3. Hiệu lực', 'Nội dung ba.', '', 'Nơi nhận:', '- Như trên', 'Phụ lục I', 'Bảng kê'].join('\n');
const WARNINGS = [
  { code: 'ARTICLE_GAP', line: 6, message: 'Thiếu Điều 2 (sau Điều 1)' },
  { code: 'TRAILING_TEXT', line: 11, message: 'Phần sau chữ ký, từ “Phụ lục I”, không được đưa vào dự thảo' },
];
const row = (line: number) => document.querySelector<HTMLElement>(`[data-line="${line}"]`);

describe('source lines with their warnings', () => {
  it('puts each warning in the row of the line it names, beside that line’s text', () => {
    renderOrganiser(<SourceLines lines={splitLines(TEXT)} warnings={warningsByLine(WARNINGS)} suspects={[]} all onEdit={() => undefined} />);
    const gap = row(6)!;
    expect(within(gap).getByText('Điều 3. Hiệu lực')).toBeTruthy();
    expect(within(gap).getByText('Thiếu Điều 2 (sau Điều 1)')).toBeTruthy();
    expect(within(row(11)!).getByText(/Phần sau chữ ký/)).toBeTruthy();
    expect(within(row(3)!).queryByText(/Thiếu/)).toBeNull();
    expect(screen.getAllByTestId('source-line').filter((r) => r.classList.contains('src__line--flagged')).map((r) => r.dataset.line)).toEqual(['6', '11']);
  });

  it('shows only the flagged lines and their non-blank neighbours, with the gaps marked, until the full text is asked for', () => {
    renderOrganiser(<SourceLines lines={splitLines(TEXT)} warnings={warningsByLine(WARNINGS.slice(0, 1))} suspects={[]} all={false} onEdit={() => undefined} />);
    expect(screen.getAllByTestId('source-line').map((r) => r.dataset.line)).toEqual(['3', '4', '6', '7', '9']);
    expect(document.querySelectorAll('.src__gap')).toHaveLength(2);
  });

  it('offers the probable heading of a suspect line and edits a line in place (Enter keeps, Escape cancels)', () => {
    const onEdit = jest.fn();
    renderOrganiser(<SourceLines lines={splitLines(TEXT)} warnings={new Map()} suspects={[{ line: 4, fix: 'Điều 2. Nội dung một.' }]} all={false} onEdit={onEdit} />);
    fireEvent.click(within(row(4)!).getByRole('button', { name: 'Sửa thành “Điều 2. Nội dung một.”' }));
    expect(onEdit).toHaveBeenLastCalledWith(4, 'Điều 2. Nội dung một.');
    fireEvent.click(within(row(3)!).getByRole('button', { name: 'Sửa dòng 3' }));
    const input = screen.getByLabelText('Nội dung dòng 3');
    expect(document.activeElement).toBe(input);
    fireEvent.change(input, { target: { value: 'Điều 1. Phạm vi điều chỉnh' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByLabelText('Nội dung dòng 3')).toBeNull();
    fireEvent.click(within(row(3)!).getByRole('button', { name: 'Sửa dòng 3' }));
    fireEvent.change(screen.getByLabelText('Nội dung dòng 3'), { target: { value: 'Điều 1. Phạm vi điều chỉnh' } });
    fireEvent.keyDown(screen.getByLabelText('Nội dung dòng 3'), { key: 'Enter' });
    expect(onEdit).toHaveBeenLastCalledWith(3, 'Điều 1. Phạm vi điều chỉnh');
    expect(onEdit).toHaveBeenCalledTimes(2);
  });
});
