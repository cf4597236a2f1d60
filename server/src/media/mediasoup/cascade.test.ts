import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { importMediasoup } from '../createSfuBackend';
import type { PipeEndpoint, SfuBackend, SfuProducer, SfuRouter } from '../sfuBackend';
import { connectedPair, connectReceivers, sleep, waitFor } from '../testing/harness';
import type { PipeNodeCounts, PipeNodeRequest } from '../testing/pipeNodeProcess';
import { processCpuMicros } from '../testing/processCpu';
import type { RawPeer } from '../testing/rawPeer';
import type { StreamReceiver } from '../testing/streamReceiver';
import { SyntheticSender } from '../testing/syntheticSender';
import { startTestBackend } from '../testing/testBackends';

/**
 * The cascade seam on mediasoup: the floor holder's video, produced on one worker, piped to a second worker (each a
 * backend of its own, as two hub nodes would have) through the seam's plain values, and 200 Node receivers spread
 * over the two. Every receiver gets every packet; the CPU each worker spent is measured and printed.
 */
const RECEIVERS_PER_WORKER = 100;
const RECEIVERS_IN_SECOND_PROCESS = 20;
const MEASURE_MS = 5_000;
jest.setTimeout(180_000);

interface Node {
  backend: SfuBackend;
  router: SfuRouter;
  pid: number;
  receivers: StreamReceiver[];
}

describe('mediasoup cascade: a producer piped to a second worker', () => {
  const nodes: Node[] = [];
  const peers: RawPeer[] = [];
  let sender: SyntheticSender;
  let producer: SfuProducer;
  let imported: SfuProducer;

  beforeAll(async () => {
    const mediasoup = await importMediasoup();
    const pids: number[] = [];
    mediasoup.observer.on('newworker', (worker) => pids.push(worker.pid));
    for (const min of [46_300, 46_500]) {
      const backend = await startTestBackend('mediasoup', { min, max: min + 199 });
      nodes.push({ backend, router: await backend.createRouter(), pid: pids.at(-1)!, receivers: [] });
    }
    const [owner, second] = nodes as [Node, Node];
    const pub = await connectedPair(owner.router);
    peers.push(pub.peer);
    sender = new SyntheticSender(pub.peer, { kind: 'video', fps: 30, bitrateBps: 300_000 });
    producer = await pub.transport.produce({ kind: 'video', rtpParameters: sender.rtpParameters(), appData: { source: 'main' } });
    sender.start();
    // Only these three values would cross between hub processes.
    const endpoint = await second.backend.pipe!.openPipeEndpoint(second.router);
    const piped = await owner.backend.pipe!.exportProducer(owner.router, producer.id, endpoint);
    imported = await second.backend.pipe!.importProducer(second.router, JSON.parse(JSON.stringify(piped)) as typeof piped);
    for (const node of nodes) node.receivers.push(...(await connectReceivers(node.router, producer.id, RECEIVERS_PER_WORKER, peers)));
  });

  afterAll(async () => {
    sender?.stop();
    for (const node of nodes) for (const r of node.receivers) r.close();
    await Promise.all(peers.map((p) => p.close()));
    for (const node of nodes) await node.backend.close();
  });

  const all = () => nodes.flatMap((n) => n.receivers);

  test('the piped producer keeps its id, kind and appData on the second worker', () => {
    expect(imported.id).toBe(producer.id);
    expect(imported.kind).toBe('video');
    expect(imported.appData).toEqual({ source: 'main' });
  });

  test('200 receivers over two workers all get the stream with 0 missing packets; the CPU split is measured', async () => {
    await waitFor(() => all().every((r) => r.counters.frames >= 30), 60_000, () => `30 frames at every receiver (fewest ${Math.min(...all().map((r) => r.counters.frames))})`);
    const cpu0 = nodes.map((n) => processCpuMicros(n.pid));
    const packets0 = all().map((r) => r.counters.unique);
    await sleep(MEASURE_MS);
    const cpuPercent = nodes.map((n, i) => ((processCpuMicros(n.pid) - cpu0[i]!) / 1_000 / MEASURE_MS) * 100);
    const received = all().map((r, i) => r.counters.unique - packets0[i]!);
    await waitFor(() => all().every((r) => r.missing === 0), 10_000, () => `no packet missing (${all().reduce((n, r) => n + r.missing, 0)} missing)`);
    process.stdout.write(`cascade: ${RECEIVERS_PER_WORKER} receivers per worker, ${Math.round(received.reduce((a, b) => a + b, 0) / (MEASURE_MS / 1_000))} packets/s in all; worker CPU owner ${cpuPercent[0]!.toFixed(1)} % / second ${cpuPercent[1]!.toFixed(1)} % of one core\n`);
    expect(all()).toHaveLength(2 * RECEIVERS_PER_WORKER);
    expect(Math.min(...received)).toBeGreaterThan(0);
    expect(all().reduce((n, r) => n + r.missing, 0)).toBe(0);
    // Both workers do their half: the second one's share is its consumers' forwarding, not a stray copy.
    for (const share of cpuPercent) expect(share).toBeGreaterThan(0);
    const secondShare = cpuPercent[1]! / (cpuPercent[0]! + cpuPercent[1]!);
    expect(secondShare).toBeGreaterThan(0.25);
    expect(secondShare).toBeLessThan(0.75);
  });

  test('pausing the producer on its owner silences the receivers of the second worker too; resuming brings it back', async () => {
    const second = nodes[1]!.receivers;
    await producer.pause();
    await sleep(300);
    const before = second.map((r) => r.counters.unique);
    await sleep(1_000);
    expect(second.map((r) => r.counters.unique)).toEqual(before);
    await producer.resume();
    await waitFor(() => second.every((r, i) => r.counters.unique > before[i]!), 10_000, 'the stream back on the second worker');
  });
});

