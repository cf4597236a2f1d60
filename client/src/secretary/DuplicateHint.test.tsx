import { act, fireEvent, screen } from '@testing-library/react';
import { ACTORS, granted, LogBuilder, logged } from '../testing/fixtures';
import { renderConsole } from '../testing/renderConsole';
import { CommentEntry } from './CommentEntry';
import { DuplicateHint } from './DuplicateHint';

const TN = 'thai-nguyen';
const QUESTION = 'Có góp ý bằng văn bản của điểm cầu này về Điều 1 — gộp?';

/** Thái Nguyên sent a written comment on Điều 1 and now has the floor. */
const conference = () =>
  new LogBuilder()
    .add({ type: 'conference.started', payload: {} })
    .add(logged('w-1', 'Đề nghị bổ sung đối tượng áp dụng', { pointId: TN, source: 'written', articles: [1] }), { actor: ACTORS.thaiNguyen })
    .add(logged('w-hg', 'Hà Giang viết về Điều 2', { pointId: 'ha-giang', source: 'written', articles: [2] }), { actor: ACTORS.haGiang })
    .add(granted('sp-1', TN, 'Dương Xuân Hùng', [1]));

function logSpoken(article: string, text: string) {
  const input = document.getElementById('entry-articles')!;
  fireEvent.change(input, { target: { value: article } });
  fireEvent.keyDown(input, { key: 'Enter' });
  const area = screen.getByLabelText('Nội dung ý kiến');
  fireEvent.change(area, { target: { value: text } });
  return act(async () => fireEvent.keyDown(area, { key: 'Enter' }));
}

describe('duplicate hint after a spoken comment', () => {
  it('asks, without blocking the entry, when the speaker’s point wrote about the same article', async () => {
    const { connection } = renderConsole(<CommentEntry />, conference().state(), { session: { role: 'secretary' } });
    await logSpoken('1', 'Bổ sung đối tượng áp dụng');
    const hint = screen.getByTestId('duplicate-hint');
    expect(hint.textContent).toContain(QUESTION);
    expect(hint.textContent).toContain('“Đề nghị bổ sung đối tượng áp dụng”');
    // Only the comment is queued: merging is the secretary's call.
    expect(connection.outbox.items().map((i) => i.command.type)).toEqual(['comment.log']);
    // The entry is ready for the next comment.
    expect(document.activeElement?.id).toBe('entry-articles');
  });

  it('says nothing when the articles differ, or when only another point wrote about them', async () => {
    renderConsole(<CommentEntry />, conference().state(), { session: { role: 'secretary' } });
    await logSpoken('3', 'Ý kiến về Điều 3');
    expect(screen.queryByTestId('duplicate-hint')).toBeNull();
    await logSpoken('2', 'Ý kiến về Điều 2');
    expect(screen.queryByTestId('duplicate-hint')).toBeNull();
  });

  it('goes away when dismissed, and when the next comment has no twin', async () => {
    renderConsole(<CommentEntry />, conference().state(), { session: { role: 'secretary' } });
    await logSpoken('1', 'Lần một');
    fireEvent.click(screen.getByRole('button', { name: 'Không gộp' }));
    expect(screen.queryByTestId('duplicate-hint')).toBeNull();
    await logSpoken('1', 'Lần hai');
    expect(screen.getByTestId('duplicate-hint')).toBeTruthy();
    await logSpoken('3', 'Lần ba');
    expect(screen.queryByTestId('duplicate-hint')).toBeNull();
  });

  it('waits for the spoken comment to reach the hub, then merges it into the written one in one click', async () => {
    const suggestion = { spokenId: 's-1', writtenId: 'w-1', articles: [1] };
    const before = conference().state();
    const { unmount } = renderConsole(<DuplicateHint suggestion={suggestion} onDismiss={() => undefined} />, before);
    expect(screen.getByRole('button', { name: 'Gộp vào góp ý bằng văn bản' })).toHaveProperty('disabled', true);
    expect(screen.getByText('Chờ ý kiến vừa ghi tới máy chủ…')).toBeTruthy();
    unmount();
    const after = conference().add(logged('s-1', 'Bổ sung đối tượng', { pointId: TN, speechId: 'sp-1', articles: [1] }), { actor: ACTORS.secretary }).state();
    const { transport } = renderConsole(<DuplicateHint suggestion={suggestion} onDismiss={() => undefined} />, after, { session: { role: 'secretary' } });
    const merge = screen.getByRole('button', { name: 'Gộp vào góp ý bằng văn bản' });
    await act(async () => fireEvent.click(merge));
    expect(transport.commands).toEqual([expect.objectContaining({ type: 'comment.merge', commentId: 's-1', intoId: 'w-1' })]);
    expect(screen.getByText('Đã gộp ý kiến vừa ghi vào góp ý bằng văn bản.')).toBeTruthy();
  });
});
