import { act, screen } from '@testing-library/react';
import { LogBuilder, request, accepted } from '../testing/fixtures';
import { renderConsole } from '../testing/renderConsole';
import { ServerClock } from '../net/clockSync';
import { SpeechTimer } from './SpeechTimer';
import { T0 } from '../testing/fixtures';

const GRANTED_AT = T0 + 10_000;
const state = new LogBuilder()
  .add({ type: 'conference.started', payload: {} })
  .add(request('r1', 'thai-nguyen', 'Dương Xuân Hùng'))
  .add(accepted('r1', 0))
  .add({ type: 'floor.granted', payload: { speechId: 's1', requestId: 'r1', pointId: 'thai-nguyen', delegate: { name: 'Dương Xuân Hùng', position: '' }, articles: [], topic: '', limitS: 120 } }, { at: GRANTED_AT })
  .state();
const speech = state.speeches.get('s1')!;

/** A screen whose own clock is `skewMs` off, after it measured the hub's clock. */
function skewedClock(local: { now: number }, skewMs: number) {
  const clock = new ServerClock(() => local.now + skewMs);
  clock.update([{ sentAt: local.now + skewMs - 10, receivedAt: local.now + skewMs + 10, serverTime: local.now }]);
  return clock;
}

describe('speech countdown on screen', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('counts down from the server clock, whatever the local clock says', () => {
    const server = { now: GRANTED_AT + 30_500 };
    renderConsole(<SpeechTimer speech={speech} />, state, { clock: skewedClock(server, -3 * 60_000) });
    expect(screen.getByTestId('timer-digits').textContent).toBe('01:30');
    server.now += 1_000;
    act(() => jest.advanceTimersByTime(100));
    expect(screen.getByTestId('timer-digits').textContent).toBe('01:29');
  });

  it('turns to a warning near the limit and counts the overrun, in words as well as colour', () => {
    const server = { now: GRANTED_AT + 100_000 };
    renderConsole(<SpeechTimer speech={speech} />, state, { clock: skewedClock(server, 42_000) });
    expect(screen.getByTestId('timer').dataset.phase).toBe('warning');
    expect(screen.getByText('Sắp hết giờ')).toBeTruthy();
    server.now = GRANTED_AT + 125_000;
    act(() => jest.advanceTimersByTime(100));
    expect(screen.getByTestId('timer').dataset.phase).toBe('overrun');
    expect(screen.getByTestId('timer-digits').textContent).toBe('+00:05');
    expect(screen.getByText('Quá giờ')).toBeTruthy();
  });
});
