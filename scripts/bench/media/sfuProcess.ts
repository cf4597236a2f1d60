/**
 * The SFU under measurement, alone in its own process so its CPU time is not mixed with the publisher's
 * and receivers'. Driven over IPC by scripts/bench/media.ts; answers each request with the MediaRoom's result.
 * BENCH_SFU_BACKEND picks the backend (werift in this process, or mediasoup with its C++ worker as a child).
 */
import { MediaRoom } from '../../../server/src/media/mediaRoom';
import { startTestBackend, TEST_BACKENDS, type TestBackendName } from '../../../server/src/media/testing/testBackends';
import type { IpcEnvelope, SfuRequest, SfuSample } from './protocol';
import { mediasoupCounters, weriftCounters, type SfuCounters } from './sfuCounters';

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
  await room.applyFloor({ mode: 'open', chairPointId: 'publisher', floorPointId: null });
  process.on('message', (message: IpcEnvelope<SfuRequest>) => {
    void handle(room, counters, message.body).then((body) => process.send?.({ id: message.id, body }));
  });
  process.send?.({ id: 0, body: 'ready' });
}

async function handle(room: MediaRoom, counters: SfuCounters, req: SfuRequest): Promise<unknown> {
  switch (req.op) {
    case 'caps':
      return room.getRouterRtpCapabilities();
    case 'createTransport':
      return room.createTransport(req.pointId, req.direction);
    case 'connect':
      return room.connectTransport(req.pointId, req.transportId, req.dtlsParameters);
    case 'produce':
      return room.produce(req.pointId, req.transportId, req.request);
    case 'consume':
      return room.consume(req.pointId, req.transportId, req.producerId, req.rtpCapabilities);
    case 'resume':
      return room.resumeConsumer(req.pointId, req.consumerId);
    case 'closePoint':
      room.closePoint(req.pointId);
      return null;
    case 'sample':
      return sample(counters, req.edge);
  }
}

/**
 * CPU of every SFU process (this one plus mediasoup's worker) and packets sent to consumers. Reading mediasoup's
 * counters costs its worker a request per consumer: at the start of a window they are read before the CPU, at the
 * end after it, so that cost stays outside the window.
 */
async function sample(counters: SfuCounters, edge: 'start' | 'end'): Promise<SfuSample> {
  const packets = edge === 'start' ? await counters.packets() : undefined;
  const cpuMicros = counters.childCpuMicros() + process.cpuUsage().user + process.cpuUsage().system;
  const atMs = performance.now();
  const { forwarded, retransmitted } = packets ?? (await counters.packets());
  return { cpuMicros, atMs, forwarded, retransmitted };
}

void main();
