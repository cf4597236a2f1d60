import type { SfuStats } from '../sfuStats';
import { RTCDtlsTransport } from 'werift';
import type { MediaNetworkOptions, SfuBackend } from '../sfuBackend';
import { PortAllocator } from './portAllocator';
import { WeriftRouter } from './router';
import { ICE_SILENCE_TIMEOUT_MS } from './transportTimers';

/** Default cap told to senders: a 640×480 camera at 30 fps plus its thumbnail and audio fit well under it. */
export const DEFAULT_MAX_INCOMING_BITRATE_BPS = 3_000_000;

export interface WeriftBackendOptions extends MediaNetworkOptions {
  /** How long a connected peer may send no ICE check before its transport closes (default 30 s). */
  iceSilenceTimeoutMs?: number;
}

/** The SFU in this process, built on werift's ICE / DTLS / SRTP objects. */
export async function createWeriftBackend(options: WeriftBackendOptions): Promise<SfuBackend & { routers: ReadonlySet<WeriftRouter> }> {
  if ((options.listenIp === '0.0.0.0' || options.listenIp === '::') && !options.announcedIp) {
    throw new Error('MEDIA_ANNOUNCED_IP is required when MEDIA_LISTEN_IP is a wildcard address');
  }
  // One certificate per process, as mediasoup does per worker: fingerprints are announced per transport anyway.
  const certificate = await RTCDtlsTransport.SetupCertificate();
  const ports = new PortAllocator(options.portMin, options.portMax);
  const routers = new Set<WeriftRouter>();
  return {
    name: 'werift',
    routers,
    async createRouter() {
      const router = new WeriftRouter({
        listenIp: options.listenIp,
        announcedIp: options.announcedIp ?? options.listenIp,
        ports,
        certificate,
        maxIncomingBitrateBps: options.maxIncomingBitrateBps ?? DEFAULT_MAX_INCOMING_BITRATE_BPS,
        iceSilenceTimeoutMs: options.iceSilenceTimeoutMs ?? ICE_SILENCE_TIMEOUT_MS,
        onClosed: (r) => routers.delete(r),
      });
      routers.add(router);
      return router;
    },
    async stats() {
      return weriftStats(routers);
    },
    async close() {
      for (const router of [...routers]) router.close();
    },
  };
}

/** Counts read straight off the objects: werift runs in this process. */
function weriftStats(routers: ReadonlySet<WeriftRouter>): SfuStats {
  const stats: SfuStats = { transports: 0, producers: [], consumers: [] };
  for (const router of routers) {
    for (const transport of router.transports) {
      stats.transports += 1;
      for (const p of transport.producers) stats.producers.push({ id: p.id, kind: p.kind, packets: p.counters.packets, bytes: p.counters.octets, nacks: p.counters.nacksSent, keyFrameRequests: p.counters.keyFrameRequests });
      for (const c of transport.consumers) stats.consumers.push({ id: c.id, kind: c.kind, packets: c.counters.packets, bytes: c.counters.octets, nacks: c.counters.nacked, keyFrameRequests: c.counters.keyFrameRequests });
    }
  }
  return stats;
}
