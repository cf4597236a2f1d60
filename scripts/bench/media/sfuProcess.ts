/**
 * The SFU under measurement, alone in its own process so its CPU time is not mixed with the publishers' and
 * receivers'. Driven over IPC by scripts/bench/media.ts (the other children's requests relayed by it); answers each
 * request with the MediaRoom's result. BENCH_SFU_BACKEND picks the backend (werift in this process, or mediasoup
 * with its C++ worker as a child).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { MediaRoom } from '../../../server/src/media/mediaRoom';
import { startTestBackend, TEST_BACKENDS, type TestBackendName } from '../../../server/src/media/testing/testBackends';
import { ParentLink } from './ipc';
import { wallMs, type SfuRequest, type SfuSample, type SfuSwitch } from './protocol';
import { mediasoupCounters, weriftCounters, type SfuCounters } from './sfuCounters';

/** How late this process's event loop runs: a werift SFU past what one core forwards falls behind here first. */
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

const PORT_MIN = Number(process.env.MEDIA_PORT_MIN ?? 47_000);
const PORT_MAX = Number(process.env.MEDIA_PORT_MAX ?? 47_999);

function backendName(): TestBackendName {
  const name = process.env.BENCH_SFU_BACKEND ?? 'werift';
  const known = TEST_BACKENDS.find((b) => b === name);
  if (!known) throw new Error(`BENCH_SFU_BACKEND=${name}: expected one of ${TEST_BACKENDS.join(', ')}`);
  return known;
}

async function main(): Promise<void> {
  const name = backendName();
  // mediasoup's observer must be listening before the backend creates its worker.
  const counters: SfuCounters = name === 'mediasoup' ? await mediasoupCounters() : weriftCounters();
  const backend = await startTestBackend(name, { min: PORT_MIN, max: PORT_MAX });
  counters.attach(backend);
  const room = await MediaRoom.create(backend, () => undefined);
  const consumers: ConsumerOf[] = [];
  new ParentLink<SfuRequest>((request) => handle(room, counters, consumers, request));
}

/** Who consumes what, so a floor switch can pause and resume every receiver's consumer of a producer. */
interface ConsumerOf {
  pointId: string;
  consumerId: string;
  producerId: string;
}

async function handle(room: MediaRoom, counters: SfuCounters, consumers: ConsumerOf[], req: SfuRequest): Promise<unknown> {
  switch (req.op) {
    case 'caps':
      return room.getRouterRtpCapabilities();
    case 'createTransport':
      return room.createTransport(req.pointId, req.direction);
    case 'connect':
      return room.connectTransport(req.pointId, req.transportId, req.dtlsParameters);
    case 'produce':
      return room.produce(req.pointId, req.transportId, req.request);
    case 'consume': {
      const result = await room.consume(req.pointId, req.transportId, req.producerId, req.rtpCapabilities);
      if (result.ok) consumers.push({ pointId: req.pointId, consumerId: result.value.id, producerId: req.producerId });
      return result;
    }
    case 'resume':
      return room.resumeConsumer(req.pointId, req.consumerId);
    case 'closeTransport':
      return room.closeTransport(req.pointId, req.transportId);
    case 'floor':
      await room.applyFloor(req.floor);
      return null;
    case 'switchFloor':
      return switchFloor(room, consumers, req);
    case 'sample':
      return sample(counters, req.edge);
  }
}

/**
 * A floor switch as the hub and the consoles make it, all at once: the floor applied (the new holder's microphone
 * released, the old one's held on the server) and, at every receiver, the new holder's video consumer resumed (the
 * SFU then asks its producer for a key frame) and the old one's paused.
 */
async function switchFloor(room: MediaRoom, consumers: ConsumerOf[], req: Extract<SfuRequest, { op: 'switchFloor' }>): Promise<SfuSwitch> {
  const startedAtMs = wallMs();
  const calls: Array<Promise<unknown>> = [room.applyFloor(req.floor)];
  for (const c of consumers) {
    if (c.producerId === req.resumeProducerId) calls.push(room.resumeConsumer(c.pointId, c.consumerId));
    else if (c.producerId === req.pauseProducerId) calls.push(room.pauseConsumer(c.pointId, c.consumerId));
  }
  await Promise.all(calls);
  return { startedAtMs, callsMs: wallMs() - startedAtMs };
}

/**
 * CPU of every SFU process (this one plus mediasoup's worker) and packets sent to consumers. Reading mediasoup's
 * counters costs its worker a request per consumer: at the start of a window they are read before the CPU, at the
 * end after it, so that cost stays outside the window.
 */
async function sample(counters: SfuCounters, edge: 'start' | 'end'): Promise<SfuSample> {
  if (edge === 'start') loopDelay.reset();
  const loopLagP99Ms = loopDelay.percentile(99) / 1e6;
  const loopLagMaxMs = loopDelay.max / 1e6;
  const packets = edge === 'start' ? await counters.packets() : undefined;
  const cpuMicros = counters.childCpuMicros() + process.cpuUsage().user + process.cpuUsage().system;
  const atMs = performance.now();
  const { forwarded, retransmitted } = packets ?? (await counters.packets());
  return { cpuMicros, atMs, forwarded, retransmitted, loopLagP99Ms, loopLagMaxMs };
}

void main();
