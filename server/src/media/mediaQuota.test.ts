import { MediaTally } from './mediaQuota';

const held = (t: MediaTally, ...sessions: string[]) => [t.held(), ...sessions.map((s) => t.held(s))];

describe('MediaTally (Q7–Q9 counting)', () => {
  test('Q7: a place is taken before the SFU is asked, so creations in flight at once cannot all pass', () => {
    const tally = new MediaTally('MEDIA_TRANSPORTS_QUOTA', 2, 10);
    const [a, b] = [tally.take('s1'), tally.take('s1')];
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(tally.take('s1')).toEqual({ ok: false, error: { code: 'RATE_LIMITED', reason: 'MEDIA_TRANSPORTS_QUOTA', params: { limit: 2 }, message: expect.any(String) } });
    expect(held(tally, 's1')).toEqual([2, 2]);
  });

  test('Q7: a failed creation gives its place back; a bound one gives it back when it closes, once', () => {
    const tally = new MediaTally('MEDIA_TRANSPORTS_QUOTA', 2, 10);
    const failed = tally.take('s1');
    const made = tally.take('s1');
    if (!failed.ok || !made.ok) throw new Error('refused');
    failed.hold.cancel();
    failed.hold.cancel();
    made.hold.bind('t1');
    made.hold.cancel();
    expect(held(tally, 's1')).toEqual([1, 1]);
    tally.release('t1');
    tally.release('t1');
    tally.release('never-made');
    expect(held(tally, 's1')).toEqual([0, 0]);
  });

  test('Q8/Q9: the conference’s limit counts every session; the refusal names the limit that was reached', () => {
    const tally = new MediaTally('MEDIA_CONSUMERS_QUOTA', 5, 3);
    for (const s of ['s1', 's2', 's3']) expect(tally.take(s).ok).toBe(true);
    expect(tally.take('s4')).toMatchObject({ ok: false, error: { reason: 'MEDIA_CONSUMERS_QUOTA', params: { limit: 3 } } });
    expect(held(tally, 's1', 's4')).toEqual([3, 1, 0]);
  });
});
