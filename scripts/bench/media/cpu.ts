import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { processCpuMicros } from '../../../server/src/media/testing/processCpu';

let ticksPerSecond: number | undefined;

/** CPU time every core of the machine has spent busy (not idle, not waiting on I/O) since boot, microseconds. */
function machineBusyMicros(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return ((user + nice + system + irq + softirq + steal) / ticksPerSecond) * 1e6;
}

/** CPU used so far by the bench's processes (by role) and by the whole machine, microseconds. */
export interface CpuReading {
  atMs: number;
  machine: number;
  publisher: number;
  /** One entry per receivers' process. */
  receivers: number[];
  /** This process: the bench's coordinator (relays signalling, samples). */
  coordinator: number;
}

export function readCpu(publisherPid: number, receiverPids: number[]): CpuReading {
  const own = process.cpuUsage();
  return {
    atMs: performance.now(),
    machine: machineBusyMicros(),
    publisher: processCpuMicros(publisherPid),
    receivers: receiverPids.map(processCpuMicros),
    coordinator: own.user + own.system,
  };
}

/** Percent of one core used between two readings, by role. */
export function cpuPercents(start: CpuReading, end: CpuReading) {
  const percent = (micros: number) => (micros / 1000 / (end.atMs - start.atMs)) * 100;
  const receivers = end.receivers.map((r, i) => percent(r - (start.receivers[i] ?? 0)));
  return {
    machine: percent(end.machine - start.machine),
    publisher: percent(end.publisher - start.publisher),
    receivers: receivers.reduce((a, b) => a + b, 0),
    busiestReceiverProcess: Math.max(...receivers),
    coordinator: percent(end.coordinator - start.coordinator),
  };
}
