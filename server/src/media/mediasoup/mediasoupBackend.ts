import type * as Mediasoup from 'mediasoup';
import type { DtlsParameters, MediaKind, RtpCapabilities, RtpParameters } from '../../../../shared/src/media';
import { MEDIA_CODECS } from '../routerCapabilities';
import type { MediaNetworkOptions, SfuBackend, SfuConsumer, SfuProducer, SfuRouter, SfuTransport } from '../sfuBackend';
import { TypedEmitter } from '../typedEmitter';
import type { ConsumerEvents, ProducerEvents, TransportEvents } from '../sfuBackend';

export type MediasoupModule = typeof Mediasoup;

const INITIAL_OUTGOING_BITRATE_BPS = 1_000_000;
const DEFAULT_MAX_INCOMING_BITRATE_BPS = 3_000_000;

/**
 * The C++ mediasoup SFU behind the SfuBackend interface. It is a thin mapping: mediasoup already has the
 * shape the interface copies; only events are bridged to our typed emitters.
 */
export async function createMediasoupBackend(mediasoup: MediasoupModule, network: MediaNetworkOptions, onWorkerDied: (error: unknown) => void): Promise<SfuBackend> {
  const worker = await mediasoup.createWorker({ logLevel: 'warn', rtcMinPort: network.portMin, rtcMaxPort: network.portMax });
  worker.on('died', onWorkerDied);
  return {
    name: 'mediasoup',
    async createRouter() {
      return new MediasoupRouter(await worker.createRouter({ mediaCodecs: [...MEDIA_CODECS] }), network);
    },
    async close() {
      worker.close();
    },
  };
}

class MediasoupRouter implements SfuRouter {
  constructor(
    private readonly router: Mediasoup.Router,
    private readonly network: MediaNetworkOptions,
  ) {}

  get id(): string {
    return this.router.id;
  }
  get rtpCapabilities(): RtpCapabilities {
    return this.router.rtpCapabilities as RtpCapabilities;
  }
  get closed(): boolean {
    return this.router.closed;
  }

  async createWebRtcTransport(): Promise<SfuTransport> {
    const { listenIp, announcedIp, portMin, portMax } = this.network;
    const transport = await this.router.createWebRtcTransport({
      listenInfos: [{ protocol: 'udp', ip: listenIp, ...(announcedIp ? { announcedAddress: announcedIp } : {}), portRange: { min: portMin, max: portMax } }],
      enableUdp: true,
      enableTcp: false,
      initialAvailableOutgoingBitrate: INITIAL_OUTGOING_BITRATE_BPS,
    });
    await transport.setMaxIncomingBitrate(this.network.maxIncomingBitrateBps ?? DEFAULT_MAX_INCOMING_BITRATE_BPS);
    return new MediasoupTransport(transport);
  }

  canConsume(producerId: string, rtpCapabilities: RtpCapabilities): boolean {
    return this.router.canConsume({ producerId, rtpCapabilities });
  }

  close(): void {
    this.router.close();
  }
}

class MediasoupTransport implements SfuTransport {
  readonly events = new TypedEmitter<TransportEvents>();
  private closeReason: TransportEvents['close'][0] = 'closed';

  constructor(private readonly transport: Mediasoup.WebRtcTransport) {
    transport.on('routerclose', () => (this.closeReason = 'router'));
    transport.on('icestatechange', (state: string) => state === 'disconnected' && transport.close());
    transport.on('dtlsstatechange', (state: TransportEvents['dtlsstatechange'][0]) => {
      this.events.emit('dtlsstatechange', state);
      if (state === 'failed' || state === 'closed') {
        this.closeReason = 'dtls';
        transport.close();
      }
    });
    transport.observer.on('close', () => this.events.emit('close', this.closeReason));
  }

  get id(): string {
    return this.transport.id;
  }
  get iceParameters() {
    return this.transport.iceParameters;
  }
  get iceCandidates() {
    return this.transport.iceCandidates;
  }
  get dtlsParameters(): DtlsParameters {
    return this.transport.dtlsParameters as DtlsParameters;
  }
  get closed(): boolean {
    return this.transport.closed;
  }

  connect(options: { dtlsParameters: DtlsParameters }): Promise<void> {
    return this.transport.connect(options);
  }

  async produce(options: { kind: MediaKind; rtpParameters: RtpParameters; appData?: Record<string, unknown>; paused?: boolean }): Promise<SfuProducer> {
    return new MediasoupProducer(await this.transport.produce(options));
  }

  async consume(options: { producerId: string; rtpCapabilities: RtpCapabilities; paused?: boolean }): Promise<SfuConsumer> {
    return new MediasoupConsumer(await this.transport.consume(options));
  }

  close(): void {
    this.transport.close();
  }
}

class MediasoupProducer implements SfuProducer {
  readonly events = new TypedEmitter<ProducerEvents>();
  private closeReason: ProducerEvents['close'][0] = 'closed';

  constructor(private readonly producer: Mediasoup.Producer) {
    producer.on('transportclose', () => (this.closeReason = 'transport'));
    producer.on('score', (scores: Array<{ score: number }>) => this.events.emit('score', Math.min(...scores.map((s) => s.score), 10)));
    producer.observer.on('close', () => this.events.emit('close', this.closeReason));
  }

  get id(): string {
    return this.producer.id;
  }
  get kind(): MediaKind {
    return this.producer.kind;
  }
  get rtpParameters(): RtpParameters {
    return this.producer.rtpParameters as RtpParameters;
  }
  get appData(): Record<string, unknown> {
    return this.producer.appData;
  }
  get paused(): boolean {
    return this.producer.paused;
  }
  get closed(): boolean {
    return this.producer.closed;
  }
  pause(): Promise<void> {
    return this.producer.pause();
  }
  resume(): Promise<void> {
    return this.producer.resume();
  }
  close(): void {
    this.producer.close();
  }
}

class MediasoupConsumer implements SfuConsumer {
  readonly events = new TypedEmitter<ConsumerEvents>();
  private closeReason: ConsumerEvents['close'][0] = 'closed';

  constructor(private readonly consumer: Mediasoup.Consumer) {
    consumer.on('transportclose', () => (this.closeReason = 'transport'));
    consumer.on('producerclose', () => (this.closeReason = 'producer'));
    consumer.on('producerpause', () => this.events.emit('producerpause'));
    consumer.on('producerresume', () => this.events.emit('producerresume'));
    consumer.on('score', (score: { score: number; producerScore: number }) => this.events.emit('score', { score: score.score, producerScore: score.producerScore }));
    consumer.observer.on('close', () => this.events.emit('close', this.closeReason));
  }

  get id(): string {
    return this.consumer.id;
  }
  get producerId(): string {
    return this.consumer.producerId;
  }
  get kind(): MediaKind {
    return this.consumer.kind;
  }
  get rtpParameters(): RtpParameters {
    return this.consumer.rtpParameters as RtpParameters;
  }
  get paused(): boolean {
    return this.consumer.paused;
  }
  get producerPaused(): boolean {
    return this.consumer.producerPaused;
  }
  get closed(): boolean {
    return this.consumer.closed;
  }
  pause(): Promise<void> {
    return this.consumer.pause();
  }
  resume(): Promise<void> {
    return this.consumer.resume();
  }
  requestKeyFrame(): Promise<void> {
    return this.consumer.requestKeyFrame();
  }
  close(): void {
    this.consumer.close();
  }
}
