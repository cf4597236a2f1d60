/**
 * Media-plane bench (`npm run bench:media`): one publisher sends synthetic 640×480-class video at 30 fps and
 * ~1.5 Mbps (VP8-shaped RTP: payload descriptors, key-frame flags, marker per frame, transport-cc numbers,
 * sender reports, RTX answers) plus Opus-sized audio; the SFU runs in a child process and forwards to N Node
 * receivers (DTLS-SRTP, NACKing like a browser), each receiving the video and the audio (2 N consumers). Receivers
 * are in Node, not Chromium, so the SFU is what is measured. Each backend of BENCH_BACKENDS (default werift and
 * mediasoup) in turn, never both at once; prints, per backend and N: SFU CPU as % of one core (mediasoup: its worker
 * plus its Node process) and per receiver, packets out per second, receivers' frame rate, missing packets.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { DtlsParameters, MediaResult, RtpCapabilities } from '../../shared/src/media';
import { RawPeer } from '../../server/src/media/testing/rawPeer';
import { StreamReceiver } from '../../server/src/media/testing/streamReceiver';
import { SyntheticSender, TransportSequence } from '../../server/src/media/testing/syntheticSender';
import { TEST_BACKENDS } from '../../server/src/media/testing/testBackends';
import type { IpcEnvelope, SfuAnswer, SfuRequest, SfuSample } from './media/protocol';

const RECEIVER_COUNTS = (process.env.BENCH_RECEIVERS ?? '10,60,200').split(',').map(Number);
const BACKENDS = (process.env.BENCH_BACKENDS ?? TEST_BACKENDS.join(',')).split(',');
const VIDEO_BITRATE_BPS = 1_500_000;
const VIDEO_FPS = 30;
const WARMUP_MS = 3_000;
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 10_000);

class SfuChild {
  private nextId = 1;
  private readonly pending = new Map<number, (body: unknown) => void>();
  constructor(readonly child: ChildProcess) {
    child.on('message', (m: IpcEnvelope<unknown>) => {
      this.pending.get(m.id)?.(m.body);
      this.pending.delete(m.id);
    });
  }
  static async start(backend: string): Promise<SfuChild> {
    const env = { ...process.env, BENCH_SFU_BACKEND: backend };
    const child = fork(join(__dirname, 'media', 'sfuProcess.ts'), { execArgv: ['--import', 'tsx'], stdio: 'inherit', env });
    const sfu = new SfuChild(child);
    await new Promise<void>((resolve) => sfu.pending.set(0, () => resolve()));
    return sfu;
  }
  ask<R extends SfuRequest>(request: R): Promise<SfuAnswer<R['op']>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, (body) => resolve(body as SfuAnswer<R['op']>));
      this.child.send({ id, body: request });
    });
  }
}

function ok<T>(result: MediaResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function connectPeer(sfu: SfuChild, pointId: string, direction: 'send' | 'recv'): Promise<{ peer: RawPeer; transportId: string }> {
  const info = ok(await sfu.ask({ op: 'createTransport', pointId, direction }));
  const peer = await RawPeer.connect(info, async (dtlsParameters: DtlsParameters) => {
    ok((await sfu.ask({ op: 'connect', pointId, transportId: info.id, dtlsParameters })) as MediaResult<unknown>);
  });
  return { peer, transportId: info.id };
}

async function startPublisher(sfu: SfuChild): Promise<{ videoId: string; audioId: string; senders: SyntheticSender[]; peer: RawPeer }> {
  const { peer, transportId } = await connectPeer(sfu, 'publisher', 'send');
  const seq = new TransportSequence();
  const video = new SyntheticSender(peer, { kind: 'video', fps: VIDEO_FPS, bitrateBps: VIDEO_BITRATE_BPS }, seq);
  const audio = new SyntheticSender(peer, { kind: 'audio', fps: 50, bitrateBps: 32_000 }, seq);
  const produce = async (s: SyntheticSender, source: 'main' | 'mic') =>
    ok(await sfu.ask({ op: 'produce', pointId: 'publisher', transportId, request: { kind: s === video ? 'video' : 'audio', rtpParameters: s.rtpParameters(), appData: { source } } })).producerId;
  const videoId = await produce(video, 'main');
  const audioId = await produce(audio, 'mic');
  video.start();
  audio.start();
  return { videoId, audioId, senders: [video, audio], peer };
}

interface Receiver {
  pointId: string;
  peer: RawPeer;
  video: StreamReceiver;
  audio: StreamReceiver;
}

async function addReceiver(sfu: SfuChild, caps: RtpCapabilities, index: number, ids: { videoId: string; audioId: string }): Promise<Receiver> {
  const pointId = `receiver-${index}`;
  const { peer, transportId } = await connectPeer(sfu, pointId, 'recv');
  const consume = async (producerId: string) => {
    const consumer = ok(await sfu.ask({ op: 'consume', pointId, transportId, producerId, rtpCapabilities: caps }));
    const receiver = new StreamReceiver(peer, consumer.rtpParameters);
    ok((await sfu.ask({ op: 'resume', pointId, consumerId: consumer.id })) as MediaResult<unknown>);
    return receiver;
  };
  return { pointId, peer, video: await consume(ids.videoId), audio: await consume(ids.audioId) };
}

async function measure(sfu: SfuChild, receivers: Receiver[], video: SyntheticSender) {
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  const frames0 = receivers.map((r) => r.video.counters.frames);
  const published0 = video.counters.frames;
  const start = (await sfu.ask({ op: 'sample', edge: 'start' })) as SfuSample;
  await new Promise((r) => setTimeout(r, MEASURE_MS));
  const end = (await sfu.ask({ op: 'sample', edge: 'end' })) as SfuSample;
  const seconds = (end.atMs - start.atMs) / 1000;
  const fps = receivers.map((r, i) => (r.video.counters.frames - (frames0[i] ?? 0)) / seconds);
  return {
    cpuPercent: ((end.cpuMicros - start.cpuMicros) / 1000 / (end.atMs - start.atMs)) * 100,
    packetsOutPerS: (end.forwarded - start.forwarded + end.retransmitted - start.retransmitted) / seconds,
    fpsMean: fps.reduce((a, b) => a + b, 0) / fps.length,
    fpsMin: Math.min(...fps),
    missing: receivers.reduce((n, r) => n + r.video.missing + r.audio.missing, 0),
    publishedFps: (video.counters.frames - published0) / seconds,
  };
}

type Row = { backend: string; receivers: number } & Awaited<ReturnType<typeof measure>>;

async function benchBackend(backend: string, rows: Row[]): Promise<void> {
  const sfu = await SfuChild.start(backend);
  const caps = (await sfu.ask({ op: 'caps' })) as RtpCapabilities;
  const recvCaps = { codecs: caps.codecs, headerExtensions: caps.headerExtensions?.filter((e) => e.direction !== 'recvonly') };
  const publisher = await startPublisher(sfu);
  const receivers: Receiver[] = [];
  console.log(`SFU: ${backend} in pid ${sfu.child.pid}; publisher: ${VIDEO_BITRATE_BPS / 1e6} Mbps video @ ${VIDEO_FPS} fps + Opus-sized audio`);
  for (const target of RECEIVER_COUNTS) {
    while (receivers.length < target) receivers.push(await addReceiver(sfu, recvCaps, receivers.length, publisher));
    const row = { backend, receivers: target, ...(await measure(sfu, receivers, publisher.senders[0]!)) };
    rows.push(row);
    console.log(formatRow(row));
  }
  for (const s of publisher.senders) s.stop();
  await publisher.peer.close();
  for (const r of receivers) {
    r.video.close();
    r.audio.close();
    await r.peer.close();
  }
  sfu.child.kill();
}

const HEADER = 'backend   | receivers (consumers) | SFU CPU, % of one core | per receiver | packets out/s | published fps | receiver fps mean / min | missing packets';

function formatRow(m: Row): string {
  const cells = [
    m.backend.padEnd(9), `${m.receivers} (${m.receivers * 2})`.padStart(21), m.cpuPercent.toFixed(1).padStart(22), (m.cpuPercent / m.receivers).toFixed(2).padStart(12),
    Math.round(m.packetsOutPerS).toLocaleString('en').padStart(13), m.publishedFps.toFixed(1).padStart(13), `${m.fpsMean.toFixed(1)} / ${m.fpsMin.toFixed(1)}`.padStart(23), String(m.missing),
  ];
  return cells.join(' | ');
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const backend of BACKENDS) await benchBackend(backend, rows);
  console.log(`\n${HEADER}`);
  for (const row of rows) console.log(formatRow(row));
  process.exit(0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
