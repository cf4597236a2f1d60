// npm run bench:commands -- [--store sqlite|redis|both] [--target 100000] [--sockets 100] [--conferences 10] [--clients 2] [--max-seconds 400]
// Durable commands per second: S secretary sockets over C conferences (socket i in conference i mod C), each
// sending comment.log and the next one on its ack, until conference 0's log holds --target events. Printed
// per 5-second window, so a cost that grows with the log shows as decay. Then, with the same client
// processes for as many windows, a bare Socket.IO server that acks each command and broadcasts one event of
// the same size to the sender's room. Last, the time to fold conference 0 from the store (recovery).
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROTOCOL_VERSION } from '@diem-cau/shared';
import { RedisServer } from '../../server/src/testing/redisServer';
import { arg, argText } from './fanout/args';
import { MANY_CONSOLES_ONE_ADDRESS, startChild } from './fanout/childServer';
import { stopChild } from './fanout/rounds';
import { runLoadClients, type LoadReport, type LoadSocket } from './commands/loadClients';
import { measureRecovery } from './commands/recovery';
import { seedConferences } from './commands/seed';

const TARGET = arg('target', 100_000);
const SOCKETS = arg('sockets', 100);
const CONFERENCES = arg('conferences', 10);
const CLIENTS = arg('clients', 2);
const MAX_S = arg('max-seconds', 400);
const WINDOW_MS = 5_000;
const ADMIN = 'bench-admin-token-0123456789';
/** The bench measures throughput, not the quotas: every limit well above what 100 sockets can send. */
const UNLIMITED = {
  QUOTA_SESSION_COMMANDS_PER_S: '100000', QUOTA_SESSION_COMMAND_BURST: '100000', QUOTA_CODE_COMMANDS_PER_S: '100000',
  QUOTA_CODE_COMMAND_BURST: '100000', QUOTA_POINT_COMMANDS_PER_S: '100000', QUOTA_POINT_COMMAND_BURST: '100000',
  ...MANY_CONSOLES_ONE_ADDRESS,
};

interface Side { windows: number[]; firstConferenceEvents: number; refused: number; seconds: number }

/** Forks the client processes, each with its share of the sockets; runs until `stop()` says so; windows of acks/s. */
async function drive(sockets: LoadSocket[], stop: (acksOfFirst: number, elapsedMs: number) => boolean, firstConference: string): Promise<Side> {
  const shares = Array.from({ length: CLIENTS }, (_, c) => sockets.filter((_, i) => i % CLIENTS === c));
  const kids = shares.map((share) => fork(process.argv[1] as string, ['--phase', 'load'], { execArgv: process.execArgv, env: { ...process.env, BENCH_SOCKETS: JSON.stringify(share) } }));
  const latest = new Map<ChildProcess, LoadReport>();
  const ready = kids.map((k) => new Promise<void>((resolve) => k.once('message', () => resolve())));
  for (const k of kids) k.on('message', (m: LoadReport) => m.type === 'acks' && latest.set(k, m));
  await Promise.all(ready);
  const total = () => [...latest.values()].reduce((n, r) => n + Object.values(r.byConference).reduce((a, b) => a + b, 0), 0);
  const ofFirst = () => [...latest.values()].reduce((n, r) => n + (r.byConference[firstConference] ?? 0), 0);
  const windows: number[] = [];
  const t0 = Date.now();
  for (const k of kids) k.send({ type: 'go' });
  let last = 0;
  while (!stop(ofFirst(), Date.now() - t0)) {
    await new Promise((r) => setTimeout(r, WINDOW_MS));
    const now = total();
    windows.push((now - last) / (WINDOW_MS / 1000));
    last = now;
    process.stderr.write(`  ${((Date.now() - t0) / 1000).toFixed(0)} s: ${windows.at(-1)?.toFixed(0)} acked/s, conference 0 at ${ofFirst()} events\n`);
  }
  const exits = kids.map((k) => new Promise((r) => k.once('exit', r)));
  for (const k of kids) k.send({ type: 'stop' });
  await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 30_000))]);
  return { windows, firstConferenceEvents: ofFirst(), refused: [...latest.values()].reduce((n, r) => n + r.refused, 0), seconds: (Date.now() - t0) / 1000 };
}

