import { DEMO_DRAFT_TEXT, articlesInOrder, parseDraft, renderDraftText } from '@diem-cau/shared';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import type { DraftForm } from '../setup/setupForm';
import { renderOrganiser } from '../testing/renderOrganiser';
import { DraftPreview } from './DraftPreview';
import { parseText } from './parseText';

const FIXED = 'Điều 5. Nhiệm vụ, quyền hạn của đảng đoàn, ban cán sự đảng';
const BROKEN_TEXT = renderDraftText(parseDraft(DEMO_DRAFT_TEXT).draft).replace(FIXED, 'Điêu 5 Nhiệm vụ, quyền hạn của đảng đoàn, ban cán sự đảng');

function Harness({ initial, onAccept = () => undefined }: { initial: DraftForm; onAccept?: () => void }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DraftPreview value={value} onChange={setValue} onAccept={onAccept} />
      <span data-testid="articles">{articlesInOrder(value.draft).map((p) => p.article.number).join(',')}</span>
      <span data-testid="accepted">{String(value.accepted)}</span>
    </>
  );
}

const brokenLine = () => screen.getAllByTestId('source-line').find((r) => r.textContent?.startsWith(`${r.dataset.line}Điêu 5`))!;

describe('draft preview: correcting a heading', () => {
  it('shows the gap in the tree and the counts, and flags the broken heading line', () => {
    renderOrganiser(<Harness initial={parseText(BROKEN_TEXT, 'Dự thảo thử')} />);
    expect(screen.getByTestId('draft-stats').textContent).toBe('4 chương · 15 điều · 44 khoản · 11 điểm');
    expect(screen.getByTestId('draft-warning-count').textContent).toBe('1 cảnh báo');
    expect(within(screen.getByTestId('draft-tree')).getByTestId('tree-missing').textContent).toContain('Thiếu Điều 5');
    expect(within(brokenLine()).getByText('Có thể là tiêu đề viết sai nên không được nhận ra.')).toBeTruthy();
  });

  it('re-reads the text in the browser after the line is typed again: 16 articles, no warning, to be accepted again', () => {
    renderOrganiser(<Harness initial={{ ...parseText(BROKEN_TEXT, 'Dự thảo thử'), accepted: true }} />);
    const line = brokenLine().dataset.line!;
    fireEvent.click(within(brokenLine()).getAllByRole('button', { name: `Sửa dòng ${line}` })[0]!);
    fireEvent.change(screen.getByLabelText(`Nội dung dòng ${line}`), { target: { value: FIXED } });
    act(() => void fireEvent.keyDown(screen.getByLabelText(`Nội dung dòng ${line}`), { key: 'Enter' }));
    expect(screen.getByTestId('articles').textContent).toBe(Array.from({ length: 16 }, (_, i) => i + 1).join(','));
    expect(screen.getByTestId('draft-stats').textContent).toBe('4 chương · 16 điều · 47 khoản · 11 điểm');
    expect(screen.getByTestId('draft-warning-count').textContent).toBe('Không có cảnh báo');
    expect(screen.getByText('Đã sửa 1 dòng so với tệp gốc')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Đã đọc lại: 16 điều, 0 cảnh báo.');
    expect(screen.getByTestId('accepted').textContent).toBe('false');
    expect(screen.queryByTestId('tree-missing')).toBeNull();
  });

  it('takes the suggested heading in one press, keeping the typed draft title', () => {
    const onAccept = jest.fn();
    renderOrganiser(<Harness initial={parseText(BROKEN_TEXT, 'Dự thảo thử')} onAccept={onAccept} />);
    fireEvent.click(within(brokenLine()).getByRole('button', { name: `Sửa thành “${FIXED}”` }));
    expect(screen.getByTestId('articles').textContent?.split(',')).toHaveLength(16);
    expect((screen.getByLabelText('Tên dự thảo') as HTMLInputElement).value).toBe('Dự thảo thử');
    fireEvent.click(screen.getByRole('button', { name: /Chấp nhận cấu trúc/ }));
    expect(onAccept).toHaveBeenCalled();
  });

  it('a stored draft (no source text) is shown whole from its canonical text, without warnings', () => {
    const { draft } = parseDraft(DEMO_DRAFT_TEXT);
    renderOrganiser(<Harness initial={{ draft, warnings: [], text: '', originalText: '', accepted: true }} />);
    expect(screen.getByTestId('draft-stats').textContent).toBe('4 chương · 16 điều · 47 khoản · 11 điểm');
    expect(screen.getAllByTestId('source-line')).toHaveLength(renderDraftText(draft).split('\n').length);
    expect((screen.getByLabelText('Toàn văn') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText(/Chỉ các dòng cần xem/));
    expect(screen.getByText('Không có dòng nào cần xem lại.')).toBeTruthy();
  });
});
