/**
 * Livestream bench (`npm run bench:stream`, issue 13), on this machine, in three parts:
 * 1. FFmpeg's transcode (the hub's pipeline: VP8/Opus RTP in, H.264/AAC HLS and recording out, ffmpegArgs as the hub
 *    runs them) at 720p and 360p, from a 720p VP8 camera-like source; and the hub's extra work, the relay that rewrites
 *    the floor's RTP into one stream (RtpRewriter + UDP send), measured in this process while it relays.
 * 2. HLS serving: N simulated viewers (each polls the live playlist every target duration and fetches each new
 *    segment, as hls.js does) against the hub alone, then against nginx running deploy/nginx-stream-cache.conf in
 *    front of it: segments/s delivered, stall rate (a segment that took longer than its own duration to arrive after
 *    the viewer learned of it), hub and nginx CPU, and how many times the hub served each segment.
 *    The viewers run in BENCH_VIEWER_PROCESSES processes of their own (default 4; scripts/bench/stream/viewersChild.ts),
 *    whose CPU each row prints beside the servers'.
 * BENCH_VIEWERS (default 100,1000,5000), BENCH_MEASURE_MS (default 15000) per row.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { processCpuMicros } from '../../server/src/media/testing/processCpu';
import { freePort } from '../../server/src/testing/redisServer';
import { STREAM_AUDIO_PT, STREAM_VIDEO_PT, startFfmpeg } from '../../server/src/stream/ffmpegProcess';
import { RtpRewriter, rtpPacket } from '../../server/src/stream/rtpRewriter';
import { closeAgent, emptyTally, httpGet, type ViewerTally } from './stream/viewers';

const VIEWERS = (process.env.BENCH_VIEWERS ?? '100,1000,5000').split(',').map(Number);
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 15_000);
/** Processes the simulated viewers are spread over (one event loop cannot keep thousands of them on time). */
const VIEWER_PROCESSES = Number(process.env.BENCH_VIEWER_PROCESSES ?? 4);
const TRANSCODE_MS = 12_000;
const CONFERENCE = 'bench-stream';
/** Loopback UDP ports for the bench (clear of the test suites' ranges). */
const SOURCE_PORT = 49_100;
const FFMPEG_PORT = 49_110;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const work = mkdtempSync(join(tmpdir(), 'diem-cau-bench-stream-'));
const logger = pino({ level: 'warn' });

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('exit', (code) => (code === 0 ? ok() : fail(new Error(`${cmd} exited ${code}`))));
  });
}

/** A 720p VP8 + Opus clip with motion, looped as the camera (copied, not re-encoded, when sent). */
async function makeSource(): Promise<string> {
  const file = join(work, 'camera.webm');
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=1280x720:r=25', '-f', 'lavfi', '-i', 'sine=f=440:r=48000', '-t', '8',
    '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '1500k', '-g', '50', '-c:a', 'libopus', '-b:a', '48k', '-y', file]);
  return file;
}

/** The camera as RTP toward `port` (video) and `port + 2` (audio), like a point's producer. */
function sendSource(file: string, port: number): ChildProcess {
  return spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-re', '-stream_loop', '-1', '-i', file,
    '-map', '0:v', '-c', 'copy', '-payload_type', String(STREAM_VIDEO_PT), '-f', 'rtp', `rtp://127.0.0.1:${port}`,
    '-map', '0:a', '-c', 'copy', '-payload_type', String(STREAM_AUDIO_PT), '-f', 'rtp', `rtp://127.0.0.1:${port + 2}`], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The hub's relay: RTP in, rewritten into the stream's numbering, out to FFmpeg; counts packets. */
