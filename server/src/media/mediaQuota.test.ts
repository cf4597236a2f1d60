import { MediaTally } from './mediaQuota';

const held = (t: MediaTally, ...sessions: string[]) => [t.held(), ...sessions.map((s) => t.held(s))];

describe('MediaTally (Q7–Q9 counting)', () => {
  test('Q7: a place is taken before the SFU is asked, so creations in flight at once cannot all pass', () => {
    const tally = new MediaTally('MEDIA_TRANSPORTS_QUOTA', { perSession: 2, perCode: 100, perConference: 10 });
    const [a, b] = [tally.take({ sessionId: 's1' }), tally.take({ sessionId: 's1' })];
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(tally.take({ sessionId: 's1' })).toEqual({ ok: false, error: { code: 'RATE_LIMITED', reason: 'MEDIA_TRANSPORTS_QUOTA', params: { limit: 2 }, message: expect.any(String) } });
    expect(held(tally, 's1')).toEqual([2, 2]);
  });

  test('Q7: a failed creation gives its place back; a bound one gives it back when it closes, once', () => {
    const tally = new MediaTally('MEDIA_TRANSPORTS_QUOTA', { perSession: 2, perCode: 100, perConference: 10 });
    const failed = tally.take({ sessionId: 's1' });
    const made = tally.take({ sessionId: 's1' });
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
    const tally = new MediaTally('MEDIA_CONSUMERS_QUOTA', { perSession: 5, perCode: 100, perConference: 3 });
    for (const s of ['s1', 's2', 's3']) expect(tally.take({ sessionId: s }).ok).toBe(true);
    expect(tally.take({ sessionId: 's4' })).toMatchObject({ ok: false, error: { reason: 'MEDIA_CONSUMERS_QUOTA', params: { limit: 3 } } });
    expect(held(tally, 's1', 's4')).toEqual([3, 1, 0]);
  });

  test('Q16: the sessions of one join code share its limit; a session of another code, or without one, is not slowed', () => {
    const tally = new MediaTally('MEDIA_TRANSPORTS_QUOTA', { perSession: 4, perCode: 3, perConference: 10 });
    const places = ['d1', 'd2', 'd3'].map((sessionId) => tally.take({ sessionId, joinCode: 'DISPLAY' }));
    expect(places.every((p) => p.ok)).toBe(true);
    expect(tally.take({ sessionId: 'd4', joinCode: 'DISPLAY' })).toMatchObject({ ok: false, error: { reason: 'MEDIA_TRANSPORTS_QUOTA', params: { limit: 3 } } });
    expect(tally.take({ sessionId: 'chair', joinCode: 'CHAIR' }).ok).toBe(true);
    expect(tally.take({ sessionId: 'admin' }).ok).toBe(true);
    expect([tally.held(), tally.held(undefined, 'DISPLAY'), tally.held('d4')]).toEqual([5, 3, 0]);
    // One display closes its transport: the code has room again.
    const first = places[0]!;
    if (first.ok) first.hold.bind('t-d1');
    tally.release('t-d1');
    expect(tally.take({ sessionId: 'd4', joinCode: 'DISPLAY' }).ok).toBe(true);
  });
});
