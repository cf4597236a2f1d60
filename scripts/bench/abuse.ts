// npm run build:server && npm run bench:abuse -- [--seconds 12] [--idle-seconds 10] [--only id,id] [--sockets 300]
//   [--sync-comments 3000] [--sync-sessions 16] [--media-sessions 260] [--xlsx-rows 200000] [--final-settle-seconds 10] [--samples out.json]
//   [--attacker-nice 19]
// One built hub (default quotas and limits, SQLite in a temporary DATA_DIR). Beside each attack, a probe
// conference whose chair sends a command every 100 ms and a GET /healthz every 100 ms, from their own process.
// Per attack: an idle window with the probes alone, then the attack from its own process for --seconds; the
// table compares the probes' p50/p99 in both windows against the target (p99 ≤ 2× idle and ≤ 250 ms), and
// says what the attacker got back. The hub's RSS is read before the first attack and after the last.
// BENCH_HUB_PROFILE=dir: the hub writes a CPU profile there when it stops (as in bench:commands).
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg, argText } from './fanout/args';
import { startChild } from './fanout/childServer';
import { stopChild } from './fanout/rounds';
import { ATTACKS, runAttackProcess, type AttackOptions, type AttackReport, type AttackSpec } from './abuse/attacks';
import { collectHubGarbage, freePort, type HeapReport } from './abuse/hubHeap';
import { OthersMeter, cpuMs, rssMb, waitForQuiet } from './abuse/machine';
import { runProbes, type ProbeMessage, type ProbeSample } from './abuse/probes';
import { figures, printTable, type Row, type Window } from './abuse/report';
import { prepareArena, type Arena } from './abuse/setup';
import { Tally } from './abuse/tally';

const ATTACK_MS = arg('seconds', 12) * 1000;
const IDLE_MS = arg('idle-seconds', 10) * 1000;
const BASELINE_MS = 15_000;
const SETTLE_MS = 3_000;
/** Before the last RSS reading (an import worker ends after 30 s idle: more than this shows what it held). */
const FINAL_SETTLE_MS = arg('final-settle-seconds', 10) * 1000;
const ADMIN = 'bench-admin-token-0123456789';
/**
 * The attacker's process runs at this nice value (0: as the hub). A real attacker is on another machine and takes no
 * CPU from the hub; here it shares the hub's two cores, so it is made to yield them: it still gets whatever the hub
 * and the probes leave, which on two cores is most of one. The notes print its CPU either way.
 */
const ATTACKER_NICE = arg('attacker-nice', 19);
/** Before each idle window, wait (for at most maxWaitMs) until other programs use less than maxOthersPct of one core. */
const QUIET = { maxOthersPct: 25, sampleMs: 2_000, maxWaitMs: 120_000 };
const OPTIONS: AttackOptions = {
  sockets: arg('sockets', 300), syncSessions: arg('sync-sessions', 16), mediaSessions: arg('media-sessions', 260),
  xlsxRows: arg('xlsx-rows', 200_000), syncComments: arg('sync-comments', 3_000),
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (text: string) => process.stderr.write(`${text}\n`);

/** The hub's warnings and errors, counted by message into whichever bucket is current. */
function watchHubLog(child: ChildProcess): { bucket: () => Tally; next: () => Tally } {
  let current = new Tally();
  let rest = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const entry = (() => { try { return JSON.parse(line) as { level?: number; msg?: string }; } catch { return undefined; } })();
      if (entry?.level !== undefined && entry.level >= 40) current.add(`${entry.level >= 50 ? 'error' : 'warn'} "${entry.msg ?? ''}"`);
    }
  });
  return { bucket: () => current, next: () => (current = new Tally()) };
}

function forkPhase(args: string[], env: Record<string, string>): ChildProcess {
  return fork(process.argv[1] as string, args, { execArgv: process.execArgv, env: { ...process.env, ...env } });
}

const nextMessage = <T>(child: ChildProcess, type: string, timeoutMs: number) => new Promise<T>((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`no '${type}' from the child in ${timeoutMs} ms`)), timeoutMs);
  const on = (m: { type?: string }) => {
    if (m.type !== type) return;
    clearTimeout(timer);
    child.off('message', on);
    resolve(m as T);
  };
  child.on('message', on);
});

interface Probes { samples: ProbeSample[]; lags: Array<{ at: number; lagMaxMs: number }>; links: Array<{ at: number; event: string }>; child: ChildProcess }
interface Context { hubPid: number; probes: Probes; hubLog: ReturnType<typeof watchHubLog> }

/** CPU of the bench's own long-lived processes: the hub, the probes, this one (an attacker's is reported by it). */
const ours = (ctx: Pick<Context, 'hubPid' | 'probes'>) => () => cpuMs(ctx.hubPid) + cpuMs(ctx.probes.child.pid) + cpuMs(process.pid);

