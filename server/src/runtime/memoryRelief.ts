import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Memory given back after a burst (Q50). V8 grows its heap for a burst (thousands of refused sockets, 4 MB bodies,
 * snapshots) and keeps the pages afterwards: with nothing allocating, no collection runs and the process stays
 * hundreds of MB above its live memory. Every `checkEveryMs` the hub looks at its RSS; when it is `thresholdMb`
 * above what it was after the last relief and the event loop was quiet over the check (utilisation under
 * `quietUtilization`), it runs one full collection — never while busy (a full GC pauses the loop: done
 * only when nothing waits) and at most once per `minGapMs`.
 */
export interface ReliefSettings {
  thresholdMb: number;
  checkEveryMs: number;
  quietUtilization: number;
  minGapMs: number;
}

export interface ReliefReading {
  rssMb: number;
  /** Event-loop utilisation (0–1) since the previous reading. */
  utilization: number;
  nowMs: number;
}

export interface ReliefState { baselineMb: number; lastReliefMs: number }

/** The pure decision: collect now? */
export function shouldRelieve(s: ReliefSettings, state: ReliefState, r: ReliefReading): boolean {
  return r.rssMb - state.baselineMb >= s.thresholdMb && r.utilization < s.quietUtilization && r.nowMs - state.lastReliefMs >= s.minGapMs;
}

export const DEFAULT_RELIEF: Omit<ReliefSettings, 'thresholdMb'> = { checkEveryMs: 5_000, quietUtilization: 0.03, minGapMs: 30_000 };

/** V8's full collection, reached without starting node with --expose-gc. */
export function fullCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export interface ReliefEvent { beforeMb: number; afterMb: number; tookMs: number }

const rssMb = () => process.memoryUsage.rss() / 1024 / 1024;

/** Starts the checks (the timer does not hold the process open); returns the stop. thresholdMb 0: off. */
export function startMemoryRelief(settings: ReliefSettings, onRelief: (e: ReliefEvent) => void, collect: () => void = fullCollector()): () => void {
  if (settings.thresholdMb <= 0) return () => undefined;
  const state: ReliefState = { baselineMb: rssMb(), lastReliefMs: -Infinity };
  let elu = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const reading = { rssMb: rssMb(), utilization: performance.eventLoopUtilization(now, elu).utilization, nowMs: performance.now() };
    elu = now;
    if (reading.rssMb < state.baselineMb) state.baselineMb = reading.rssMb;
    if (!shouldRelieve(settings, state, reading)) return;
    const t0 = performance.now();
    collect();
    const afterMb = rssMb();
    state.baselineMb = afterMb;
    state.lastReliefMs = performance.now();
    elu = performance.eventLoopUtilization();
    onRelief({ beforeMb: reading.rssMb, afterMb, tookMs: state.lastReliefMs - t0 });
  }, settings.checkEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
