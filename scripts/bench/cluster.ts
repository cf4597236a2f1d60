// npm run bench:cluster -- --nodes N --clients M [--rounds R]
// N hub processes on one private Redis, M display clients spread over them (client i on node i mod N):
// the time for all M to join, and the time from the chair's floor.grant (sent on node 1) to its event at
// every client. The same M clients then join N bare Socket.IO nodes on the same Redis streams adapter,
// which rebroadcast the very message the hub sent. Both sides in one run, each in a fresh client process.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@diem-cau/shared';
import { RedisServer } from '../../server/src/testing/redisServer';
import { MANY_CONSOLES_ONE_ADDRESS, startChild } from './fanout/childServer';
import { arg, argText } from './fanout/args';
import { connectOne, measureRounds, stopChild } from './fanout/rounds';
import { fmt, type Summary } from './fanout/stats';

const NODES = arg('nodes', 1);
const CLIENTS = arg('clients', 1_000);
const ROUNDS = arg('rounds', 30);
/** Connections opened at once while joining: a crowd arriving, not one at a time. */
const JOIN_CONCURRENCY = 100;
/** Both sides run the hub's default heartbeat (SOCKET_PING_INTERVAL_MS / _TIMEOUT_MS, or as set here). */
const PING = { SOCKET_PING_INTERVAL_MS: process.env.SOCKET_PING_INTERVAL_MS ?? '10000', SOCKET_PING_TIMEOUT_MS: process.env.SOCKET_PING_TIMEOUT_MS ?? '8000' };
const ADMIN = 'bench-admin-token-0123456789';
const SETTLE_MS = 3_000;

interface PhaseResult { joinMs: number; grant: Summary; payloadBytes: number }



/** All M clients, JOIN_CONCURRENCY at a time, client i on node i mod N; resolves with the time it took. */
async function joinAll(urls: string[], auth: (i: number) => object): Promise<{ sockets: Socket[]; joinMs: number }> {
  const sockets: Socket[] = new Array(CLIENTS);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: JOIN_CONCURRENCY }, async () => {
    while (next < CLIENTS) {
      const i = next++;
      sockets[i] = await connectOne(urls[i % urls.length] as string, auth(i));
    }
  }));
  return { sockets, joinMs: performance.now() - t0 };
}


const post = async (url: string, path: string, body: unknown, auth?: string) =>
  (await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, body: JSON.stringify(body) })).json() as Promise<Record<string, unknown>>;

function setup() {
  const points = [{ id: 'tw', name: 'Trung ương', kind: 'central' }, ...Array.from({ length: 70 }, (_, i) => ({ id: `p${i}`, name: `Tỉnh ${i}`, kind: 'provincial' }))];
  return { id: 'bench', title: 'Bench', draft: { title: 'Dự thảo', articles: [{ number: 1, title: 'Điều một' }] }, points, settings: { maxOpenRequestsPerPoint: 2 } };
}

async function hubPhase(urls: string[], sampleFile: string): Promise<PhaseResult> {
  const first = urls[0] as string;
  const created = (await post(first, '/api/conferences', setup(), ADMIN)) as { joinCodes: Array<{ role: string; code: string }> };
  const code = (role: string) => created.joinCodes.find((c) => c.role === role)?.code;
  const chairToken = (await post(first, '/api/sessions', { code: code('chair') })).token as string;
  const tokens: string[] = new Array(CLIENTS);
  for (let i = 0; i < CLIENTS; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, CLIENTS - i) }, async (_, k) => {
      tokens[i + k] = (await post(urls[(i + k) % urls.length] as string, '/api/sessions', { code: code('display') })).token as string;
    }));
  }
  const chair = await connectOne(first, { token: chairToken, protocol: PROTOCOL_VERSION });
  const { sockets, joinMs } = await joinAll(urls, (i) => ({ token: tokens[i], protocol: PROTOCOL_VERSION }));
  const send = (cmd: object) => chair.timeout(30_000).emitWithAck('command', { commandId: randomUUID(), conferenceId: 'bench', ...cmd }) as Promise<{ ok: boolean }>;
  await send({ type: 'conference.start' });
  const requestIds: string[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    const commandId = randomUUID();
    const filed = (await chair.timeout(30_000).emitWithAck('command', { commandId, conferenceId: 'bench', type: 'floor.request', pointId: `p${r % 70}`, delegate: { name: `Đại biểu ${r}`, position: 'Trưởng ban' }, articles: [{ article: 1 }], topic: 'Góp ý Điều 1' })) as { ok: boolean };
    if (!filed.ok) throw new Error(`floor.request refused: ${JSON.stringify(filed)}`);
    requestIds.push(commandId);
  }
  let payloadBytes = 0;
  const grant = await measureRounds(chair, sockets, { rounds: ROUNDS, settleMs: SETTLE_MS, gapMs: 50 },
    (r) => ({ commandId: randomUUID(), conferenceId: 'bench', type: 'floor.grant', requestId: requestIds[r] }),
    (msg, r) => {
      const events = msg as Array<{ type: string; payload: { requestId?: string } }>;
      const hit = events.some((e) => e.type === 'floor.granted' && e.payload.requestId === requestIds[r]);
      if (hit && r === ROUNDS - 1 && payloadBytes === 0) {
        payloadBytes = Buffer.byteLength(JSON.stringify(msg));
        writeFileSync(sampleFile, JSON.stringify(msg));
      }
      return hit;
    });
  for (const s of [chair, ...sockets]) s.close();
  return { joinMs, grant, payloadBytes };
}

