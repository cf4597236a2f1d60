/**
 * Media-plane bench (`npm run bench:media`). Two publishing points (publisher-a, publisher-b) each send synthetic
 * 640×480-class video at 30 fps and ~1.5 Mbps (VP8-shaped RTP: payload descriptors, key frames on PLI, marker per
 * frame, transport-cc numbers, sender reports, RTX answers) plus Opus-sized audio, from a process of their own. The
 * SFU runs alone in another (mediasoup: plus its worker). N Node receivers, spread over BENCH_RECEIVER_PROCESSES
 * processes, each consume both publishers' video and audio: the stage's video and both microphones resumed (the SFU
 * holds the one that may not be heard), the other video paused, i.e. 2 N live consumers of 4 N. Receivers are
 * DTLS-connected and NACK like a browser but read only the RTP header, which SRTP leaves in clear, so the figure is
 * the SFU's and not the bench's decryption.
 *
 * Per backend of BENCH_BACKENDS (default werift and mediasoup, one after the other) and per N of BENCH_RECEIVERS:
 * a throughput row (SFU CPU beside the publishers', the receivers' and the rest of the machine's; packets out/s;
 * published and received fps; missing packets; the row flagged when a publisher fell below 28 fps) and a row of
 * floor switches (the floor moved between the publishers, every receiver's video consumer of one paused and of the
 * other resumed; time until every receiver had the new publisher's first key frame).
 */
import { cpus } from 'node:os';
import type { MediaFloor, RtpCapabilities } from '../../shared/src/media';
import { TEST_BACKENDS } from '../../server/src/media/testing/testBackends';
import { cpuPercents, readCpu } from './media/cpu';
import { BenchChild } from './media/ipc';
import { VIDEO_BITRATE_BPS, VIDEO_FPS, type PublishedPoint, type PublisherRequest, type PublisherSample, type ReceiverRequest, type ReceiversAdded, type ReceiverSample, type SfuRequest } from './media/protocol';
import { formatSwitches, formatThroughput, percentile, SWITCH_HEADER, THROUGHPUT_HEADER, type SwitchRow, type ThroughputRow } from './media/report';

const RECEIVER_COUNTS = (process.env.BENCH_RECEIVERS ?? '10,60,100,200').split(',').map(Number);
const BACKENDS = (process.env.BENCH_BACKENDS ?? TEST_BACKENDS.join(',')).split(',');
const RECEIVER_PROCESSES = Number(process.env.BENCH_RECEIVER_PROCESSES ?? 4);
const WARMUP_MS = 3_000;
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 10_000);
const SWITCHES = Number(process.env.BENCH_SWITCHES ?? 6);
/** A receiver without the new key frame this long after a switch is counted as never getting it. */
const SWITCH_TIMEOUT_MS = 5_000;
/** Between switches: the publishers' 300 ms PLI hold-off and the SFUs' 350 ms key-frame spacing have passed. */
const SWITCH_GAP_MS = 1_000;
/** Per receiver a process connects, on top of 30 s, before the bench gives up on it (two connect at a time). */
const CONNECT_ALLOWANCE_MS = 5_000;
const POINT_IDS = ['publisher-a', 'publisher-b'];
const CHAIR_POINT_ID = 'chair';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const floorOf = (pointId: string): MediaFloor => ({ mode: 'request', chairPointId: CHAIR_POINT_ID, floorPointId: pointId });

/** One backend's SFU, publishers and receivers, and which publisher holds the floor. */
class BenchRun {
  private receivers = 0;
  private live = 0;

  private constructor(
    readonly backend: string,
    private readonly sfu: BenchChild<SfuRequest>,
    private readonly publisher: BenchChild<PublisherRequest>,
    private readonly receiverProcs: Array<BenchChild<ReceiverRequest>>,
    private readonly points: PublishedPoint[],
    private readonly caps: RtpCapabilities,
  ) {}

