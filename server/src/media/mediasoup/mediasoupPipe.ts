import type { types as ms } from 'mediasoup';
import type { RtpParameters } from '../../../../shared/src/media';
import type { MediaNetworkOptions, PipedProducer, PipeEndpoint, SfuProducer, SfuProducerPipe, SfuRouter } from '../sfuBackend';

/** What the seam needs of a mediasoup router (MediasoupRouter in mediasoupBackend.ts). */
export interface PipeableRouter extends SfuRouter {
  readonly native: ms.Router;
  producer(id: string): SfuProducer | undefined;
  adopt(producer: ms.Producer): SfuProducer;
}

/**
 * The cascade seam on mediasoup: what `router.pipeToRouter()` does inside one process, split so that only plain
 * values (an endpoint, a PipedProducer) cross between workers or hub processes. The exporting router consumes the
 * producer into a PipeTransport connected to the remote endpoint; the importing router's PipeTransport connects
 * back and produces it under the same id, and its own transports consume it like any other. A pause on the owner
 * stops the RTP in the pipe, so everything downstream falls silent with it.
 */
export class MediasoupProducerPipe implements SfuProducerPipe {
  /** Pipe transports this side opened for importing, by id. */
  private readonly endpoints = new Map<string, ms.PipeTransport>();
  /** Exporting pipe transports, by router and remote endpoint: one pipe carries every producer sent that way. */
  private readonly toward = new Map<string, Promise<ms.PipeTransport>>();
  /** Importing endpoints already connected back to their exporter. */
  private readonly connected = new Set<string>();

  constructor(private readonly network: MediaNetworkOptions) {}

  async openPipeEndpoint(router: SfuRouter): Promise<PipeEndpoint> {
    const transport = await this.createPipeTransport(router);
    this.endpoints.set(transport.id, transport);
    transport.observer.on('close', () => {
      this.endpoints.delete(transport.id);
      this.connected.delete(transport.id);
    });
    return this.endpointOf(transport);
  }

  async exportProducer(router: SfuRouter, producerId: string, remote: PipeEndpoint): Promise<PipedProducer> {
    const producer = mediasoupRouter(router).producer(producerId);
    if (!producer) throw new Error(`no producer ${producerId} in router ${router.id}`);
    const transport = await this.pipeToward(router, remote);
    const consumer = await transport.consume({ producerId });
    return {
      producerId, kind: consumer.kind, rtpParameters: consumer.rtpParameters as RtpParameters, appData: { ...producer.appData },
      paused: consumer.producerPaused, from: this.endpointOf(transport), to: remote,
    };
  }

  async importProducer(router: SfuRouter, piped: PipedProducer): Promise<SfuProducer> {
    const transport = this.endpoints.get(piped.to.id);
    if (!transport) throw new Error(`no pipe endpoint ${piped.to.id} here (openPipeEndpoint first)`);
    if (!this.connected.has(transport.id)) {
      this.connected.add(transport.id);
      await transport.connect({ ip: piped.from.ip, port: piped.from.port });
    }
    const native = await transport.produce({
      id: piped.producerId, kind: piped.kind, rtpParameters: piped.rtpParameters as ms.RtpParameters, paused: piped.paused, appData: piped.appData,
    });
    return mediasoupRouter(router).adopt(native);
  }

  private pipeToward(router: SfuRouter, remote: PipeEndpoint): Promise<ms.PipeTransport> {
    const key = `${router.id} ${remote.id}`;
    let pipe = this.toward.get(key);
    if (!pipe) {
      pipe = this.createPipeTransport(router).then(async (transport) => {
        transport.observer.on('close', () => this.toward.delete(key));
        await transport.connect({ ip: remote.ip, port: remote.port });
        return transport;
      });
      this.toward.set(key, pipe);
    }
    return pipe;
  }

  private createPipeTransport(router: SfuRouter): Promise<ms.PipeTransport> {
    const { listenIp, announcedIp, portMin, portMax } = this.network;
    return mediasoupRouter(router).native.createPipeTransport({
      listenInfo: { protocol: 'udp', ip: listenIp, ...(announcedIp ? { announcedAddress: announcedIp } : {}), portRange: { min: portMin, max: portMax } },
    });
  }

  private endpointOf(transport: ms.PipeTransport): PipeEndpoint {
    return { id: transport.id, ip: this.network.announcedIp ?? transport.tuple.localAddress, port: transport.tuple.localPort };
  }
}

function mediasoupRouter(router: SfuRouter): PipeableRouter {
  if (!('native' in router && 'adopt' in router)) throw new Error(`router ${router.id} is not a mediasoup router`);
  return router as PipeableRouter;
}