async function hubSide(store: 'sqlite' | 'redis'): Promise<{ side: Side; recovery: string }> {
  const redis = store === 'redis' ? await RedisServer.start({ aofDir: mkdtempSync(join(tmpdir(), 'diem-cau-bench-aof-')) }) : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'diem-cau-bench-commands-'));
  const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN, SEED_DEMO: 'never', LOG_LEVEL: 'info', ...UNLIMITED, ...(redis ? { REDIS_URL: redis.url } : {}) };
  const { child, port } = await startChild([...(process.env.BENCH_HUB_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_HUB_PROFILE] : []), 'server/dist/main.cjs'], env);
  try {
    const url = `http://127.0.0.1:${port}`;
    const seeded = await seedConferences(url, ADMIN, CONFERENCES, SOCKETS);
    const sockets = seeded.map((s) => ({ url, conferenceId: s.conferenceId, auth: { token: s.token, protocol: PROTOCOL_VERSION } }));
    const side = await drive(sockets, (first, ms) => first + 2 >= TARGET || ms > MAX_S * 1000, seeded[0]?.conferenceId ?? '');
    await stopChild(child);
    const recovery = await measureRecovery(store, dataDir, redis?.url, seeded[0]?.conferenceId ?? '');
    return { side, recovery };
  } finally {
    await stopChild(child);
    await redis?.stop();
  }
}

async function bareSide(windows: number): Promise<Side> {
  const { child, port } = await startChild(['--import', 'tsx', 'scripts/bench/commands/bareCommandServer.ts'], {});
  try {
    const url = `http://127.0.0.1:${port}`;
    const sockets = Array.from({ length: SOCKETS }, (_, i) => ({ url, conferenceId: `c${i % CONFERENCES}`, auth: { room: `c${i % CONFERENCES}` } }));
    let n = 0;
    return await drive(sockets, () => n++ >= windows, 'c0');
  } finally {
    await stopChild(child);
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function report(store: string, hub: Side, bare: Side, recovery: string): void {
  console.log(`\n${store}: ${SOCKETS} sockets over ${CONFERENCES} conferences, ${CLIENTS} client processes, windows of ${WINDOW_MS / 1000} s (acked commands/s)`);
  console.log('window  hub     bare');
  const rows = Math.max(hub.windows.length, bare.windows.length);
  for (let i = 0; i < rows; i += 1) console.log(`${String(i + 1).padStart(6)}  ${(hub.windows[i]?.toFixed(0) ?? '').padStart(6)}  ${(bare.windows[i]?.toFixed(0) ?? '').padStart(6)}`);
  const [first, lastW] = [hub.windows[0] ?? 0, hub.windows.at(-1) ?? 0];
  console.log(`hub: mean ${mean(hub.windows).toFixed(0)}/s over ${hub.seconds.toFixed(0)} s, last window ${(lastW / Math.max(1, first) * 100).toFixed(0)} % of the first, conference 0 reached ${hub.firstConferenceEvents + 2} events, ${hub.refused} refused`);
  console.log(`bare: mean ${mean(bare.windows).toFixed(0)}/s; ratio hub/bare ${(mean(hub.windows) / Math.max(1, mean(bare.windows))).toFixed(2)}×`);
  console.log(`recovery of conference 0: ${recovery}`);
}

async function main(): Promise<void> {
  if (argText('phase') === 'load') {
    await runLoadClients(JSON.parse(process.env.BENCH_SOCKETS ?? '[]') as LoadSocket[]);
    process.exit(0);
  }
  const which = argText('store') ?? 'both';
  for (const store of (which === 'both' ? ['sqlite', 'redis'] : [which]) as Array<'sqlite' | 'redis'>) {
    const hub = await hubSide(store);
    const bare = await bareSide(hub.side.windows.length);
    report(store, hub.side, bare, hub.recovery);
  }
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