/** The probe process's own worst event-loop lag over a window (its batches cover the second before their time). */
const probeLag = (p: Probes, w: Window) => Math.max(0, ...p.lags.filter((l) => l.at > w.start && l.at <= w.end + 1_000).map((l) => l.lagMaxMs));

/** What happened to the chair's socket from the attack's start to the end of its settle. */
function linkNotes(p: Probes, w: Window): string[] {
  const events = p.links.filter((l) => l.at >= w.start && l.at < w.end + SETTLE_MS);
  return events.length === 0 ? [] : [`the probe chair's socket: ${events.map((l) => `${l.event} at +${((l.at - w.start) / 1000).toFixed(1)} s`).join(', ')}`];
}

/** Near the end of a media attack, while the attacker still holds its transports: can the probe's chair get one? */
function mediaCheck(probes: Probes, notes: string[]): void {
  setTimeout(() => {
    probes.child.send({ type: 'media' });
    void nextMessage<{ outcome: string }>(probes.child, 'media', 10_000).then((m) => notes.push(`the probe chair's own createTransport meanwhile: ${m.outcome}`), () => undefined);
  }, ATTACK_MS - 1_500);
}

/** From 'go' to the attacker's report: the window, what it saw, and what the hub and the machine spent. */
async function attackWindow(spec: AttackSpec, child: ChildProcess, ctx: Context, meter: OthersMeter) {
  ctx.hubLog.next();
  let peakRssMb = rssMb(ctx.hubPid);
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, rssMb(ctx.hubPid))), 250);
  const notes: string[] = [];
  if (spec.mediaCheck) mediaCheck(ctx.probes, notes);
  const [start, hubCpu] = [Date.now(), cpuMs(ctx.hubPid)];
  child.send({ type: 'go' });
  const report = await nextMessage<AttackReport>(child, 'report', ATTACK_MS + 120_000);
  const window: Window = { start, end: Date.now() };
  clearInterval(sampler);
  const othersPct = meter.lap(report.cpuMs);
  const share = (used: number) => `${((used / (window.end - window.start)) * 100).toFixed(0)} %`;
  notes.push(`CPU: hub ${share(cpuMs(ctx.hubPid) - hubCpu)}, attacker ${share(report.cpuMs)} of one core`);
  log(`${spec.id}: done in ${((window.end - window.start) / 1000).toFixed(1)} s; ${Tally.describe(report.tally)}`);
  return { window, report, notes, peakRssMb, othersPct, hubLog: ctx.hubLog.bucket().entries() };
}

async function runOne(spec: AttackSpec, arena: Arena, ctx: Context): Promise<Row> {
  log(`${spec.id}: preparing`);
  const child = forkPhase(['--phase', 'attack', '--attack', spec.id, '--seconds', String(ATTACK_MS / 1000)], { BENCH_ARENA: JSON.stringify(arena), BENCH_OPTIONS: JSON.stringify(OPTIONS) });
  const exited = new Promise((r) => child.once('exit', r));
  if (ATTACKER_NICE > 0 && child.pid !== undefined) setPriority(child.pid, ATTACKER_NICE);
  try {
    await nextMessage(child, 'ready', 180_000);
    const quiet = await waitForQuiet(ours(ctx), QUIET);
    if (quiet.waitedMs > 1.5 * QUIET.sampleMs) log(`${spec.id}: waited ${(quiet.waitedMs / 1000).toFixed(0)} s for other programs to quieten (last ${quiet.othersPct.toFixed(0)} % of a core)`);
    const meter = new OthersMeter(ours(ctx));
    const idle: Window = { start: Date.now(), end: Date.now() + IDLE_MS };
    await sleep(IDLE_MS);
    const othersIdle = meter.lap();
    log(`${spec.id}: attacking for ${ATTACK_MS / 1000} s`);
    const a = await attackWindow(spec, child, ctx, meter);
    await sleep(SETTLE_MS);
    return {
      title: spec.title(OPTIONS), idle: figures(ctx.probes.samples, idle), during: figures(ctx.probes.samples, a.window), idleWindow: idle, duringWindow: a.window,
      tally: a.report.tally, notes: [...a.report.notes, ...a.notes, ...linkNotes(ctx.probes, a.window)], hubLog: a.hubLog, peakRssMb: a.peakRssMb, rssAfterMb: rssMb(ctx.hubPid),
      othersPct: { idle: othersIdle, during: a.othersPct }, probeLagMs: { idle: probeLag(ctx.probes, idle), during: probeLag(ctx.probes, a.window) },
    };
  } finally {
    await Promise.race([exited, sleep(5_000)]);
    child.kill('SIGKILL');
  }
}

async function startProbes(url: string, arena: Arena): Promise<Probes> {
  const child = forkPhase(['--phase', 'probe'], { BENCH_PROBE: JSON.stringify({ url, ...arena.probe }) });
  const probes: Probes = { samples: [], lags: [], links: [], child };
  child.on('message', (m: ProbeMessage) => {
    if (m.type === 'link') probes.links.push(m);
    if (m.type !== 'samples') return;
    probes.samples.push(...m.samples);
    probes.lags.push({ at: m.at, lagMaxMs: m.lagMaxMs });
  });
  await nextMessage(child, 'ready', 30_000);
  return probes;
}

