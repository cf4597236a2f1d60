// The table bench:abuse prints (Markdown, as it goes into the README): per attack, the probe conference's
// command and /healthz latencies in the idle window just before it and during it, the verdict against the
// target, and what the attacker saw.
import { summarise, type Summary } from '../fanout/stats';
import type { ProbeSample } from './probes';
import { Tally } from './tally';

/** The target of issue 10: during an attack p99 at most twice the idle p99, and never above 250 ms. */
export const TARGET = { ratio: 2, ceilingMs: 250 };

export interface Window { start: number; end: number }

export interface ProbeFigures { command: Summary; healthz: Summary; notOk: Array<[string, number]> }

export interface Row {
  title: string;
  idle: ProbeFigures;
  during: ProbeFigures;
  idleWindow: Window;
  duringWindow: Window;
  /** The attacker's tally, its notes, the hub's warnings and errors logged meanwhile. */
  tally: Array<[string, number]>;
  notes: string[];
  hubLog: Array<[string, number]>;
  peakRssMb: number;
  /** The hub's RSS a few seconds after the attack. */
  rssAfterMb: number;
  /** The probe process's own worst event-loop lag in each window: a probe late on its own side is not the hub's doing. */
  probeLagMs: { idle: number; during: number };
  /** CPU other programs on the machine used in each window, in % of one core. */
  othersPct: { idle: number; during: number };
}

/** Beyond this share of a core used by other programs in a window, the row says the machine was busy. */
const BUSY_MACHINE_PCT = 25;

export function figures(samples: ProbeSample[], ...windows: Window[]): ProbeFigures {
  const inside = samples.filter((s) => windows.some((w) => s.at >= w.start && s.at < w.end));
  const notOk = new Tally();
  for (const s of inside) if (s.outcome !== 'ok') notOk.add(`${s.kind} ${s.outcome}`);
  const of = (kind: ProbeSample['kind']) => summarise(inside.filter((s) => s.kind === kind).map((s) => s.ms));
  return { command: of('command'), healthz: of('healthz'), notOk: notOk.entries() };
}

const ms = (x: number) => (Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(1) : x.toFixed(0));

/** Which of the two probes missed the target, and by how much; empty when both met it. */
export function misses(idle: ProbeFigures, during: ProbeFigures): string[] {
  const out: string[] = [];
  for (const [name, a, b] of [['command', idle.command.p99, during.command.p99], ['/healthz', idle.healthz.p99, during.healthz.p99]] as const) {
    if (b > TARGET.ceilingMs) out.push(`${name} p99 ${ms(b)} ms > ${TARGET.ceilingMs} ms`);
    else if (b > TARGET.ratio * a) out.push(`${name} p99 ${(b / a).toFixed(1)}× the idle p99`);
  }
  return out;
}

/**
 * `quiet`: every idle window pooled (the first one and the one before each attack). The verdict compares each
 * attack with it rather than with its own 10-s window alone, whose p99 is its one or two slowest probes.
 */
export function printTable(quiet: ProbeFigures, rows: Row[]): void {
  const lines = [
    '| attack | command p50 / p99 ms (idle → during) | /healthz p99 ms (idle → during) | verdict | what the attacker saw |',
    '| --- | --- | --- | --- | --- |',
    `| none: all idle windows pooled (${quiet.command.count} commands, ${quiet.healthz.count} /healthz) | ${ms(quiet.command.p50)} / ${ms(quiet.command.p99)} | ${ms(quiet.healthz.p99)} | target: p99 ≤ ${ms(Math.min(TARGET.ceilingMs, TARGET.ratio * quiet.command.p99))} (command), ≤ ${ms(Math.min(TARGET.ceilingMs, TARGET.ratio * quiet.healthz.p99))} (/healthz) | |`,
  ];
  for (const r of rows) {
    const missed = misses(quiet, r.during);
    const busy = Math.max(r.othersPct.idle, r.othersPct.during) > BUSY_MACHINE_PCT ? ' (machine busy: see notes)' : '';
    const verdict = (missed.length === 0 ? 'pass' : `**fail**: ${missed.join('; ')}`) + busy;
    const probeTrouble = r.during.notOk.length > 0 ? [`probes not ok: ${Tally.describe(r.during.notOk)}`] : [];
    const hub = r.hubLog.length > 0 ? [`hub logged: ${Tally.describe(r.hubLog)}`] : [];
    const notes = [...r.notes, Tally.describe(r.tally), ...probeTrouble, ...hub, `hub RSS peak ${r.peakRssMb.toFixed(0)} MB, ${r.rssAfterMb.toFixed(0)} MB after`, `probe process's own loop lag ≤ ${ms(r.probeLagMs.idle)} ms idle, ≤ ${ms(r.probeLagMs.during)} ms during`, `other programs: ${r.othersPct.idle.toFixed(0)} % of a core idle, ${r.othersPct.during.toFixed(0)} % during`].join('; ');
    lines.push(`| ${r.title} | ${ms(r.idle.command.p50)} / ${ms(r.idle.command.p99)} → ${ms(r.during.command.p50)} / ${ms(r.during.command.p99)} | ${ms(r.idle.healthz.p99)} → ${ms(r.during.healthz.p99)} | ${verdict} | ${notes} |`);
  }
  console.log(lines.join('\n'));
}
