import type { types as ms } from 'mediasoup';
import { importMediasoup } from '../../../server/src/media/createSfuBackend';
import type { SfuBackend } from '../../../server/src/media/sfuBackend';
import { processCpuMicros } from '../../../server/src/media/testing/processCpu';
import type { createWeriftBackend } from '../../../server/src/media/werift/weriftBackend';

type WeriftBackend = Awaited<ReturnType<typeof createWeriftBackend>>;

/** What the bench reads from an SFU: packets sent to consumers, and CPU spent outside this process. */
export interface SfuCounters {
  attach(backend: SfuBackend): void;
  packets(): Promise<{ forwarded: number; retransmitted: number }>;
  /** CPU time of the SFU's child processes (mediasoup's workers), microseconds. */
  childCpuMicros(): number;
}

export function weriftCounters(): SfuCounters {
  let backend: WeriftBackend | undefined;
  return {
    attach: (b) => (backend = b as WeriftBackend),
    async packets() {
      let forwarded = 0;
      let retransmitted = 0;
      for (const router of backend?.routers ?? []) {
        for (const transport of router.transports) {
          for (const consumer of transport.consumers) {
            forwarded += consumer.counters.packets;
            retransmitted += consumer.counters.retransmitted;
          }
        }
      }
      return { forwarded, retransmitted };
    },
    childCpuMicros: () => 0,
  };
}

/** Follows mediasoup's observer from the worker down to every consumer. */
export async function mediasoupCounters(): Promise<SfuCounters> {
  const mediasoup = await importMediasoup();
  const workerPids: number[] = [];
  const consumers = new Set<ms.Consumer>();
  mediasoup.observer.on('newworker', (worker) => {
    workerPids.push(worker.pid);
    worker.observer.on('newrouter', (router) =>
      router.observer.on('newtransport', (transport) =>
        transport.observer.on('newconsumer', (consumer) => {
          consumers.add(consumer);
          consumer.observer.on('close', () => consumers.delete(consumer));
        }),
      ),
    );
  });
  return {
    attach: () => undefined,
    async packets() {
      const stats = await Promise.all([...consumers].map((c) => c.getStats()));
      let forwarded = 0;
      let retransmitted = 0;
      for (const s of stats.flat()) {
        if (s.type !== 'outbound-rtp') continue;
        forwarded += s.packetCount;
        retransmitted += s.packetsRetransmitted;
      }
      return { forwarded, retransmitted };
    },
    childCpuMicros: () => workerPids.reduce((sum, pid) => sum + processCpuMicros(pid), 0),
  };
}
