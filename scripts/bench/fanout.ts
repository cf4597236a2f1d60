// npm run bench:fanout -- --clients N [--rounds R] [--runs K]
// Time from the chair's floor.grant to its event reaching every one of N socket.io clients,
// against the same N clients on a bare Socket.IO server that rebroadcasts the very message the hub sent (same bytes, same parsers).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@diem-cau/shared';
import { MANY_CONSOLES_ONE_ADDRESS, startChild } from './fanout/childServer';
import { arg, argText } from './fanout/args';
import { connectOne, measureRounds, stopChild } from './fanout/rounds';
import { fmt, type Summary } from './fanout/stats';

const CLIENTS = arg('clients', 100);
const ROUNDS = arg('rounds', 60);
const RUNS = arg('runs', 1);
const ADMIN = 'bench-admin-token-0123456789';
const POINTS = 70;
/** Quiet time after connecting, so connection traffic does not land in the first rounds. */
const SETTLE_MS = 2_000;

/** Extra node flags for a server process, e.g. BENCH_HUB_NODE_ARGS=--cpu-prof. */
const nodeArgs = (name: string) => (process.env[name] ?? '').split(' ').filter(Boolean);


function setup() {
  const points = [{ id: 'tw', name: 'Trung ương', kind: 'central' }, ...Array.from({ length: POINTS }, (_, i) => ({ id: `p${i}`, name: `Tỉnh ${i}`, kind: 'provincial' }))];
  return { id: 'bench', title: 'Bench', draft: { title: 'Dự thảo', articles: [{ number: 1, title: 'Điều một' }] }, points, settings: { maxOpenRequestsPerPoint: 2 } };
}


/** The N receivers; the sender is connected on its own, so both servers fan out to exactly N + 1 sockets. */
async function connectAll(url: string, auth: (i: number) => object): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < CLIENTS; i += 1) sockets.push(await connectOne(url, auth(i)));
  return sockets;
}


/** The bare server replays a message the hub really sent, so both sides move the same bytes through the same parsers. */
async function benchHub(): Promise<{ summary: Summary; payloadBytes: number; sample: unknown }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'diem-cau-bench-'));
  const { child, port } = await startChild([...nodeArgs('BENCH_HUB_NODE_ARGS'), 'server/dist/main.cjs'], { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN, SEED_DEMO: 'never', LOG_LEVEL: 'info', ...MANY_CONSOLES_ONE_ADDRESS });
  try {
    const url = `http://127.0.0.1:${port}`;
    const post = async (path: string, body: unknown, auth?: string) => (await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, body: JSON.stringify(body) })).json() as Promise<Record<string, unknown>>;
    const created = (await post('/api/conferences', setup(), ADMIN)) as { joinCodes: Array<{ role: string; code: string }> };
    const code = (role: string) => created.joinCodes.find((c) => c.role === role)?.code;
    const chairToken = (await post('/api/sessions', { code: code('chair') })).token as string;
    const tokens: string[] = [];
    for (let i = 0; i < CLIENTS; i += 1) tokens.push((await post('/api/sessions', { code: code('display') })).token as string);
    const chair = await connectOne(url, { token: chairToken, protocol: PROTOCOL_VERSION });
    const receivers = await connectAll(url, (i) => ({ token: tokens[i], protocol: PROTOCOL_VERSION }));
    const send = async (cmd: object) => (await chair.timeout(10_000).emitWithAck('command', { commandId: randomUUID(), conferenceId: 'bench', ...cmd })) as { ok: boolean };
    await send({ type: 'conference.start' });
    const requestIds: string[] = [];
    for (let r = 0; r < ROUNDS; r += 1) {
      const commandId = randomUUID();
      const filed = (await chair.timeout(10_000).emitWithAck('command', { commandId, conferenceId: 'bench', type: 'floor.request', pointId: `p${r % POINTS}`, delegate: { name: `Đại biểu ${r}`, position: 'Trưởng ban' }, articles: [{ article: 1 }], topic: 'Góp ý Điều 1' })) as { ok: boolean };
      if (!filed.ok) throw new Error(`floor.request refused: ${JSON.stringify(filed)}`);
      requestIds.push(commandId);
    }
    let payloadBytes = 0;
    let sample: unknown;
    const summary = await measureRounds(chair, receivers, { rounds: ROUNDS, settleMs: SETTLE_MS, gapMs: 20 },
      (r) => ({ commandId: randomUUID(), conferenceId: 'bench', type: 'floor.grant', requestId: requestIds[r] }),
      (msg, r) => {
        const events = msg as Array<{ type: string; payload: { requestId?: string } }>;
        const hit = events.some((e) => e.type === 'floor.granted' && e.payload.requestId === requestIds[r]);
        if (hit && r === ROUNDS - 1) {
          payloadBytes = Buffer.byteLength(JSON.stringify(msg));
          sample = msg;
        }
        return hit;
      });
    for (const s of [chair, ...receivers]) s.close();
    return { summary, payloadBytes, sample };
  } finally {
    await stopChild(child);
  }
}

