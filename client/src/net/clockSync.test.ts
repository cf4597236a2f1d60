import { ServerClock, estimateOffset } from './clockSync';

describe('server clock estimate', () => {
  it('uses the midpoint of the round trip', () => {
    expect(estimateOffset([{ sentAt: 1_000, receivedAt: 1_100, serverTime: 6_050 }])).toEqual({ offsetMs: 5_000, rttMs: 100 });
  });

  it('keeps the sample with the shortest round trip', () => {
    const est = estimateOffset([
      { sentAt: 0, receivedAt: 400, serverTime: 10_000 },
      { sentAt: 1_000, receivedAt: 1_020, serverTime: 3_510 },
      { sentAt: 2_000, receivedAt: 2_300, serverTime: 4_000 },
    ]);
    expect(est).toEqual({ offsetMs: 2_500, rttMs: 20 });
  });

  it('has no estimate without a usable sample', () => {
    expect(estimateOffset([])).toBeUndefined();
    expect(estimateOffset([{ sentAt: 10, receivedAt: 5, serverTime: 0 }])).toBeUndefined();
  });

  it('measures through several round trips and shifts now() by the offset', async () => {
    let local = 50_000;
    const clock = new ServerClock(() => local);
    const delays = [80, 10, 60, 30, 50];
    let i = 0;
    await clock.measure(async () => {
      const d = delays[i++] ?? 10;
      local += d / 2;
      const server = local + 7_000;
      local += d / 2;
      return server;
    });
    expect(clock.offsetMs).toBe(7_000);
    expect(clock.now()).toBe(local + 7_000);
  });
});
