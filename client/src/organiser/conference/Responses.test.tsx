import { act, fireEvent, screen, within } from '@testing-library/react';
import type { DomainEvent } from '@diem-cau/shared';
import { LogBuilder } from '../../testing/fixtures';
import { renderConsole } from '../../testing/renderConsole';
import { Responses } from './Responses';

const logged = (commentId: string, article: number | undefined, text: string, extra: Record<string, unknown> = {}): DomainEvent => ({
  type: 'comment.logged',
  payload: { commentId, articles: article === undefined ? [] : [{ article }], kind: 'amend', text, source: 'written', pointId: 'thai-nguyen', ...extra },
} as DomainEvent);

const state = new LogBuilder()
  .add({ type: 'conference.started', payload: {} })
  .add(logged('c3', 3, 'Về nhiệm vụ'))
  .add(logged('c1', 1, 'Về phạm vi', { delegate: { name: 'Dương Xuân Hùng', position: 'Trưởng Ban' } }))
  .add(logged('c0', undefined, 'Ý kiến chung'))
  .add(logged('c1b', 1, 'Đã rút'))
  .add({ type: 'comment.retracted', payload: { commentId: 'c1b' } })
  .add(logged('c1c', 1, 'Đã trả lời'))
  .add({ type: 'comment.responded', payload: { commentId: 'c1c', status: 'accepted', explanation: '' } })
  .state();

const item = (text: string) => screen.getAllByTestId('response-item').find((li) => li.textContent?.includes(text))!;
const settle = (fire: () => void) => act(async () => fire());

describe('responses to comments', () => {
  it('lists the comments that count under their article in draft order, general ones last, with the progress', () => {
    renderConsole(<Responses state={state} />, state, { session: { role: 'organiser' } });
    const groups = [...document.querySelectorAll('.responses__group')].map((r) => r.getAttribute('aria-label'));
    expect(groups).toEqual(['Điều 1. Phạm vi điều chỉnh', 'Điều 3. Nhiệm vụ, quyền hạn', 'Ý kiến chung (không gắn điều cụ thể)']);
    expect(screen.queryByText('Đã rút')).toBeNull();
    expect(screen.getByTestId('responses-progress').textContent).toBe('Đã trả lời 1/4 ý kiến');
    expect(within(item('Về phạm vi')).getByText('Dương Xuân Hùng, Trưởng Ban · Tỉnh ủy Thái Nguyên')).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/Chưa trả lời/));
    expect(screen.queryByText('Đã trả lời')).toBeNull();
  });

  it('sends comment.respond; an explanation is required unless the comment is accepted', async () => {
    const { transport } = renderConsole(<Responses state={state} />, state, { session: { role: 'organiser' } });
    const form = item('Về nhiệm vụ');
    fireEvent.click(within(form).getByLabelText('Giải trình'));
    await settle(() => fireEvent.click(within(form).getByRole('button', { name: 'Lưu trả lời' })));
    expect(within(form).getByRole('alert').textContent).toContain('Cần nội dung giải trình.');
    expect(transport.commands).toHaveLength(0);
    fireEvent.change(within(form).getByLabelText(/Nội dung tiếp thu, giải trình/), { target: { value: '  Giữ như dự thảo  ' } });
    await settle(() => fireEvent.click(within(form).getByRole('button', { name: 'Lưu trả lời' })));
    expect(transport.commands).toEqual([expect.objectContaining({ type: 'comment.respond', commentId: 'c3', status: 'explained', explanation: 'Giữ như dự thảo' })]);
  });

  it('shows a recorded response and lets it be changed', () => {
    renderConsole(<Responses state={state} />, state, { session: { role: 'organiser' } });
    const answered = item('Đã trả lời');
    expect(within(answered).getByTestId('response').textContent).toContain('Tiếp thu');
    fireEvent.click(within(answered).getByRole('button', { name: 'Sửa trả lời' }));
    expect((within(answered).getByLabelText('Tiếp thu') as HTMLInputElement).checked).toBe(true);
  });
});
