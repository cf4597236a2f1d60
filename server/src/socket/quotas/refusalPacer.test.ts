import { PACER_DEFAULTS, newPace, paceAfterRefusal } from './refusalPacer';

describe('paceAfterRefusal (Q18)', () => {
  it('lets a few refusals a second pass; the next one past the limit stops reading for the wait it was given, within bounds', () => {
    const pace = newPace();
    // The first refusal tells the console to wait; each request before that wait is over is an offence.
    const answers = Array.from({ length: PACER_DEFAULTS.refusalsPerWindow + 1 }, (_, i) => paceAfterRefusal(pace, 'COMMANDS_TOO_FAST', 2_500, 1_000 + i));
    expect(answers.every((ms) => ms === 0)).toBe(true);
    expect(paceAfterRefusal(pace, 'COMMANDS_TOO_FAST', 2_500, 1_100)).toBe(2_500);
    // Counting starts again after a pause.
    expect(paceAfterRefusal(pace, 'COMMANDS_TOO_FAST', 2_500, 1_101)).toBe(0);
    const flood = newPace();
    for (let i = 0; i < PACER_DEFAULTS.refusalsPerWindow; i += 1) paceAfterRefusal(flood, 'COMMANDS_TOO_FAST', undefined, 0);
    expect(paceAfterRefusal(flood, 'COMMANDS_TOO_FAST', undefined, 1)).toBe(PACER_DEFAULTS.minPauseMs);
    const long = newPace();
    for (let i = 0; i <= PACER_DEFAULTS.refusalsPerWindow; i += 1) paceAfterRefusal(long, 'COMMANDS_TOO_FAST', 60_000, 0);
    expect(paceAfterRefusal(long, 'COMMANDS_TOO_FAST', 60_000, 1)).toBe(PACER_DEFAULTS.maxPauseMs);
  });

  it('a socket that offends again soon after its pause is paused twice as long each time, up to the longest; a quiet spell forgets', () => {
    const pace = newPace();
    const offend = (at: number) => {
      for (let i = 0; i < PACER_DEFAULTS.refusalsPerWindow; i += 1) paceAfterRefusal(pace, 'COMMANDS_TOO_FAST', undefined, at);
      return paceAfterRefusal(pace, 'COMMANDS_TOO_FAST', undefined, at);
    };
    expect([offend(0), offend(1_100), offend(3_200), offend(7_300), offend(12_400)]).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
    expect(offend(12_400 + PACER_DEFAULTS.maxPauseMs + PACER_DEFAULTS.forgetMs + 1)).toBe(1_000);
  });

  it('a console that waits as told is never paused: its refusals spread over windows', () => {
    const pace = newPace();
    const pauses = Array.from({ length: 200 }, (_, i) => paceAfterRefusal(pace, 'COMMANDS_TOO_FAST', 100, i * 100));
    expect(pauses.filter((ms) => ms > 0)).toEqual([]);
  });

  it('waits are kept per kind: senders of different kinds on one socket, each waiting as told, are not offending', () => {
    // Eight kinds of request (a console's outbox, its sync, its media requests…), each told to wait 1 s and asking
    // again exactly then, 10 ms after one another.
    const run = (kindOf: (i: number) => string) => {
      const pace = newPace();
      const pauses: number[] = [];
      for (let round = 0; round < 10; round += 1) {
        for (let i = 0; i < 8; i += 1) pauses.push(paceAfterRefusal(pace, kindOf(i), 1_000, round * 1_000 + i * 10));
      }
      return pauses.filter((ms) => ms > 0);
    };
    expect(run((i) => `kind-${i}`)).toEqual([]);
    // Counted against one wait for the whole socket, each would ask before the wait its neighbour was just given.
    expect(run(() => 'one').length).toBeGreaterThan(0);
  });
});