  static async start(backend: string): Promise<BenchRun> {
    const sfu = await BenchChild.start<SfuRequest>('SFU', 'sfuProcess.ts', { BENCH_SFU_BACKEND: backend }, null);
    const relay = (request: SfuRequest) => sfu.sfu(request);
    const caps = await sfu.sfu({ op: 'caps' });
    await sfu.sfu({ op: 'floor', floor: floorOf(POINT_IDS[0]!) });
    const publisher = await BenchChild.start<PublisherRequest>('publishers', 'publisherProcess.ts', {}, relay);
    const points = await publisher.ask<PublishedPoint[]>({ op: 'start', pointIds: POINT_IDS });
    const receiverProcs = await Promise.all(Array.from({ length: RECEIVER_PROCESSES }, (_, i) => BenchChild.start<ReceiverRequest>(`receivers ${i}`, 'receiverProcess.ts', {}, relay)));
    console.log(`${backend}: SFU in pid ${sfu.pid}, ${POINT_IDS.length} publishers (${VIDEO_BITRATE_BPS / 1e6} Mbps video @ ${VIDEO_FPS} fps + Opus-sized audio) in pid ${publisher.pid}, receivers in pids ${receiverProcs.map((p) => p.pid).join(', ')}`);
    const recvCaps = { codecs: caps.codecs, headerExtensions: caps.headerExtensions?.filter((e) => e.direction !== 'recvonly') };
    return new BenchRun(backend, sfu, publisher, receiverProcs, points, recvCaps);
  }

  async addReceivers(target: number): Promise<void> {
    const started = performance.now();
    const indices = Array.from({ length: target - this.receivers }, (_, i) => this.receivers + i);
    const liveVideoId = this.points[this.live]!.videoId;
    const add = (proc: BenchChild<ReceiverRequest>, p: number) => {
      const share = indices.filter((i) => i % this.receiverProcs.length === p);
      return proc.ask<ReceiversAdded>({ op: 'add', indices: share, rtpCapabilities: this.caps, points: this.points, liveVideoId }, 30_000 + share.length * CONNECT_ALLOWANCE_MS);
    };
    const retries = (await Promise.all(this.receiverProcs.map(add))).reduce((n, a) => n + a.connectRetries, 0);
    this.receivers = target;
    console.log(`${this.backend}: ${target} receivers connected (${((performance.now() - started) / 1000).toFixed(1)} s for ${indices.length}; ${retries} handshakes retried so far)`);
  }

  private async sampleReceivers(): Promise<ReceiverSample[]> {
    return Promise.all(this.receiverProcs.map((p) => p.ask<ReceiverSample>({ op: 'sample' })));
  }

  private cpu() {
    return readCpu(this.publisher.pid, this.receiverProcs.map((p) => p.pid));
  }

  async throughput(): Promise<ThroughputRow> {
    await sleep(WARMUP_MS);
    const sfu0 = await this.sfu.sfu({ op: 'sample', edge: 'start' });
    const [pub0, rec0, cpu0] = [await this.publisher.ask<PublisherSample>({ op: 'sample' }), await this.sampleReceivers(), this.cpu()];
    await sleep(MEASURE_MS);
    const [cpu1, pub1, rec1] = [this.cpu(), await this.publisher.ask<PublisherSample>({ op: 'sample' }), await this.sampleReceivers()];
    const sfu1 = await this.sfu.sfu({ op: 'sample', edge: 'end' });
    const sfuMs = sfu1.atMs - sfu0.atMs;
    const sfuCpu = ((sfu1.cpuMicros - sfu0.cpuMicros) / 1000 / sfuMs) * 100;
    const published = POINT_IDS.map((id) => ((pub1.frames[id] ?? 0) - (pub0.frames[id] ?? 0)) / ((pub1.atMs - pub0.atMs) / 1000));
    const fps = rec1.flatMap((s, p) => s.receivers.map((r, i) => (r.frames - (rec0[p]?.receivers[i]?.frames ?? 0)) / ((s.atMs - (rec0[p]?.atMs ?? 0)) / 1000)));
    const cpu = cpuPercents(cpu0, cpu1);
    return {
      backend: this.backend,
      receivers: this.receivers,
      liveConsumers: 2 * this.receivers,
      consumers: 2 * POINT_IDS.length * this.receivers,
      sfuCpu,
      packetsOutPerS: (sfu1.forwarded - sfu0.forwarded + sfu1.retransmitted - sfu0.retransmitted) / (sfuMs / 1000),
      publishedFps: Math.min(...published),
      fpsMean: fps.reduce((a, b) => a + b, 0) / fps.length,
      fpsMin: Math.min(...fps),
      missing: missingBetween(rec0, rec1),
      sfuLoopLagP99Ms: sfu1.loopLagP99Ms,
      sfuLoopLagMaxMs: sfu1.loopLagMaxMs,
      receiversCpu: cpu.receivers,
      receiverProcesses: this.receiverProcs.length,
      busiestReceiverProcess: cpu.busiestReceiverProcess,
      publisherCpu: cpu.publisher,
      othersCpu: Math.max(0, cpu.machine - sfuCpu - cpu.publisher - cpu.receivers - cpu.coordinator),
      machineCpu: cpu.machine,
    };
  }