/** A hub process of its own for the second node (pipeNodeProcess.ts), asked over IPC. */
class PipeNode {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (body: unknown) => void; reject: (error: Error) => void }>();

  private constructor(readonly child: ChildProcess) {
    child.on('message', (m: { id: number; body?: unknown; error?: string }) => {
      const waiter = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.error === undefined) waiter?.resolve(m.body);
      else waiter?.reject(new Error(m.error));
    });
  }

  static async start(portMin: number): Promise<PipeNode> {
    const child = fork(join(__dirname, '../testing/pipeNodeProcess.ts'), { execArgv: ['--import', 'tsx'], env: { ...process.env, PIPE_NODE_PORT_MIN: String(portMin) } });
    const node = new PipeNode(child);
    await new Promise((resolve, reject) => node.pending.set(0, { resolve, reject }));
    return node;
  }

  async countsWhen(ok: (counts: PipeNodeCounts) => boolean, timeoutMs: number, what: string): Promise<PipeNodeCounts> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const counts = await this.ask<PipeNodeCounts>({ op: 'counts' });
      if (ok(counts)) return counts;
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(counts)}`);
      await sleep(200);
    }
  }

  ask<T>(body: PipeNodeRequest): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (b) => resolve(b as T), reject });
      this.child.send({ id, body });
    });
  }
}

describe('mediasoup cascade across two hub processes', () => {
  let backend: SfuBackend;
  let second: PipeNode;
  let sender: SyntheticSender;
  let peer: RawPeer;

  beforeAll(async () => {
    [backend, second] = await Promise.all([startTestBackend('mediasoup', { min: 46_700, max: 46_749 }), PipeNode.start(46_750)]);
  });
  afterAll(async () => {
    sender?.stop();
    await peer?.close();
    second?.child.disconnect();
    await backend?.close();
  });

  test('a producer exported to a router in another process reaches its receivers there with 0 missing packets', async () => {
    const router = await backend.createRouter();
    const pub = await connectedPair(router);
    peer = pub.peer;
    sender = new SyntheticSender(pub.peer, { kind: 'video', fps: 30, bitrateBps: 300_000 });
    const producer = await pub.transport.produce({ kind: 'video', rtpParameters: sender.rtpParameters(), appData: { source: 'main' } });
    sender.start();
    const endpoint = await second.ask<PipeEndpoint>({ op: 'open' });
    const piped = await backend.pipe!.exportProducer(router, producer.id, endpoint);
    expect(await second.ask<string>({ op: 'import', piped, receivers: RECEIVERS_IN_SECOND_PROCESS })).toBe(producer.id);
    await second.countsWhen((c) => c.fewestFrames >= 60, 30_000, '60 frames at every receiver of the second process');
    const counts = await second.countsWhen((c) => c.missing === 0, 10_000, 'no packet missing');
    expect(counts.receivers).toBe(RECEIVERS_IN_SECOND_PROCESS);
  });
});
