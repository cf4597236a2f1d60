import { PACER_DEFAULTS, newPace, paceAfterRefusal } from './refusalPacer';

describe('paceAfterRefusal (Q18)', () => {
  it('lets a few refusals a second pass; the next one past the limit stops reading for the wait it was given, within bounds', () => {
    const pace = newPace();
    const answers = Array.from({ length: PACER_DEFAULTS.refusalsPerWindow }, (_, i) => paceAfterRefusal(pace, 2_500, 1_000 + i));
    expect(answers.every((ms) => ms === 0)).toBe(true);
    expect(paceAfterRefusal(pace, 2_500, 1_100)).toBe(2_500);
    // Counting starts again after a pause.
    expect(paceAfterRefusal(pace, 2_500, 1_101)).toBe(0);
    const flood = newPace();
    for (let i = 0; i < PACER_DEFAULTS.refusalsPerWindow; i += 1) paceAfterRefusal(flood, undefined, 0);
    expect(paceAfterRefusal(flood, undefined, 1)).toBe(PACER_DEFAULTS.minPauseMs);
    const long = newPace();
    for (let i = 0; i < PACER_DEFAULTS.refusalsPerWindow; i += 1) paceAfterRefusal(long, 60_000, 0);
    expect(paceAfterRefusal(long, 60_000, 1)).toBe(PACER_DEFAULTS.maxPauseMs);
  });

  it('a console that waits as told is never paused: its refusals spread over windows', () => {
    const pace = newPace();
    const pauses = Array.from({ length: 200 }, (_, i) => paceAfterRefusal(pace, 100, i * 100));
    expect(pauses.filter((ms) => ms > 0)).toEqual([]);
  });
});
