import { act, fireEvent, screen, within } from '@testing-library/react';
import { ACTORS, LogBuilder, logged, merged, responded } from '../testing/fixtures';
import { renderConsole } from '../testing/renderConsole';
import { CommentList } from './CommentList';

const TN = 'thai-nguyen';
const base = () =>
  new LogBuilder()
    .add({ type: 'conference.started', payload: {} })
    .add(logged('w-1', 'Đề nghị bổ sung đối tượng áp dụng là các hội quần chúng cấp tỉnh', { pointId: TN, source: 'written', articles: [1], kind: 'supplement' }), { actor: ACTORS.thaiNguyen })
    .add(logged('w-2', 'Đề nghị làm rõ khái niệm ban cán sự đảng', { pointId: TN, source: 'written', articles: [3], kind: 'clarify' }), { actor: ACTORS.thaiNguyen })
    .add(logged('hg-1', 'Hà Giang: tán thành Điều 1', { pointId: 'ha-giang', articles: [1], kind: 'agree' }))
    .add(logged('gone', 'Ý kiến đã rút', { pointId: TN, articles: [1] }))
    .add({ type: 'comment.retracted', payload: { commentId: 'gone' } })
    .add(logged('s-1', 'Bổ sung hội quần chúng vào đối tượng áp dụng', { pointId: TN, articles: [1, 2], kind: 'supplement' }), { actor: ACTORS.secretary });

const renderFeed = (builder: LogBuilder, editable = true) => {
  const state = builder.state();
  const items = state.comments.ids.map((id) => ({ comment: state.comments.get(id)! }));
  return renderConsole(<CommentList items={items} editable={editable} label="Ý kiến" />, state, { session: { role: 'secretary', label: 'Thư ký 1' } });
};
const item = (id: string) => document.querySelector<HTMLElement>(`[data-comment-id="${id}"]`)!;
const settle = (fire: () => void) => act(async () => fire());

describe('merge picker (Gộp vào…)', () => {
  it('offers only the other live comments of the same point, the one on a shared article first and chosen', () => {
    renderFeed(base());
    fireEvent.click(within(item('s-1')).getByRole('button', { name: 'Gộp vào…' }));
    const picker = screen.getByTestId('merge-picker');
    expect(within(picker).getByRole('group', { name: 'Gộp ý kiến này vào ý kiến nào?' })).toBeTruthy();
    const options = within(picker).getAllByTestId('merge-option');
    expect(options.map((o) => o.textContent)).toEqual([
      expect.stringMatching(/^Bổ sungĐiều 1Bằng văn bản.*cùng điều“Đề nghị bổ sung đối tượng áp dụng là các hội quần chúng cấp…”$/),
      expect.stringMatching(/^Làm rõĐiều 3Bằng văn bản.*“Đề nghị làm rõ khái niệm ban cán sự đảng”$/),
    ]);
    const radios = within(picker).getAllByRole('radio');
    expect((radios[0] as HTMLInputElement).checked).toBe(true);
    expect(document.activeElement).toBe(radios[0]);
  });

  it('sends comment.merge for the chosen comment to keep', async () => {
    const { transport } = renderFeed(base());
    fireEvent.click(within(item('s-1')).getByRole('button', { name: 'Gộp vào…' }));
    fireEvent.click(screen.getAllByRole('radio')[1]!);
    await settle(() => fireEvent.click(screen.getByRole('button', { name: 'Gộp vào ý kiến đã chọn' })));
    expect(transport.commands.at(-1)).toMatchObject({ type: 'comment.merge', commentId: 's-1', intoId: 'w-2' });
    expect(screen.queryByTestId('merge-picker')).toBeNull();
  });

  it('closes on Escape and gives the keyboard back to its button, sending nothing', () => {
    const { transport } = renderFeed(base());
    const open = within(item('s-1')).getByRole('button', { name: 'Gộp vào…' });
    fireEvent.click(open);
    expect(open.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(screen.getAllByRole('radio')[0]!, { key: 'Escape' });
    expect(screen.queryByTestId('merge-picker')).toBeNull();
    expect(document.activeElement).toBe(open);
    expect(transport.commands).toEqual([]);
  });

  it('is not offered where the hub would refuse: answered, keeping others, retracted, or nothing to merge into', () => {
    renderFeed(base().add(responded('w-2', 'accepted')).add(logged('hg-2', 'Hà Giang một mình', { pointId: 'ha-giang', articles: [2] })).add(merged('hg-2', 'hg-1', [1, 2])).add(logged('bk-1', 'Bắc Kạn, ý kiến duy nhất', { pointId: 'bac-kan', articles: [1] })));
    expect(within(item('w-2')).queryByRole('button', { name: 'Gộp vào…' })).toBeNull();
    expect(within(item('hg-1')).queryByRole('button', { name: 'Gộp vào…' })).toBeNull();
    expect(within(item('gone')).queryByRole('button', { name: 'Gộp vào…' })).toBeNull();
    expect(within(item('bk-1')).queryByRole('button', { name: 'Gộp vào…' })).toBeNull();
    expect(within(item('w-1')).getByRole('button', { name: 'Gộp vào…' })).toBeTruthy();
  });

  it('is not offered on a read-only list (a point, the chair’s overview)', () => {
    renderFeed(base(), false);
    expect(screen.queryAllByRole('button', { name: 'Gộp vào…' })).toEqual([]);
  });
});