async function benchBare(sample: unknown): Promise<Summary> {
  const { child, port } = await startChild([...nodeArgs('BENCH_BARE_NODE_ARGS'), '--import', 'tsx', 'scripts/bench/fanout/bareServer.ts'], { REDIS_URL: '' });
  try {
    const url = `http://127.0.0.1:${port}`;
    const sender = await connectOne(url, {});
    const receivers = await connectAll(url, () => ({}));
    const events = sample as Array<Record<string, unknown>>;
    // The same warm-up the hub gets from the floor requests filed before its grants: ROUNDS broadcasts, not measured.
    for (let r = 0; r < ROUNDS; r += 1) await sender.timeout(10_000).emitWithAck('command', events.map((e) => ({ ...e, seq: -1 - r })));
    const summary = await measureRounds(sender, receivers, { rounds: ROUNDS, settleMs: SETTLE_MS, gapMs: 20 }, (r) => events.map((e) => ({ ...e, seq: r })), (msg, r) => (msg as Array<{ seq: number }>)[0]?.seq === r);
    for (const s of [sender, ...receivers]) s.close();
    return summary;
  } finally {
    await stopChild(child);
  }
}

/** Each side is measured by a fresh client process, so neither inherits the other's heap or warmed-up code. */
function runPhase(phase: 'hub' | 'bare', sampleFile: string): Promise<{ summary: Summary; payloadBytes: number }> {
  const args = [...process.execArgv, process.argv[1] as string, '--phase', phase, '--sample', sampleFile, '--clients', String(CLIENTS), '--rounds', String(ROUNDS)];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice('RESULT '.length)) as { summary: Summary; payloadBytes: number });
      else reject(new Error(`${phase} phase failed (${code}): ${out}`));
    });
  });
}

async function main() {
  const phase = argText('phase');
  const sampleFile = argText('sample') ?? join(mkdtempSync(join(tmpdir(), 'diem-cau-fanout-')), 'sample.json');
  if (phase === 'hub') {
    const hub = await benchHub();
    writeFileSync(sampleFile, JSON.stringify(hub.sample));
    console.log(`RESULT ${JSON.stringify({ summary: hub.summary, payloadBytes: hub.payloadBytes })}`);
  } else if (phase === 'bare') {
    const summary = await benchBare(JSON.parse(readFileSync(sampleFile, 'utf8')));
    console.log(`RESULT ${JSON.stringify({ summary, payloadBytes: 0 })}`);
  } else {
    const row = (name: string, s: Summary) => `${name.padEnd(6)} p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  p99 ${fmt(s.p99)}  max ${fmt(s.max)}  (${s.count} deliveries)`;
    const ratios: number[] = [];
    for (let run = 1; run <= RUNS; run += 1) {
      const hub = await runPhase('hub', sampleFile);
      const bare = (await runPhase('bare', sampleFile)).summary;
      console.log(`${RUNS > 1 ? `run ${run}/${RUNS}: ` : ''}fan-out to ${CLIENTS} clients, ${ROUNDS} grants, payload ${hub.payloadBytes} bytes (the bare server rebroadcasts that same message)`);
      console.log(row('hub', hub.summary));
      console.log(row('bare', bare));
      console.log(`ratio hub/bare: p50 ${(hub.summary.p50 / bare.p50).toFixed(2)}×  p99 ${(hub.summary.p99 / bare.p99).toFixed(2)}×`);
      ratios.push(hub.summary.p99 / bare.p99);
    }
    if (RUNS > 1) console.log(`p99 ratio over ${RUNS} runs: best ${Math.min(...ratios).toFixed(2)}×, median ${[...ratios].sort((a, b) => a - b)[Math.floor(RUNS / 2)]?.toFixed(2)}×, worst ${Math.max(...ratios).toFixed(2)}×`);
  }
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
