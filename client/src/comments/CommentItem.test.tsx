import { fireEvent, screen, within } from '@testing-library/react';
import { CommentFeed } from '../secretary/CommentFeed';
import { PointComments } from '../point/PointComments';
import { ACTORS, LogBuilder, logged, merged, responded } from '../testing/fixtures';
import { renderConsole } from '../testing/renderConsole';
import { CommentsOverview } from './CommentsOverview';

const TN = 'thai-nguyen';
const WRITTEN = 'Đề nghị bổ sung đối tượng áp dụng là các hội quần chúng cấp tỉnh';
const EXPLANATION = 'Tổ biên tập bổ sung vào khoản 2 Điều 1';

const conference = () =>
  new LogBuilder()
    .add({ type: 'conference.started', payload: {} })
    .add(logged('w-1', WRITTEN, { pointId: TN, source: 'written', articles: [1], kind: 'supplement' }), { actor: ACTORS.thaiNguyen })
    .add(logged('s-1', 'Bổ sung hội quần chúng vào đối tượng áp dụng', { pointId: TN, articles: [2], kind: 'supplement' }), { actor: ACTORS.secretary })
    .add(merged('s-1', 'w-1', [1, 2]), { actor: ACTORS.secretary });

const item = (id: string) => document.querySelector<HTMLElement>(`[data-comment-id="${id}"]`)!;

describe('merged comments and responses where comments are listed', () => {
  it('greys the duplicate in the secretary feed, says which comment it went into, and does not count it', () => {
    renderConsole(<CommentFeed />, conference().state(), { session: { role: 'secretary', label: 'Thư ký 1' } });
    const duplicate = item('s-1');
    expect(duplicate.classList).toContain('comment--merged');
    expect(within(duplicate).getByText('⇢ Đã gộp, không tính riêng')).toBeTruthy();
    expect(within(duplicate).getByTestId('merged-into').textContent).toMatch(/^Đã gộp vào ý kiến bằng văn bản lúc \d\d:\d\d: “Đề nghị bổ sung đối tượng áp dụng là các hội…” Xem ý kiến đó$/);
    expect(within(duplicate).queryByRole('button', { name: 'Sửa' })).toBeNull();
    expect(screen.getByTestId('comment-count').textContent).toBe('1 ý kiến');
  });

  it('marks the kept comment "Văn bản + phát biểu", or the number gathered when there are more', () => {
    const { unmount } = renderConsole(<CommentFeed />, conference().state(), { session: { role: 'secretary' } });
    expect(within(item('w-1')).getByTestId('kept-badge').textContent).toBe('⇠ Văn bản + phát biểu');
    unmount();
    const three = conference()
      .add(logged('s-2', 'Nhắc lại ý trên', { pointId: TN, articles: [1] }), { actor: ACTORS.secretary })
      .add(merged('s-2', 'w-1', [1, 2]), { actor: ACTORS.secretary })
      .add(logged('s-3', 'Ý kiến nói', { pointId: 'ha-giang', articles: [3] }))
      .add(logged('s-4', 'Ý kiến nói lại', { pointId: 'ha-giang', articles: [3] }))
      .add(merged('s-4', 's-3', [3]))
      .state();
    renderConsole(<CommentFeed />, three, { session: { role: 'secretary' } });
    expect(within(item('w-1')).getByTestId('kept-badge').textContent).toBe('⇠ Văn bản + phát biểu · Gộp 3 ý kiến');
    expect(within(item('s-3')).getByTestId('kept-badge').textContent).toBe('⇠ Gộp 2 ý kiến');
  });

  it('shows the drafting team’s response, label and explanation, to the point that made the comment', () => {
    const state = conference().add(responded('w-1', 'partly', EXPLANATION), { actor: ACTORS.organiser }).state();
    renderConsole(<PointComments pointId={TN} />, state, { session: { role: 'point', pointId: TN, label: 'Tỉnh ủy Thái Nguyên' } });
    const kept = item('w-1');
    const response = within(kept).getByTestId('comment-response');
    expect(response.textContent).toBe(`Tổ biên tập: Tiếp thu một phần${EXPLANATION}`);
    expect(response.classList).toContain('response-note--partly');
    // The duplicate is not listed to the point: only the comment kept, once.
    expect(screen.getAllByTestId('comment')).toHaveLength(1);
  });

  it('shows a response without explanation (tiếp thu) in the comments per article too', () => {
    const state = conference().add(responded('w-1', 'accepted'), { actor: ACTORS.organiser }).state();
    renderConsole(<CommentsOverview editable={false} />, state);
    const row = document.querySelector<HTMLElement>('tr[data-article="1"]')!;
    expect(within(row).getByTestId('article-count').textContent).toBe('1');
    fireEvent.click(within(row).getByRole('button', { name: 'Xem ý kiến' }));
    expect(screen.getByTestId('comment-response').textContent).toBe('Tổ biên tập: Tiếp thu');
  });

  it('lists no response where there is none', () => {
    renderConsole(<CommentFeed />, conference().state(), { session: { role: 'secretary' } });
    expect(screen.queryByTestId('comment-response')).toBeNull();
  });
});
