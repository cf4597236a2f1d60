import type { Speech } from '@diem-cau/shared';
import { ServerClock } from '../net/clockSync';
import { formatCountdown, formatDuration, readTimer } from './format';

const speech = (over: Partial<Speech> = {}): Speech => ({
  id: 's1', pointId: 'thai-nguyen', delegate: { name: 'A', position: '' }, articles: [], topic: '',
  startedAt: 1_000_000, limitS: 300, extendedS: 0, pausedMs: 0, status: { kind: 'running' }, warnedDeadlines: [], ...over,
});

describe('timer arithmetic', () => {
  it('rounds the countdown up and the overrun up, with 00:00 exactly at the limit', () => {
    expect(formatCountdown(300_000)).toBe('05:00');
    expect(formatCountdown(299_001)).toBe('05:00');
    expect(formatCountdown(299_000)).toBe('04:59');
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(-1)).toBe('+00:01');
    expect(formatCountdown(-61_000)).toBe('+01:01');
    expect(formatCountdown(3_600_000)).toBe('1:00:00');
  });

  it('rounds elapsed durations down', () => {
    expect(formatDuration(59_999)).toBe('00:59');
    expect(formatDuration(-5)).toBe('00:00');
  });

  it('turns amber inside the warning window and red past the limit', () => {
    const s = speech();
    expect(readTimer(s, 1_000_000 + 200_000, 30)).toEqual({ text: '01:40', phase: 'normal', paused: false });
    expect(readTimer(s, 1_000_000 + 280_000, 30).phase).toBe('warning');
    expect(readTimer(s, 1_000_000 + 303_500, 30)).toEqual({ text: '+00:04', phase: 'overrun', paused: false });
  });

  it('counts extensions and pauses', () => {
    const s = speech({ extendedS: 60, pausedMs: 10_000, status: { kind: 'paused', pausedAt: 1_100_000 } });
    expect(readTimer(s, 9_999_999, 30)).toEqual({ text: '04:30', phase: 'normal', paused: true });
  });

  it('shows the same second on two screens whose local clocks disagree, once each knows its offset', () => {
    const serverNow = 1_000_000 + 123_400;
    const fastLocal = new ServerClock(() => serverNow + 4_321);
    fastLocal.update([{ sentAt: serverNow + 4_321 - 20, receivedAt: serverNow + 4_321 + 20, serverTime: serverNow }]);
    const slowLocal = new ServerClock(() => serverNow - 90_000);
    slowLocal.update([{ sentAt: serverNow - 90_000 - 5, receivedAt: serverNow - 90_000 + 5, serverTime: serverNow }]);
    const a = readTimer(speech(), fastLocal.now(), 30).text;
    const b = readTimer(speech(), slowLocal.now(), 30).text;
    expect(a).toBe('02:57');
    expect(b).toBe(a);
    expect(readTimer(speech(), serverNow + 4_321, 30).text).not.toBe(a);
  });
});
