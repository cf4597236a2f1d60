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
    async close() {
      for (const router of [...routers]) router.close();
    },
  };
}
