import { RefusalHold } from './refusalHold';

describe('RefusalHold (Q48, Q51)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('answers after the hold; at most maxHeld at once, the rest at once; a client gone frees its place and is never answered', () => {
    const hold = new RefusalHold(2);
    const answered: string[] = [];
    const leavers: Array<() => void> = [];
    hold.later(1_000, () => answered.push('a'), (gone) => leavers.push(gone));
    hold.later(1_000, () => answered.push('b'), (gone) => leavers.push(gone));
    hold.later(1_000, () => answered.push('c'), () => undefined);
    expect([answered, hold.held]).toEqual([['c'], 2]);
    leavers[0]?.();
    expect(hold.held).toBe(1);
    hold.later(1_000, () => answered.push('d'), () => undefined);
    expect(hold.held).toBe(2);
    jest.advanceTimersByTime(999);
    expect(answered).toEqual(['c']);
    jest.advanceTimersByTime(1);
    expect([answered, hold.held]).toEqual([['c', 'b', 'd'], 0]);
    // A client leaving after its answer changes nothing.
    leavers[1]?.();
    expect(hold.held).toBe(0);
    hold.later(0, () => answered.push('e'), () => undefined);
    expect(answered).toEqual(['c', 'b', 'd', 'e']);
  });
});