/** The RSS after the settle, then again after a full GC asked through the hub's inspector. */
async function finalMemory(hubPid: number, inspectPort: number, rssBefore: number, rows: Row[]): Promise<string> {
  const rssAfter = rssMb(hubPid);
  const heapChild = fork(process.argv[1] as string, ['--phase', 'heap', '--inspect-port', String(inspectPort)], { execArgv: [...process.execArgv, '--experimental-websocket', '--no-warnings'] });
  const heap = await nextMessage<HeapReport>(heapChild, 'heap', 30_000).catch(() => undefined);
  heapChild.kill();
  await sleep(1_000);
  const peak = rows.reduce((a, r) => (r.peakRssMb > a.peakRssMb ? r : a), rows[0] ?? { peakRssMb: rssBefore, title: '-' });
  const held = Math.abs(rssAfter - rssBefore) <= 50 ? 'within' : '**not** within';
  const gc = heap ? `; after a full GC asked through the inspector: RSS ${rssMb(hubPid).toFixed(0)} MB, V8 heap ${heap.usedMb.toFixed(0)} MB used of ${heap.totalMb.toFixed(0)} MB` : '';
  return `Hub RSS: ${rssBefore.toFixed(0)} MB before the first attack, ${rssAfter.toFixed(0)} MB ${FINAL_SETTLE_MS / 1000} s after the last (${held} 50 MB); highest ${peak.peakRssMb.toFixed(0)} MB, during "${peak.title}"${gc}.`;
}

async function orchestrate(): Promise<void> {
  const only = argText('only')?.split(',');
  const specs = ATTACKS.filter((a) => !only || only.includes(a.id));
  const dataDir = mkdtempSync(join(tmpdir(), 'diem-cau-bench-abuse-'));
  const inspectPort = await freePort();
  const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN, SEED_DEMO: 'never', LOG_LEVEL: 'info' };
  const profile = process.env.BENCH_HUB_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_HUB_PROFILE] : [];
  const { child: hub, port } = await startChild([`--inspect=127.0.0.1:${inspectPort}`, ...profile, 'server/dist/main.cjs'], env);
  const hubPid = hub.pid as number;
  const hubLog = watchHubLog(hub);
  let probes: Probes | undefined;
  try {
    const url = `http://127.0.0.1:${port}`;
    log(`hub on ${url} (pid ${hubPid}); attackers at nice ${ATTACKER_NICE}; creating conferences, seeding ${OPTIONS.syncComments} comments`);
    const arena = await prepareArena(url, ADMIN, { syncComments: OPTIONS.syncComments, displaySessions: Math.max(OPTIONS.syncSessions, OPTIONS.mediaSessions) });
    probes = await startProbes(url, arena);
    await waitForQuiet(ours({ hubPid, probes }), QUIET);
    const base: Window = { start: Date.now(), end: Date.now() + BASELINE_MS };
    log(`baseline: probes alone for ${BASELINE_MS / 1000} s`);
    await sleep(BASELINE_MS);
    const rssBefore = rssMb(hubPid);
    const rows: Row[] = [];
    for (const spec of specs) rows.push(await runOne(spec, arena, { hubPid, probes, hubLog }));
    await sleep(FINAL_SETTLE_MS);
    const memory = await finalMemory(hubPid, inspectPort, rssBefore, rows);
    printTable(figures(probes.samples, base, ...rows.map((r) => r.idleWindow)), rows);
    console.log(`\n${memory}`);
    const dump = argText('samples');
    if (dump) writeFileSync(dump, JSON.stringify({ base, windows: rows.map((r) => ({ title: r.title, idle: r.idleWindow, during: r.duringWindow })), samples: probes.samples, lags: probes.lags }));
  } finally {
    probes?.child.send({ type: 'stop' });
    if (probes) await Promise.race([new Promise((r) => probes?.child.once('exit', r)), sleep(8_000)]);
    probes?.child.kill('SIGKILL');
    await stopChild(hub);
  }
}

async function main(): Promise<void> {
  const phase = argText('phase');
  if (phase === 'probe') return runProbes(JSON.parse(process.env.BENCH_PROBE ?? '{}'));
  if (phase === 'heap') {
    process.send?.(await collectHubGarbage(arg('inspect-port', 0)));
    return;
  }
  if (phase === 'attack') {
    const spec = ATTACKS.find((a) => a.id === argText('attack'));
    if (!spec) throw new Error(`no attack ${argText('attack')}`);
    return runAttackProcess(spec, JSON.parse(process.env.BENCH_OPTIONS ?? '{}') as AttackOptions, JSON.parse(process.env.BENCH_ARENA ?? '{}') as Arena, ATTACK_MS);
  }
  await orchestrate();
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
