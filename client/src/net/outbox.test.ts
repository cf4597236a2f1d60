import type { Ack } from '@diem-cau/shared';
import { OUTBOX_MAX_DELAY_MS, Outbox, backoffMs, localOutboxStorage, retryDelayMs, type OutboxItem } from './outbox';

/** A hub that stores each commandId once, like the real one, and can lose acks or rate-limit. */
class FakeHub {
  stored: string[] = [];
  received = 0;
  reachable = true;
  loseNextAcks = 0;
  rateLimitNext = 0;
  /** What a RATE_LIMITED answer says to wait (details.retryAfterMs); undefined: says nothing. */
  retryAfterMs: number | undefined;

  send = async (command: OutboxItem['command']): Promise<Ack<{ seq: number }>> => {
    if (!this.reachable) return { ok: false, error: { code: 'UNAVAILABLE', message: '', details: 'offline' } };
    this.received += 1;
    if (this.rateLimitNext > 0) {
      this.rateLimitNext -= 1;
      const details = this.retryAfterMs === undefined ? {} : { details: { retryAfterMs: this.retryAfterMs } };
      return { ok: false, error: { code: 'RATE_LIMITED', message: 'slow down', ...details } };
    }
    if (!this.stored.includes(command.commandId)) this.stored.push(command.commandId);
    if (this.loseNextAcks > 0) {
      this.loseNextAcks -= 1;
      return { ok: false, error: { code: 'UNAVAILABLE', message: '', details: 'timeout' } };
    }
    return { ok: true, seq: this.stored.length };
  };
}

const comment = (id: string, text = 'ý kiến') => ({ type: 'comment.log', commandId: id, conferenceId: 'hn', kind: 'agree', text });

