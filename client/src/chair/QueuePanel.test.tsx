import { act, createEvent, fireEvent, screen, within } from '@testing-library/react';
import { accepted, LogBuilder, request } from '../testing/fixtures';
import { renderConsole } from '../testing/renderConsole';
import { QueuePanel } from './QueuePanel';

const state = new LogBuilder()
  .add({ type: 'conference.started', payload: {} })
  .add(request('r-tn', 'thai-nguyen', 'Dương Xuân Hùng', 'normal', [5]))
  .add(accepted('r-tn', 0))
  .add(request('r-hg', 'ha-giang', 'Lò Văn A'))
  .add(accepted('r-hg', 1))
  .add(request('r-bk', 'bac-kan', 'Hà Thị B', 'order'))
  .add(accepted('r-bk', 0))
  .state();

const rows = () => screen.getAllByTestId('queue-row');
const pointOf = (row: HTMLElement) => row.querySelector('.qrow__point')?.textContent;
/** Clicks and key presses send commands whose acks update state: let them settle inside act. */
const settle = (fire: () => void) => act(async () => fire());
const lastCommand = (t: { commands: Array<Record<string, unknown>> }) => t.commands[t.commands.length - 1];

describe('chair queue', () => {
  it('lists the queue in the chair’s order, with the point of order first and marked in words', () => {
    renderConsole(<QueuePanel />, state);
    expect(rows().map(pointOf)).toEqual(['Tỉnh ủy Bắc Kạn', 'Tỉnh ủy Thái Nguyên', 'Tỉnh ủy Hà Giang']);
    expect(within(rows()[0]!).getByText('Thủ tục')).toBeTruthy();
    expect(within(rows()[1]!).getByText('Điều 5')).toBeTruthy();
  });

  it('moves a request down with Alt+↓ on its handle', async () => {
    const { transport } = renderConsole(<QueuePanel />, state);
    const handle = within(rows()[1]!).getByRole('button', { name: /Thứ tự 2/ });
    await settle(() => fireEvent.keyDown(handle, { key: 'ArrowDown', altKey: true }));
    expect(lastCommand(transport)).toMatchObject({ type: 'floor.reorder', requestId: 'r-tn', toIndex: 2 });
  });

  it('moves a request to the top with its button, and grants any request', async () => {
    const { transport } = renderConsole(<QueuePanel />, state);
    await settle(() => fireEvent.click(within(rows()[2]!).getByRole('button', { name: 'Lên đầu' })));
    expect(lastCommand(transport)).toMatchObject({ type: 'floor.reorder', requestId: 'r-hg', toIndex: 0 });
    await settle(() => fireEvent.click(within(rows()[1]!).getByRole('button', { name: 'Trao lời' })));
    expect(lastCommand(transport)).toMatchObject({ type: 'floor.grant', requestId: 'r-tn' });
  });

  it('drops a dragged request before the row it is dropped on (upper half of the row)', async () => {
    const { transport } = renderConsole(<QueuePanel />, state);
    const [first, , third] = rows();
    // jsdom has no layout and no DragEvent: place the row at y 100–140 and drop at y 105, its upper half.
    jest.spyOn(first!, 'getBoundingClientRect').mockReturnValue({ top: 100, height: 40, bottom: 140, left: 0, right: 500, width: 500, x: 0, y: 100, toJSON: () => ({}) });
    const dataTransfer = { setData: jest.fn(), getData: () => 'r-hg', effectAllowed: '' };
    const at = (make: typeof createEvent.dragOver) => Object.defineProperty(make(first!, { dataTransfer }), 'clientY', { value: 105 });
    fireEvent.dragStart(third!, { dataTransfer });
    fireEvent(first!, at(createEvent.dragOver));
    await settle(() => fireEvent(first!, at(createEvent.drop)));
    expect(lastCommand(transport)).toMatchObject({ type: 'floor.reorder', requestId: 'r-hg', toIndex: 0 });
  });

  it('does not send a move past the ends', () => {
    const { transport } = renderConsole(<QueuePanel />, state);
    fireEvent.keyDown(within(rows()[0]!).getByRole('button', { name: /Thứ tự 1/ }), { key: 'ArrowUp', altKey: true });
    expect(transport.commands).toEqual([]);
    expect((within(rows()[0]!).getByRole('button', { name: /^Lên:/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('asks for a reason before denying', async () => {
    const { transport } = renderConsole(<QueuePanel />, state);
    fireEvent.click(within(rows()[2]!).getByRole('button', { name: 'Từ chối' }));
    fireEvent.change(screen.getByPlaceholderText('Lý do (không bắt buộc)'), { target: { value: 'Đã hết thời gian' } });
    await settle(() => fireEvent.click(screen.getByRole('button', { name: 'Xác nhận từ chối' })));
    expect(lastCommand(transport)).toMatchObject({ type: 'floor.deny', requestId: 'r-hg', reason: 'Đã hết thời gian' });
  });
});
