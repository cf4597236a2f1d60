import { randomUUID } from 'node:crypto';
import type { RTCCertificate } from 'werift';
import type { RtpCapabilities } from '../../../../shared/src/media';
import { ROUTER_RTP_CAPABILITIES } from '../routerCapabilities';
import type { SfuRouter, SfuRtpTap, TappedRtp } from '../sfuBackend';
import { createIceLiteEndpoint, type IceLiteEndpoint } from './iceLite';
import type { PortAllocator } from './portAllocator';
import type { WeriftProducer } from './producer';
import { WeriftRtpTap } from './rtpTap';
import { consumerCodecFor } from './rtpMapping';
import { WeriftTransport, type RouterContext } from './transport';

/** How many ports to try when the one handed out is taken by another process. */
const BIND_ATTEMPTS = 5;

export interface WeriftRouterDeps {
  listenIp: string;
  announcedIp: string;
  ports: PortAllocator;
  certificate: RTCCertificate;
  maxIncomingBitrateBps: number;
  iceSilenceTimeoutMs: number;
  onClosed(router: WeriftRouter): void;
}

/** A conference's router: its transports and the producers consumers may ask for. */
export class WeriftRouter implements SfuRouter, RouterContext {
  readonly id = randomUUID();
  readonly rtpCapabilities: RtpCapabilities = ROUTER_RTP_CAPABILITIES;
  readonly producers = new Map<string, WeriftProducer>();
  readonly transports = new Set<WeriftTransport>();
  private isClosed = false;

  constructor(private readonly deps: WeriftRouterDeps) {}

  get closed(): boolean {
    return this.isClosed;
  }
  get certificate(): RTCCertificate {
    return this.deps.certificate;
  }
  get maxIncomingBitrateBps(): number {
    return this.deps.maxIncomingBitrateBps;
  }
  get iceSilenceTimeoutMs(): number {
    return this.deps.iceSilenceTimeoutMs;
  }

  async createWebRtcTransport(): Promise<WeriftTransport> {
    if (this.isClosed) throw new Error('router closed');
    const { endpoint, port } = await this.bindEndpoint();
    if (this.isClosed) {
      await endpoint.gatherer.connection.close();
      this.deps.ports.release(port);
      throw new Error('router closed');
    }
    const transport = new WeriftTransport(this, endpoint, () => this.deps.ports.release(port));
    this.transports.add(transport);
    return transport;
  }

  private async bindEndpoint(): Promise<{ endpoint: IceLiteEndpoint; port: number }> {
    let lastError: unknown = new Error('no free media port in range');
    for (let attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
      const port = this.deps.ports.acquire();
      if (port === null) break;
      try {
        return { endpoint: await createIceLiteEndpoint(this.deps.listenIp, this.deps.announcedIp, port), port };
      } catch (error) {
        // Keep the port marked as used: something else holds it; it is retried after a full round.
        lastError = error;
        setTimeout(() => this.deps.ports.release(port), 60_000).unref();
      }
    }
    throw lastError;
  }

  canConsume(producerId: string, rtpCapabilities: RtpCapabilities): boolean {
    const producer = this.producers.get(producerId);
    return producer !== undefined && consumerCodecFor(producer.mapping, rtpCapabilities) !== undefined;
  }

  tapProducer(producerId: string, onRtp: (packet: TappedRtp) => void): SfuRtpTap | null {
    const producer = this.producers.get(producerId);
    return producer && !producer.closed ? new WeriftRtpTap(producer, onRtp) : null;
  }

  onTransportClosed(transport: WeriftTransport): void {
    this.transports.delete(transport);
  }

  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const transport of [...this.transports]) transport.close('router');
    this.deps.onClosed(this);
  }
}
