import { act, fireEvent, screen, within } from '@testing-library/react';
import { ACTORS, LogBuilder, logged, merged, responded } from '../../testing/fixtures';
import { renderConsole } from '../../testing/renderConsole';
import { ConferenceOverview } from './ConferenceOverview';

const TN = 'thai-nguyen';
const session = { session: { role: 'organiser' as const, label: 'Ban tổ chức' } };
const stat = (label: string) => within(screen.getByText(label).closest('div')!).getByRole('definition').textContent;

describe('organisers’ console: the conference now', () => {
  afterEach(() => jest.restoreAllMocks());

  it('counts the comments that count, the merged and retracted ones apart, and the answered ones', () => {
    const state = new LogBuilder()
      .add({ type: 'conference.started', payload: {} })
      .add(logged('w-1', 'Viết', { pointId: TN, source: 'written', articles: [1] }), { actor: ACTORS.thaiNguyen })
      .add(logged('s-1', 'Nói', { pointId: TN, articles: [1] }))
      .add(merged('s-1', 'w-1', [1]))
      .add(logged('s-2', 'Rút', { pointId: TN, articles: [2] }))
      .add({ type: 'comment.retracted', payload: { commentId: 's-2' } })
      .add(logged('s-3', 'Khác', { pointId: 'ha-giang', articles: [3] }))
      .add(responded('w-1', 'accepted'), { actor: ACTORS.organiser })
      .state();
    renderConsole(<ConferenceOverview />, state, session);
    expect(stat('Ý kiến được tính')).toBe('21 đã gộp · 1 đã rút');
    expect(stat('Đã trả lời')).toBe('1/2');
    expect(stat('Điểm cầu')).toBe('40 đang kết nối');
    expect(stat('Điều trong dự thảo')).toBe('3');
  });

  it('opens a scheduled conference after asking, and links to the full workspace for this conference', async () => {
    jest.spyOn(window, 'confirm').mockReturnValue(true);
    const { transport } = renderConsole(<ConferenceOverview />, new LogBuilder().state(), session);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Khai mạc' })));
    expect(transport.commands.at(-1)).toMatchObject({ type: 'conference.start' });
    expect(screen.getByRole('link', { name: /Mở bàn làm việc đầy đủ/ }).getAttribute('href')).toBe('/to-chuc#/c/hn-test/codes');
  });

  it('offers to close a live conference and to archive an ended one, nothing else', () => {
    const live = new LogBuilder().add({ type: 'conference.started', payload: {} });
    const { unmount } = renderConsole(<ConferenceOverview />, live.state(), session);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Bế mạc']);
    unmount();
    renderConsole(<ConferenceOverview />, live.add({ type: 'conference.ended', payload: {} }).state(), session);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Lưu trữ']);
  });
});