  async floorSwitches(): Promise<SwitchRow> {
    const row: SwitchRow = { backend: this.backend, receivers: this.receivers, untilAllMs: [], medianMs: [], callsMs: [], timedOut: 0, missing: 0 };
    const before = await this.sampleReceivers();
    for (let s = 0; s < SWITCHES; s++) {
      const next = 1 - this.live;
      const [from, to] = [this.points[this.live]!, this.points[next]!];
      await Promise.all(this.receiverProcs.map((p) => p.ask({ op: 'arm', producerId: to.videoId })));
      const done = await this.sfu.sfu({ op: 'switchFloor', floor: floorOf(to.pointId), resumeProducerId: to.videoId, pauseProducerId: from.videoId });
      const arrivals = (await Promise.all(this.receiverProcs.map((p) => p.ask<Array<number | null>>({ op: 'collect', timeoutMs: SWITCH_TIMEOUT_MS })))).flat();
      const delays = arrivals.filter((t): t is number => t !== null).map((t) => t - done.startedAtMs);
      const missed = arrivals.length - delays.length;
      row.timedOut += missed;
      row.untilAllMs.push(missed > 0 ? null : Math.max(...delays));
      row.medianMs.push(percentile(delays, 50));
      row.callsMs.push(done.callsMs);
      this.live = next;
      await sleep(SWITCH_GAP_MS);
    }
    row.missing = missingBetween(before, await this.sampleReceivers());
    return row;
  }

  stop(): void {
    for (const child of [this.publisher, ...this.receiverProcs, this.sfu]) child.stop();
  }
}

function missingBetween(before: ReceiverSample[], after: ReceiverSample[]): number {
  return after.reduce((n, s, p) => n + s.receivers.reduce((m, r, i) => m + r.missing - (before[p]?.receivers[i]?.missing ?? 0), 0), 0);
}

async function main(): Promise<void> {
  const throughput: ThroughputRow[] = [];
  const switches: SwitchRow[] = [];
  const started = performance.now();
  console.log(`${cpus().length} cores; receivers ${RECEIVER_COUNTS.join(', ')}; ${MEASURE_MS / 1000} s windows after ${WARMUP_MS / 1000} s warm-up; ${SWITCHES} floor switches per row`);
  const failures: string[] = [];
  for (const backend of BACKENDS) {
    const run = await BenchRun.start(backend);
    for (const target of RECEIVER_COUNTS) {
      // A backend that cannot hold this many receivers on this machine ends its rows here, and the bench goes on.
      try {
        await run.addReceivers(target);
        throughput.push(await run.throughput());
        console.log(formatThroughput(throughput.at(-1)!));
        switches.push(await run.floorSwitches());
        console.log(formatSwitches(switches.at(-1)!));
      } catch (error) {
        const failure = `${backend}, ${target} receivers: did not hold — ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
        failures.push(failure);
        console.log(failure);
        break;
      }
    }
    run.stop();
    await sleep(2_000);
  }
  console.log(`\nThroughput (CPU as % of one core; ${cpus().length} cores)\n${THROUGHPUT_HEADER}`);
  for (const row of throughput) console.log(formatThroughput(row));
  console.log(`\nFloor switches (from the SFU starting the switch to the new publisher's first key frame, last packet, at the receivers)\n${SWITCH_HEADER}`);
  for (const row of switches) console.log(formatSwitches(row));
  if (failures.length > 0) console.log(`\nRows that did not complete\n${failures.join('\n')}`);
  console.log(`\n${((performance.now() - started) / 1000).toFixed(0)} s in all`);
  process.exit(0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
