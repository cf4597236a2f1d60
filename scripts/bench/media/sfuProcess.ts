/**
 * The SFU under measurement, alone in its own process so its CPU time is not mixed with the publisher's
 * and receivers'. Driven over IPC by scripts/bench/media.ts; answers each request with the MediaRoom's result.
 */
import { MediaRoom } from '../../../server/src/media/mediaRoom';
import { createWeriftBackend } from '../../../server/src/media/werift/weriftBackend';
import type { IpcEnvelope, SfuRequest, SfuSample } from './protocol';

const PORT_MIN = Number(process.env.MEDIA_PORT_MIN ?? 44_000);
const PORT_MAX = Number(process.env.MEDIA_PORT_MAX ?? 44_999);

async function main(): Promise<void> {
  const backend = await createWeriftBackend({ listenIp: '127.0.0.1', portMin: PORT_MIN, portMax: PORT_MAX });
  const room = await MediaRoom.create(backend, () => undefined);
  await room.applyFloor({ mode: 'open', chairPointId: 'publisher', floorPointId: null });
  process.on('message', (message: IpcEnvelope<SfuRequest>) => {
    void handle(room, backend, message.body).then((body) => process.send?.({ id: message.id, body }));
  });
  process.send?.({ id: 0, body: 'ready' });
}

async function handle(room: MediaRoom, backend: Awaited<ReturnType<typeof createWeriftBackend>>, req: SfuRequest): Promise<unknown> {
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
      return sample(backend);
  }
}

function sample(backend: Awaited<ReturnType<typeof createWeriftBackend>>): SfuSample {
  const usage = process.cpuUsage();
  let forwarded = 0;
  let retransmitted = 0;
  for (const router of backend.routers) {
    for (const transport of router.transports) {
      for (const consumer of transport.consumers) {
        forwarded += consumer.counters.packets;
        retransmitted += consumer.counters.retransmitted;
      }
    }
  }
  return { cpuMicros: usage.user + usage.system, atMs: performance.now(), forwarded, retransmitted };
}

void main();
