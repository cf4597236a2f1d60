import { DEMO_DRAFT_TEXT, parseDraft } from '@diem-cau/shared';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { renderOrganiser } from '../testing/renderOrganiser';
import { AgendaEditor } from './AgendaEditor';
import type { AgendaForm } from './setupForm';

const { draft } = parseDraft(DEMO_DRAFT_TEXT);
const item = (key: string, kind: AgendaForm['kind'], title: string, articles = ''): AgendaForm => ({ key, kind, title, articles, plannedMinutes: '' });

let latest: AgendaForm[] = [];
function Harness({ initial, withDraft = true }: { initial: AgendaForm[]; withDraft?: boolean }) {
  const [agenda, setAgenda] = useState(initial);
  latest = agenda;
  return <AgendaEditor agenda={agenda} draft={withDraft ? draft : null} onChange={setAgenda} />;
}
const titles = () => screen.getAllByTestId('agenda-item').map((li) => (within(li).getByLabelText('Tên nội dung') as HTMLInputElement).value);
const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

describe('agenda editor', () => {
  const start = [item('a', 'opening', 'Khai mạc'), item('b', 'discussion', 'Thảo luận Chương I', '1-3'), item('c', 'conclusion', 'Kết luận')];

  it('reorders with the up / down buttons and keeps the focus on the moved item’s button', async () => {
    renderOrganiser(<Harness initial={start} />);
    const down = screen.getByRole('button', { name: 'Đưa nội dung 1 xuống' });
    down.focus();
    fireEvent.click(down);
    await flush();
    expect(titles()).toEqual(['Thảo luận Chương I', 'Khai mạc', 'Kết luận']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Đưa nội dung 2 xuống' }));
    fireEvent.click(screen.getByRole('button', { name: 'Đưa nội dung 3 lên' }));
    await flush();
    expect(titles()).toEqual(['Thảo luận Chương I', 'Kết luận', 'Khai mạc']);
    expect((screen.getByRole('button', { name: 'Đưa nội dung 1 lên' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Đưa nội dung 3 xuống' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('adds an item (focus goes to its title), edits its kind, title and minutes, and removes one', async () => {
    renderOrganiser(<Harness initial={start} />);
    fireEvent.click(screen.getByRole('button', { name: /Thêm nội dung/ }));
    await flush();
    const added = screen.getAllByTestId('agenda-item')[3]!;
    expect(document.activeElement).toBe(within(added).getByLabelText('Tên nội dung'));
    fireEvent.change(within(added).getByLabelText('Loại'), { target: { value: 'presentation' } });
    fireEvent.change(within(added).getByLabelText('Tên nội dung'), { target: { value: 'Trình bày dự thảo' } });
    fireEvent.change(within(added).getByLabelText('Số phút'), { target: { value: '20 phút' } });
    expect(latest[3]).toMatchObject({ kind: 'presentation', title: 'Trình bày dự thảo', plannedMinutes: '20' });
    fireEvent.click(screen.getByRole('button', { name: 'Xoá nội dung 1' }));
    expect(titles()).toEqual(['Thảo luận Chương I', 'Kết luận', 'Trình bày dự thảo']);
    expect(screen.getByText('Tổng thời gian dự kiến: 20 phút')).toBeTruthy();
  });

  it('reads the article list against the draft, adds a whole chapter, and names what it cannot find', () => {
    renderOrganiser(<Harness initial={start} />);
    const discussion = screen.getAllByTestId('agenda-item')[1]!;
    expect(within(discussion).getByText('Điều 1-3 (3 điều)')).toBeTruthy();
    fireEvent.change(within(discussion).getByLabelText('Thêm cả chương…'), { target: { value: '1' } });
    expect(latest[1]?.articles).toBe('1-7');
    fireEvent.change(within(discussion).getByLabelText('Các điều thảo luận'), { target: { value: '1-3, 17, abc' } });
    const note = within(discussion).getByText(/không hiểu/);
    expect(note.textContent).toBe('không hiểu “abc”; không có Điều 17 trong dự thảo');
    expect(within(discussion).getByLabelText('Các điều thảo luận').getAttribute('aria-invalid')).toBe('true');
  });

  it('builds the usual agenda from the draft: opening, presentation, one discussion per chapter, conclusion', () => {
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(true);
    renderOrganiser(<Harness initial={start} />);
    fireEvent.click(screen.getByRole('button', { name: 'Tạo chương trình mẫu từ dự thảo' }));
    expect(confirm).toHaveBeenCalled();
    expect(latest.map((a) => [a.kind, a.articles])).toEqual([
      ['opening', ''], ['presentation', ''], ['discussion', '1-3'], ['discussion', '4-7'], ['discussion', '8-12'], ['discussion', '13-16'], ['conclusion', ''],
    ]);
    expect(latest[2]?.title).toBe('Thảo luận Chương I. Những quy định chung');
    confirm.mockRestore();
  });
});
