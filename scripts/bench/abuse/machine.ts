// What bench:abuse reads from /proc: the hub's RSS, the CPU time of its processes, and the whole machine's,
// so that the CPU other programs took meanwhile (a shared two-core machine) is said beside each result,
// and an attack waits for a quiet machine before its idle window.
import { readFileSync } from 'node:fs';

/** Linux clock ticks are 10 ms (USER_HZ 100). */
const TICK_MS = 10;

export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN) / 1024;
}

/** CPU time of a process, all its threads (the import worker, the SQLite writer), in ms; 0 once it has gone. */
export function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** Busy CPU time of the whole machine, all cores, in ms (everything but idle and iowait). */
export function machineBusyMs(): number {
  const [, ...ticks] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks;
  return (user + nice + system + irq + softirq + steal) * TICK_MS;
}

/** CPU that processes other than `mine` used between two readings, as a share of one core. */
export class OthersMeter {
  private busy = machineBusyMs();
  private own: number;
  private at = Date.now();

  constructor(private readonly mine: () => number) {
    this.own = mine();
  }

  /** Since the last call (or construction): the others' share of one core, in %; `extraMineMs` is CPU of ours not in `mine`. */
  lap(extraMineMs = 0): number {
    const [busy, own, at] = [machineBusyMs(), this.mine(), Date.now()];
    const others = busy - this.busy - (own - this.own) - extraMineMs;
    const share = (Math.max(0, others) / Math.max(1, at - this.at)) * 100;
    [this.busy, this.own, this.at] = [busy, own, at];
    return share;
  }
}

/**
 * Waits until other programs use less than `maxOthersPct` of one core over `sampleMs`, for at most `maxWaitMs`;
 * returns how long it waited and the others' share in the last sample.
 */
export async function waitForQuiet(mine: () => number, opts: { maxOthersPct: number; sampleMs: number; maxWaitMs: number }): Promise<{ waitedMs: number; othersPct: number }> {
  const t0 = Date.now();
  const meter = new OthersMeter(mine);
  for (;;) {
    await new Promise((r) => setTimeout(r, opts.sampleMs));
    const othersPct = meter.lap();
    if (othersPct < opts.maxOthersPct || Date.now() - t0 >= opts.maxWaitMs) return { waitedMs: Date.now() - t0, othersPct };
  }
}