async function barePhase(urls: string[], sampleFile: string): Promise<PhaseResult> {
  const events = JSON.parse(readFileSync(sampleFile, 'utf8')) as Array<Record<string, unknown>>;
  const sender = await connectOne(urls[0] as string, {});
  const { sockets, joinMs } = await joinAll(urls, () => ({}));
  // The warm-up the hub gets from the floor requests filed before its grants: ROUNDS broadcasts, not measured.
  for (let r = 0; r < ROUNDS; r += 1) await sender.timeout(30_000).emitWithAck('command', events.map((e) => ({ ...e, seq: -1 - r })));
  const grant = await measureRounds(sender, sockets, { rounds: ROUNDS, settleMs: SETTLE_MS, gapMs: 50 }, (r) => events.map((e) => ({ ...e, seq: r })), (msg, r) => (msg as Array<{ seq: number }>)[0]?.seq === r);
  for (const s of [sender, ...sockets]) s.close();
  return { joinMs, grant, payloadBytes: 0 };
}

/** Starts N servers of one kind on a fresh private Redis, runs the client side in its own process, stops all. */
async function side(kind: 'hub' | 'bare', sampleFile: string): Promise<PhaseResult> {
  const redis = await RedisServer.start();
  const children: ChildProcess[] = [];
  try {
    const dataDir = mkdtempSync(join(tmpdir(), 'diem-cau-bench-cluster-'));
    const started = await Promise.all(Array.from({ length: NODES }, () => kind === 'hub'
      ? startChild(['server/dist/main.cjs'], { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN, SEED_DEMO: 'never', LOG_LEVEL: 'info', REDIS_URL: redis.url, ...PING, ...MANY_CONSOLES_ONE_ADDRESS })
      : startChild(['--import', 'tsx', 'scripts/bench/fanout/bareServer.ts'], { REDIS_URL: redis.url, ...PING })));
    children.push(...started.map((s) => s.child));
    const urls = started.map((s) => `http://127.0.0.1:${s.port}`);
    const args = [...process.execArgv, process.argv[1] as string, '--phase', kind, '--urls', urls.join(','), '--sample', sampleFile, '--clients', String(CLIENTS), '--rounds', String(ROUNDS), '--nodes', String(NODES)];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    return await new Promise((resolve, reject) => {
      child.once('exit', (code) => {
        const line = out.split('\n').find((l) => l.startsWith('RESULT '));
        if (code === 0 && line) resolve(JSON.parse(line.slice('RESULT '.length)) as PhaseResult);
        else reject(new Error(`${kind} phase failed (${code}): ${out}`));
      });
    });
  } finally {
    await Promise.all(children.map(stopChild));
    await redis.stop();
  }
}

async function main() {
  const phase = argText('phase');
  const sampleFile = argText('sample') ?? join(mkdtempSync(join(tmpdir(), 'diem-cau-bench-cluster-')), 'sample.json');
  if (phase) {
    const urls = (argText('urls') ?? '').split(',');
    const result = phase === 'hub' ? await hubPhase(urls, sampleFile) : await barePhase(urls, sampleFile);
    console.log(`RESULT ${JSON.stringify(result)}`);
    process.exit(0);
  }
  const hub = await side('hub', sampleFile);
  const bare = await side('bare', sampleFile);
  const row = (name: string, r: PhaseResult) => `${name.padEnd(5)} join ${(r.joinMs / 1000).toFixed(2)} s   grant p50 ${fmt(r.grant.p50)}  p95 ${fmt(r.grant.p95)}  p99 ${fmt(r.grant.p99)}  (${r.grant.count} deliveries)`;
  console.log(`${NODES} node(s), ${CLIENTS} clients (client i on node i mod ${NODES}), ${ROUNDS} grants sent on node 1, payload ${hub.payloadBytes} bytes; bare = Socket.IO on the same Redis streams adapter; heartbeat ${PING.SOCKET_PING_INTERVAL_MS} / ${PING.SOCKET_PING_TIMEOUT_MS} ms on both`);
  console.log(row('hub', hub));
  console.log(row('bare', bare));
  console.log(`ratio hub/bare: join ${(hub.joinMs / bare.joinMs).toFixed(2)}×  grant p50 ${(hub.grant.p50 / bare.grant.p50).toFixed(2)}×  p99 ${(hub.grant.p99 / bare.grant.p99).toFixed(2)}×`);
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