function relay(inPort: number, outPort: number): { packets: () => number; close: () => void } {
  let packets = 0;
  const out = createSocket('udp4');
  const sockets = (['video', 'audio'] as const).map((kind, i) => {
    const rewriter = new RtpRewriter(kind === 'video' ? 90_000 : 48_000, false);
    rewriter.switchTo('camera');
    const socket = createSocket('udp4');
    socket.on('message', (msg) => {
      if (msg.length <= 12) return;
      const csrc = msg[0]! & 0x0f;
      const hasExt = (msg[0]! & 0x10) !== 0;
      let offset = 12 + csrc * 4;
      if (hasExt) offset += 4 + msg.readUInt16BE(offset + 2) * 4;
      const packet = { sequenceNumber: msg.readUInt16BE(2), timestamp: msg.readUInt32BE(4), marker: (msg[1]! & 0x80) !== 0, payload: msg.subarray(offset), keyFrameStart: false };
      const rewritten = rewriter.rewrite('camera', packet);
      if (!rewritten) return;
      packets++;
      out.send(rtpPacket(msg[1]! & 0x7f, packet.marker, rewritten.sequenceNumber, rewritten.timestamp, rewriter.ssrc, packet.payload), outPort + i * 2, '127.0.0.1');
    });
    socket.bind(inPort + i * 2, '127.0.0.1');
    return socket;
  });
  return { packets: () => packets, close: () => [...sockets, out].forEach((s) => s.close()) };
}

interface TranscodeRow { height: number; ffmpegCpu: number; relayCpu: number; packetsPerS: number; segments: number }

async function transcode(source: string, height: number, dir: string): Promise<{ row: TranscodeRow; stop: () => Promise<void> }> {
  mkdirSync(dir, { recursive: true });
  const ffmpeg = startFfmpeg({ ffmpegPath: 'ffmpeg', dir, runId: String(Date.now()), videoPort: FFMPEG_PORT, audioPort: FFMPEG_PORT + 2, height, videoKbps: height >= 720 ? 1_500 : 500 }, logger);
  await sleep(500);
  const relayed = relay(SOURCE_PORT, FFMPEG_PORT);
  const sender = sendSource(source, SOURCE_PORT);
  // Measured once FFmpeg writes segments (on a loaded machine its start takes a while).
  const playlist = join(dir, 'live', 'index.m3u8');
  for (let waited = 0; !existsSync(playlist); waited += 200) {
    if (waited > 60_000) throw new Error(`FFmpeg wrote no ${height}p segment in 60 s`);
    await sleep(200);
  }
  await sleep(1_000);
  const f0 = processCpuMicros(ffmpeg.pid!);
  const r0 = process.cpuUsage();
  const p0 = relayed.packets();
  const t0 = performance.now();
  await sleep(TRANSCODE_MS);
  const seconds = (performance.now() - t0) / 1000;
  const r1 = process.cpuUsage(r0);
  const row: TranscodeRow = {
    height, ffmpegCpu: (processCpuMicros(ffmpeg.pid!) - f0) / 1e6 / seconds * 100, relayCpu: (r1.user + r1.system) / 1e6 / seconds * 100,
    packetsPerS: (relayed.packets() - p0) / seconds, segments: (readFileSync(playlist, 'utf8').match(/\.ts/g) ?? []).length,
  };
  return {
    row,
    stop: async () => {
      sender.kill('SIGTERM');
      relayed.close();
      const exited = new Promise((r) => ffmpeg.once('exit', r));
      ffmpeg.kill('SIGTERM');
      await exited;
    },
  };
}

// ---- serving ----

interface ServeRow { mode: string; viewers: number; segmentsPerS: number; mbPerS: number; stallRate: number; errors: number; hubCpu: number; nginxCpu: number; hubSegments: number; distinct: number; maxPerSegment: number; hubPlaylistsPerS: number; viewersCpu: number }

function askCounts(hub: ChildProcess): Promise<{ playlists: number; segments: number; distinct: number; maxPerSegment: number }> {
  return new Promise((ok) => {
    const onMessage = (m: { type: string; playlists: number; segments: number; distinct: number; maxPerSegment: number }) => {
      if (m.type !== 'counts') return;
      hub.off('message', onMessage);
      ok(m);
    };
    hub.on('message', onMessage);
    hub.send({ type: 'counts' });
  });
}