describe('offline send queue', () => {
  beforeEach(() => {
    localStorage.clear();
    jest.useFakeTimers();
  });
  afterEach(() => jest.useRealTimers());

  it('keeps comments entered offline on the device, across a reload', () => {
    const hub = new FakeHub();
    const before = new Outbox(localOutboxStorage('k'), hub.send);
    before.enqueue(comment('00000000-0000-4000-8000-000000000001'));
    before.enqueue(comment('00000000-0000-4000-8000-000000000002'));
    const afterReload = new Outbox(localOutboxStorage('k'), hub.send);
    expect(afterReload.items().map((i) => i.command.commandId)).toEqual([
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
    ]);
    expect(hub.received).toBe(0);
  });

  it('sends them in order once online and empties the queue', async () => {
    const hub = new FakeHub();
    const box = new Outbox(localOutboxStorage('k'), hub.send);
    ['a', 'b', 'c'].forEach((id) => box.enqueue(comment(id)));
    box.setOnline(true);
    await box.flush();
    expect(hub.stored).toEqual(['a', 'b', 'c']);
    expect(box.items()).toEqual([]);
    expect(localStorage.getItem('k')).toBeNull();
  });

  it('retries with the same commandId after a lost ack, so the hub stores it exactly once', async () => {
    const hub = new FakeHub();
    hub.loseNextAcks = 1;
    const box = new Outbox(localOutboxStorage('k'), hub.send);
    box.setOnline(true);
    box.enqueue(comment('a'));
    await box.flush();
    expect(box.items()).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(backoffMs(1, () => 1));
    await box.flush();
    expect(hub.received).toBe(2);
    expect(hub.stored).toEqual(['a']);
    expect(box.items()).toEqual([]);
  });

  it('backs off when rate limited instead of hammering the hub', async () => {
    const hub = new FakeHub();
    hub.rateLimitNext = 2;
    const box = new Outbox(localOutboxStorage('k'), hub.send);
    box.enqueue(comment('a'));
    box.setOnline(true);
    await box.flush();
    expect(hub.received).toBe(1);
    await jest.advanceTimersByTimeAsync(400);
    expect(hub.received).toBe(1);
    await jest.advanceTimersByTimeAsync(60_000);
    await box.flush();
    expect(hub.received).toBe(3);
    expect(hub.stored).toEqual(['a']);
  });

  it('waits as long as a RATE_LIMITED answer asks (retryAfterMs), not the fixed back-off', async () => {
    const hub = new FakeHub();
    hub.rateLimitNext = 1;
    hub.retryAfterMs = 4_000;
    const box = new Outbox(localOutboxStorage('k'), hub.send);
    box.enqueue(comment('a'));
    box.setOnline(true);
    await box.flush();
    // The fixed back-off would have retried after at most 1 s.
    await jest.advanceTimersByTimeAsync(3_990);
    expect(hub.received).toBe(1);
    await jest.advanceTimersByTimeAsync(4_000 * 0.25 + 20);
    await box.flush();
    expect(hub.received).toBe(2);
    expect(hub.stored).toEqual(['a']);
  });

  it('does not wait longer than the back-off cap, however long the hub asks', async () => {
    const hub = new FakeHub();
    hub.rateLimitNext = 1;
    hub.retryAfterMs = 10 * 60_000;
    const box = new Outbox(localOutboxStorage('k'), hub.send);
    box.enqueue(comment('a'));
    box.setOnline(true);
    await box.flush();
    await jest.advanceTimersByTimeAsync(OUTBOX_MAX_DELAY_MS + 10);
    await box.flush();
    expect(hub.received).toBe(2);
    expect(box.items()).toEqual([]);
  });

  it('marks a comment the hub refuses for good and goes on with the next', async () => {
    const refuse = async (c: OutboxItem['command']): Promise<Ack<{ seq: number }>> =>
      c.commandId === 'bad' ? { ok: false, error: { code: 'INVALID', message: 'Dự thảo không có Điều 99' } } : { ok: true, seq: 1 };
    const box = new Outbox(localOutboxStorage('k'), refuse);
    box.enqueue(comment('bad'));
    box.enqueue(comment('good'));
    box.setOnline(true);
    await box.flush();
    expect(box.items()).toHaveLength(1);
    expect(box.items()[0]?.failed?.code).toBe('INVALID');
    box.discard('bad');
    expect(box.items()).toEqual([]);
  });

  it('does not lose an item another tab queued meanwhile', () => {
    const hub = new FakeHub();
    const tabA = new Outbox(localOutboxStorage('k'), hub.send);
    const tabB = new Outbox(localOutboxStorage('k'), hub.send);
    tabA.enqueue(comment('a'));
    tabB.enqueue(comment('b'));
    expect(new Outbox(localOutboxStorage('k'), hub.send).items().map((i) => i.command.commandId)).toEqual(['a', 'b']);
  });

  it('grows the back-off delay and caps it', () => {
    expect(backoffMs(1, () => 1)).toBe(1_000);
    expect(backoffMs(3, () => 1)).toBe(4_000);
    expect(backoffMs(20, () => 1)).toBe(30_000);
    expect(backoffMs(2, () => 0)).toBe(1_000);
  });

  it('turns retryAfterMs into a delay of at least that long, with up to 25 % jitter, bounded', () => {
    const limited = (retryAfterMs: unknown) => ({ code: 'RATE_LIMITED' as const, message: '', details: { retryAfterMs } });
    expect(retryDelayMs(limited(2_000), 1, () => 0)).toBe(2_000);
    expect(retryDelayMs(limited(2_000), 1, () => 1)).toBe(2_500);
    expect(retryDelayMs(limited(0), 1, () => 0)).toBe(50);
    expect(retryDelayMs(limited(90_000), 1, () => 1)).toBe(OUTBOX_MAX_DELAY_MS);
    // No usable hint, or not a rate limit: the exponential back-off.
    expect(retryDelayMs(limited('soon'), 3, () => 1)).toBe(4_000);
    expect(retryDelayMs(limited(-5), 3, () => 1)).toBe(4_000);
    expect(retryDelayMs({ code: 'RATE_LIMITED', message: '' }, 3, () => 1)).toBe(4_000);
    expect(retryDelayMs({ code: 'UNAVAILABLE', message: '', details: { retryAfterMs: 10 } }, 1, () => 1)).toBe(1_000);
  });
});
