import { cpus } from 'node:os';

/** Below this the publishers did not send the full stream: the row measures a starved bench, not the SFU. */
export const MIN_PUBLISHED_FPS = 28;
/** An SFU process whose event loop runs this late (p99) is past what it can forward: packets queue and drop. */
export const SATURATED_LOOP_LAG_MS = 100;
export const MAX_PUBLISHED_FPS = 32;
/** A receivers' process this busy (% of one core) may be late to read its socket: fps and missing are suspect. */
const SATURATED_PROCESS_PERCENT = 90;

export interface ThroughputRow {
  backend: string;
  receivers: number;
  liveConsumers: number;
  consumers: number;
  sfuCpu: number;
  packetsOutPerS: number;
  /** The slower of the two publishers. */
  publishedFps: number;
  fpsMean: number;
  fpsMin: number;
  missing: number;
  receiversCpu: number;
  receiverProcesses: number;
  busiestReceiverProcess: number;
  publisherCpu: number;
  /** The SFU process's event-loop delay over the window, p99 and max, ms. */
  sfuLoopLagP99Ms: number;
  sfuLoopLagMaxMs: number;
  /** The machine's busy CPU minus the bench's own processes: other work sharing the cores. */
  othersCpu: number;
  machineCpu: number;
}

export interface SwitchRow {
  backend: string;
  receivers: number;
  /** Per switch: until the last receiver had the new publisher's first key frame, ms; null when one never did. */
  untilAllMs: Array<number | null>;
  /** Per switch: the median receiver, ms. */
  medianMs: number[];
  /** Per switch: how long the SFU's pause, resume and floor calls took to return, ms. */
  callsMs: number[];
  timedOut: number;
  missing: number;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

export function throughputFlags(row: ThroughputRow): string {
  const flags: string[] = [];
  if (row.publishedFps < MIN_PUBLISHED_FPS) flags.push(`INVALID: published ${fixed(row.publishedFps)} fps < ${MIN_PUBLISHED_FPS}`);
  // A publisher sends at most two frames per tick to catch up: above its rate, it had stalled just before the window.
  if (row.publishedFps > MAX_PUBLISHED_FPS) flags.push(`INVALID: published ${fixed(row.publishedFps)} fps, catching up after a stall`);
  if (row.busiestReceiverProcess > SATURATED_PROCESS_PERCENT) flags.push(`a receivers' process at ${fixed(row.busiestReceiverProcess, 0)} % of a core`);
  if (row.fpsMin < MIN_PUBLISHED_FPS) flags.push(`NOT HELD: a receiver got ${fixed(row.fpsMin)} fps`);
  if (row.sfuLoopLagP99Ms > SATURATED_LOOP_LAG_MS) flags.push(`SFU saturated: its event loop ${fixed(row.sfuLoopLagP99Ms, 0)} ms late (p99)`);
  if (row.machineCpu > cpus().length * 100 * 0.95) flags.push(`machine saturated (${fixed(row.machineCpu, 0)} of ${cpus().length * 100} %)`);
  return flags.length === 0 ? 'valid' : flags.join('; ');
}

export const THROUGHPUT_HEADER = [
  'backend  ', 'receivers (consumers live / all)', 'SFU CPU %', 'per receiver', 'packets out/s', 'published fps', 'receiver fps mean / min',
  'missing', 'SFU loop lag p99 / max ms', "receivers' CPU % (processes)", 'publisher CPU %', 'rest of machine %', 'row',
].join(' | ');

export function formatThroughput(r: ThroughputRow): string {
  return [
    r.backend.padEnd(9),
    `${r.receivers} (${r.liveConsumers} / ${r.consumers})`.padStart(32),
    fixed(r.sfuCpu).padStart(9),
    fixed(r.sfuCpu / r.receivers, 2).padStart(12),
    Math.round(r.packetsOutPerS).toLocaleString('en').padStart(13),
    fixed(r.publishedFps).padStart(13),
    `${fixed(r.fpsMean)} / ${fixed(r.fpsMin)}`.padStart(23),
    String(r.missing).padStart(7),
    `${fixed(r.sfuLoopLagP99Ms, 0)} / ${fixed(r.sfuLoopLagMaxMs, 0)}`.padStart(25),
    `${fixed(r.receiversCpu)} (${r.receiverProcesses})`.padStart(28),
    fixed(r.publisherCpu).padStart(15),
    fixed(r.othersCpu).padStart(17),
    throughputFlags(r),
  ].join(' | ');
}

export const SWITCH_HEADER = [
  'backend  ', 'receivers', 'switches', 'all have the key frame, ms p50 / max', 'median receiver, ms p50', 'SFU calls, ms p50', 'never got it', 'missing during switches',
].join(' | ');

export function formatSwitches(r: SwitchRow): string {
  const all = r.untilAllMs.filter((t): t is number => t !== null);
  return [
    r.backend.padEnd(9),
    String(r.receivers).padStart(9),
    String(r.untilAllMs.length).padStart(8),
    `${fixed(percentile(all, 50), 0)} / ${fixed(Math.max(...all), 0)}`.padStart(36),
    fixed(percentile(r.medianMs, 50), 0).padStart(23),
    fixed(percentile(r.callsMs, 50), 0).padStart(17),
    String(r.timedOut).padStart(12),
    String(r.missing),
  ].join(' | ');
}