/** The viewers' processes, started once and given a share of every row. */
async function startViewerProcesses(): Promise<ChildProcess[]> {
  return Promise.all(Array.from({ length: VIEWER_PROCESSES }, () => new Promise<ChildProcess>((ok) => {
    const child = fork(resolve(__dirname, 'stream/viewersChild.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', () => ok(child));
  })));
}

async function serve(mode: string, base: string, playlistPath: string, viewers: number, hub: ChildProcess, nginxPids: number[], procs: ChildProcess[]): Promise<ServeRow> {
  await askCounts(hub);
  const tally = emptyTally();
  const h0 = processCpuMicros(hub.pid!);
  const n0 = nginxPids.reduce((s, p) => s + processCpuMicros(p), 0);
  const v0 = procs.reduce((s, p) => s + processCpuMicros(p.pid!), 0);
  const t0 = performance.now();
  const tallies = await Promise.all(procs.map((child, i) => new Promise<ViewerTally>((ok) => {
    const onMessage = (m: { type: string; tally: ViewerTally }) => {
      if (m.type !== 'tally') return;
      child.off('message', onMessage);
      ok(m.tally);
    };
    child.on('message', onMessage);
    const share = Math.floor(viewers / procs.length) + (i < viewers % procs.length ? 1 : 0);
    child.send({ type: 'round', base, playlistPath, viewers: share, measureMs: MEASURE_MS });
  })));
  for (const t of tallies) for (const key of ['segments', 'stalls', 'bytes', 'errors'] as const) tally[key] += t[key];
  const seconds = (performance.now() - t0) / 1000;
  const viewersCpu = (procs.reduce((s, p) => s + processCpuMicros(p.pid!), 0) - v0) / 1e6 / seconds * 100;
  const counts = await askCounts(hub);
  return {
    mode, viewers, segmentsPerS: tally.segments / seconds, mbPerS: tally.bytes / 1e6 / seconds, stallRate: tally.segments ? tally.stalls / tally.segments : 1, errors: tally.errors,
    hubCpu: (processCpuMicros(hub.pid!) - h0) / 1e6 / seconds * 100, nginxCpu: (nginxPids.reduce((s, p) => s + processCpuMicros(p), 0) - n0) / 1e6 / seconds * 100,
    hubSegments: counts.segments, distinct: counts.distinct, maxPerSegment: counts.maxPerSegment, hubPlaylistsPerS: counts.playlists / seconds, viewersCpu,
  };
}

async function startNginxCache(hubPort: number): Promise<{ port: number; pids: () => number[]; stop: () => Promise<void> }> {
  const dir = join(work, 'nginx');
  for (const sub of ['logs', 'tmp', 'cache']) mkdirSync(join(dir, sub), { recursive: true });
  const port = await freePort();
  const shipped = readFileSync(resolve(__dirname, '../../deploy/nginx-stream-cache.conf'), 'utf8');
  const site = shipped
    .replace('/var/cache/nginx/diemcau-stream', join(dir, 'cache'))
    .replace('server hub1:3000;', `server 127.0.0.1:${hubPort};`)
    .replace(/^(\s*)listen 8080;$/m, `$1listen 127.0.0.1:${port} reuseport backlog=4096;`);
  writeFileSync(join(dir, 'site.conf'), site);
  const temp = (name: string) => `${name}_temp_path ${join(dir, 'tmp', name)};`;
  writeFileSync(join(dir, 'nginx.conf'), [
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'worker_processes 1;', 'daemon off;', `pid ${join(dir, 'nginx.pid')};`, `error_log ${join(dir, 'logs', 'error.log')} warn;`,
    'events { worker_connections 8192; }', 'http {', ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((n) => `  ${temp(n)}`), `  include ${join(dir, 'site.conf')};`, '}',
  ].join('\n'));
  const child = spawn('/usr/sbin/nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'inherit', 'inherit'] });
  for (let i = 0; i < 100; i++) {
    const ok = await httpGet(`http://127.0.0.1:${port}/`).then(() => true, () => false);
    if (ok) break;
    await sleep(50);
  }
  const pids = () => {
    const workers = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return [child.pid!, ...workers];
  };
  return { port, pids, stop: async () => { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); } };
}

function pad(s: string | number, n: number): string {
  return String(s).padStart(n);
}

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`bench:stream — ${new Date().toISOString()}, ${(await import('node:os')).cpus().length} cores, load ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const source = await makeSource();
  const rows: TranscodeRow[] = [];
  const first = await transcode(source, 720, join(work, 'h720'));
  rows.push(first.row);
  await first.stop();
  // The 360p run stays on: it is the stream the viewers watch.
  const dataDir = join(work, 'data');
  const streamDir = join(dataDir, 'stream', CONFERENCE);
  const live = await transcode(source, 360, streamDir);
  rows.push(live.row);
  // The camera keeps going through the relay (the viewers run in processes of their own, so it does not starve).
  console.log('\nTranscode (FFmpeg: VP8/Opus RTP → H.264/AAC, live HLS + recording; relay: the hub’s rewrite + send)');
  console.log('height | FFmpeg CPU (% of a core) | relay CPU (% of a core) | RTP packets/s relayed | live segments');
  for (const r of rows) console.log(`${pad(r.height, 6)} | ${pad(r.ffmpegCpu.toFixed(1), 24)} | ${pad(r.relayCpu.toFixed(2), 23)} | ${pad(r.packetsPerS.toFixed(0), 21)} | ${pad(r.segments, 13)}`);

  const hub = fork(resolve(__dirname, 'stream/hubChild.ts'), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, BENCH_DATA_DIR: dataDir, BENCH_CONFERENCE: CONFERENCE }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<{ port: number; liveUrl: string }>((ok) => hub.on('message', (m: { type: string; port: number; liveUrl: string }) => m.type === 'ready' && ok(m)));
  const nginx = await startNginxCache(ready.port);
  const procs = await startViewerProcesses();
  const serveRows: ServeRow[] = [];
  for (const [mode, base] of [['hub alone', `http://127.0.0.1:${ready.port}`], ['nginx cache → hub', `http://127.0.0.1:${nginx.port}`]] as const) {
    for (const n of VIEWERS) {
      const row = await serve(mode, base, ready.liveUrl, n, hub, mode === 'hub alone' ? [] : nginx.pids(), procs);
      serveRows.push(row);
      console.log(`  ${mode}, ${n} viewers: ${row.segmentsPerS.toFixed(0)} segments/s, stall ${(row.stallRate * 100).toFixed(1)} %`);
    }
  }
  for (const child of procs) child.kill();
  console.log(`\nHLS serving (360p, ${MEASURE_MS / 1000} s per row, viewers over ${VIEWER_PROCESSES} processes; a stall: a segment slower to arrive than its own 2 s)`);
  console.log('mode              | viewers | segments/s | MB/s  | stall rate | errors | hub CPU % | nginx CPU % | viewers\' CPU % | hub: segment requests / distinct (max per segment) | hub playlists/s');
  for (const r of serveRows) {
    console.log(`${r.mode.padEnd(17)} | ${pad(r.viewers, 7)} | ${pad(r.segmentsPerS.toFixed(0), 10)} | ${pad(r.mbPerS.toFixed(1), 5)} | ${pad((r.stallRate * 100).toFixed(1) + ' %', 10)} | ${pad(r.errors, 6)} | ${pad(r.hubCpu.toFixed(1), 9)} | ${pad(r.mode === 'hub alone' ? '—' : r.nginxCpu.toFixed(1), 11)} | ${pad(r.viewersCpu.toFixed(1), 15)} | ${pad(`${r.hubSegments} / ${r.distinct} (${r.maxPerSegment})`, 50)} | ${pad(r.hubPlaylistsPerS.toFixed(1), 15)}`);
  }
  await nginx.stop();
  hub.kill('SIGTERM');
  await live.stop();
  closeAgent();
  rmSync(work, { recursive: true, force: true });
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
