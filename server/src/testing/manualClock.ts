import type { Clock } from '../hub/clock';

/** A clock tests move by hand: timers fire when advance() passes their time. */
export class ManualClock implements Clock {
  private offset = 0;
  private timers: Array<{ at: number; fn: () => void; live: boolean }> = [];

  now(): number {
    return Date.now() + this.offset;
  }

  setTimeout(fn: () => void, ms: number) {
    const timer = { at: this.now() + Math.max(0, ms), fn, live: true };
    this.timers.push(timer);
    return { cancel: () => { timer.live = false; } };
  }

  advance(ms: number): void {
    this.offset += ms;
    const due = this.timers.filter((t) => t.live && t.at <= this.now());
    this.timers = this.timers.filter((t) => t.live && t.at > this.now());
    for (const t of due) t.fn();
  }

  pending(): number {
    return this.timers.filter((t) => t.live).length;
  }
}
