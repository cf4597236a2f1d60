import type { SfuStats } from '../sfuStats';
import type * as Mediasoup from 'mediasoup';
import type { types as ms } from 'mediasoup';
import type { DtlsParameters, MediaKind, RtpCapabilities, RtpParameters } from '../../../../shared/src/media';
import { MEDIA_CODECS } from '../routerCapabilities';
import type { MediaNetworkOptions, SfuBackend, SfuConsumer, SfuProducer, SfuRtpTap, SfuTransport, TappedRtp } from '../sfuBackend';
import { MediasoupRtpTap } from './mediasoupTap';
import { TypedEmitter } from '../typedEmitter';
import type { ConsumerEvents, ProducerEvents, TransportEvents } from '../sfuBackend';
import { MediasoupProducerPipe, type PipeableRouter } from './mediasoupPipe';

export type MediasoupModule = typeof Mediasoup;

export interface MediasoupWorkerOptions {
  /** The worker binary; default: mediasoup's own (MEDIASOUP_WORKER_BIN, else the one its install script placed). */
  workerBin?: string;
  /** How long the worker may take to answer (default 10 s). */
  startDeadlineMs?: number;
  /** How long a transport's peer may send no ICE consent check before it closes (mediasoup: 10–255 s, default 30). */
  iceConsentTimeoutS?: number;
}

const INITIAL_OUTGOING_BITRATE_BPS = 1_000_000;
const DEFAULT_MAX_INCOMING_BITRATE_BPS = 3_000_000;
const WORKER_START_DEADLINE_MS = 10_000;
/**
 * Key-frame requests to a sender are spaced this much, later ones folded into one sent when the spacing ends (as
 * werift does). Chrome ignores a PLI within 300 ms of the key frame it last sent, and mediasoup, by default, sends a
 * viewer's PLI at once and retries only a second later: a viewer resuming just after another's key frame waited that
 * second (contract: 'a consumer resumed just after another's key frame …').
 */
const KEY_FRAME_REQUEST_SPACING_MS = 350;

/**
 * The C++ mediasoup SFU behind the SfuBackend interface. It is a thin mapping: mediasoup already has the
 * shape the interface copies; only events are bridged to our typed emitters.
 */
export async function createMediasoupBackend(
  mediasoup: MediasoupModule,
  network: MediaNetworkOptions,
  onWorkerDied: (error: unknown) => void,
  options: MediasoupWorkerOptions = {},
): Promise<SfuBackend> {
  const worker = await startWorker(mediasoup, network, options);
  worker.on('died', onWorkerDied);
  const held = heldObjects(worker);
  return {
    name: 'mediasoup',
    pipe: new MediasoupProducerPipe(network),
    async createRouter() {
      return new MediasoupRouter(await worker.createRouter({ mediaCodecs: [...MEDIA_CODECS] }), network, options.iceConsentTimeoutS);
    },
    stats: () => mediasoupStats(held),
    async close() {
      worker.close();
    },
  };
}

/** The worker's transports, producers and consumers as they come and go (its observer events). */
function heldObjects(worker: ms.Worker): { transports: Set<ms.Transport>; producers: Set<ms.Producer>; consumers: Set<ms.Consumer> } {
  const held = { transports: new Set<ms.Transport>(), producers: new Set<ms.Producer>(), consumers: new Set<ms.Consumer>() };
  const track = <T extends { observer: { once(event: 'close', listener: () => void): unknown } }>(set: Set<T>, item: T) => {
    set.add(item);
    item.observer.once('close', () => set.delete(item));
  };
  worker.observer.on('newrouter', (router) =>
    router.observer.on('newtransport', (transport) => {
      track(held.transports, transport);
      transport.observer.on('newproducer', (producer) => track(held.producers, producer));
      transport.observer.on('newconsumer', (consumer) => track(held.consumers, consumer));
    }),
  );
  return held;
}

/** Counts asked of the worker: one getStats per producer and consumer (inbound-rtp / outbound-rtp entries). */
async function mediasoupStats(held: ReturnType<typeof heldObjects>): Promise<SfuStats> {
  type Entry = { type: string; packetCount?: number; byteCount?: number; nackCount?: number; pliCount?: number; firCount?: number };
  const sum = (entries: Entry[], type: string) => {
    const of = entries.filter((e) => e.type === type);
    const total = (key: 'packetCount' | 'byteCount' | 'nackCount' | 'pliCount' | 'firCount') => of.reduce((n, e) => n + (e[key] ?? 0), 0);
    return { packets: total('packetCount'), bytes: total('byteCount'), nacks: total('nackCount'), keyFrameRequests: total('pliCount') + total('firCount') };
  };
  const read = async (item: ms.Producer | ms.Consumer, type: string) => {
    const entries = (await item.getStats().catch(() => [])) as Entry[];
    return { id: item.id, kind: item.kind, ...sum(entries, type) };
  };
  const [producers, consumers] = await Promise.all([
    Promise.all([...held.producers].map((p) => read(p, 'inbound-rtp'))),
    Promise.all([...held.consumers].map((c) => read(c, 'outbound-rtp'))),
  ]);
  return { transports: held.transports.size, producers, consumers };
}

/**
 * A worker built from another mediasoup version than the JavaScript that drives it never answers and never fails
 * (their channel messages differ): without a deadline the hub would wait forever instead of falling back.
 */
async function startWorker(mediasoup: MediasoupModule, network: MediaNetworkOptions, options: MediasoupWorkerOptions): Promise<ms.Worker> {
  const deadlineMs = options.startDeadlineMs ?? WORKER_START_DEADLINE_MS;
  const starting = mediasoup.createWorker({
    logLevel: 'warn',
    rtcMinPort: network.portMin,
    rtcMaxPort: network.portMax,
    ...(options.workerBin ? { workerBin: options.workerBin } : {}),
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Should it answer after all, it is not wanted any more.
      void starting.then((late) => late.close(), () => undefined);
      reject(new Error(`the mediasoup worker did not answer within ${deadlineMs} ms (a worker built for another mediasoup version than ${mediasoup.version}?)`));
    }, deadlineMs);
  });
  try {
    return await Promise.race([starting, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The consumers of each producer of one router. mediasoup tells a consumer that its producer closed with a
 * notification from the worker, a moment after `close()` returned; the interface (and werift) close them within the
 * producer's own close, so nothing can act on a consumer whose producer is gone.
 */
class ConsumersByProducer {
  private readonly byProducer = new Map<string, Set<MediasoupConsumer>>();

  add(consumer: MediasoupConsumer): void {
    let set = this.byProducer.get(consumer.producerId);
    if (!set) this.byProducer.set(consumer.producerId, (set = new Set()));
    set.add(consumer);
    consumer.events.on('close', () => {
      set.delete(consumer);
      if (set.size === 0 && this.byProducer.get(consumer.producerId) === set) this.byProducer.delete(consumer.producerId);
    });
  }

  producerClosed(producerId: string): void {
    for (const consumer of [...(this.byProducer.get(producerId) ?? [])]) consumer.closeForProducer();
    this.byProducer.delete(producerId);
  }
}

class MediasoupRouter implements PipeableRouter {
  private readonly consumers = new ConsumersByProducer();
  private readonly producers = new Map<string, MediasoupProducer>();

  constructor(
    private readonly router: ms.Router,
    private readonly network: MediaNetworkOptions,
    private readonly iceConsentTimeoutS: number | undefined,
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
  /** mediasoup's router itself, for the cascade seam (mediasoupPipe.ts). */
  get native(): ms.Router {
    return this.router;
  }

  producer(id: string): SfuProducer | undefined {
    return this.producers.get(id);
  }

  /** Wraps a producer made on any transport of this router (WebRTC or pipe): its consumers close within its close. */
  adopt(native: ms.Producer): SfuProducer {
    const producer = new MediasoupProducer(native);
    this.producers.set(producer.id, producer);
    producer.events.on('close', () => {
      this.producers.delete(producer.id);
      this.consumers.producerClosed(producer.id);
    });
    return producer;
  }

  async createWebRtcTransport(): Promise<SfuTransport> {
    const { listenIp, announcedIp, portMin, portMax } = this.network;
    const transport = await this.router.createWebRtcTransport({
      listenInfos: [{ protocol: 'udp', ip: listenIp, ...(announcedIp ? { announcedAddress: announcedIp } : {}), portRange: { min: portMin, max: portMax } }],
      enableUdp: true,
      enableTcp: false,
      initialAvailableOutgoingBitrate: INITIAL_OUTGOING_BITRATE_BPS,
      ...(this.iceConsentTimeoutS === undefined ? {} : { iceConsentTimeout: this.iceConsentTimeoutS }),
    });
    await transport.setMaxIncomingBitrate(this.network.maxIncomingBitrateBps ?? DEFAULT_MAX_INCOMING_BITRATE_BPS);
    return new MediasoupTransport(transport, this.consumers, (native) => this.adopt(native));
  }

  canConsume(producerId: string, rtpCapabilities: RtpCapabilities): boolean {
    return this.router.canConsume({ producerId, rtpCapabilities: toMediasoupCapabilities(rtpCapabilities) });
  }

  /** The livestream's tap (issue 13): the producer consumed into a PlainTransport toward the hub. */
  tapProducer(producerId: string, onRtp: (packet: TappedRtp) => void): SfuRtpTap | null {
    const producer = this.producers.get(producerId);
    return producer && !producer.closed ? new MediasoupRtpTap(this.router, producer.native, onRtp) : null;
  }

  close(): void {
    this.router.close();
  }
}

class MediasoupTransport implements SfuTransport {
  readonly events = new TypedEmitter<TransportEvents>();
  private closeReason: TransportEvents['close'][0] = 'closed';

  constructor(
    private readonly transport: ms.WebRtcTransport,
    private readonly consumers: ConsumersByProducer,
    private readonly adopt: (producer: ms.Producer) => SfuProducer,
  ) {
    transport.on('routerclose', () => (this.closeReason = 'router'));
    transport.on('icestatechange', (state) => {
      // mediasoup's ICE goes 'disconnected' when the peer's consent checks stop (its iceConsentTimeout).
      if (state !== 'disconnected') return;
      this.closeReason = 'ice';
      transport.close();
    });
    transport.on('dtlsstatechange', (state) => {
      // 'new' is mediasoup's state before connect(); the interface starts at 'connecting'.
      if (state !== 'new') this.events.emit('dtlsstatechange', state);
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
    const rtpParameters = toMediasoupParameters(options.rtpParameters);
    return this.adopt(await this.transport.produce({ ...options, rtpParameters, keyFrameRequestDelay: KEY_FRAME_REQUEST_SPACING_MS }));
  }

  async consume(options: { producerId: string; rtpCapabilities: RtpCapabilities; paused?: boolean }): Promise<SfuConsumer> {
    const consumer = new MediasoupConsumer(await this.transport.consume({ ...options, rtpCapabilities: toMediasoupCapabilities(options.rtpCapabilities) }));
    this.consumers.add(consumer);
    return consumer;
  }

  close(): void {
    this.transport.close();
  }
}

class MediasoupProducer implements SfuProducer {
  readonly events = new TypedEmitter<ProducerEvents>();
  private closeReason: ProducerEvents['close'][0] = 'closed';

  constructor(private readonly producer: ms.Producer) {
    producer.on('transportclose', () => (this.closeReason = 'transport'));
    producer.on('score', (scores: Array<{ score: number }>) => this.events.emit('score', Math.min(...scores.map((s) => s.score), 10)));
    producer.observer.on('close', () => this.events.emit('close', this.closeReason));
  }

  get id(): string {
    return this.producer.id;
  }
  /** mediasoup's producer itself (the livestream's tap consumes it). */
  get native(): ms.Producer {
    return this.producer;
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

  constructor(private readonly consumer: ms.Consumer) {
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
  closeForProducer(): void {
    if (this.consumer.closed) return;
    this.closeReason = 'producer';
    this.consumer.close();
  }
}

// The shared zod types keep header-extension URIs as strings; mediasoup's types narrow them to the URIs it knows and
// its ORTC code validates what it is given at run time (a TypeError for anything unknown), so these only re-type.
function toMediasoupCapabilities(capabilities: RtpCapabilities): ms.RtpCapabilities {
  return capabilities as ms.RtpCapabilities;
}

function toMediasoupParameters(parameters: RtpParameters): ms.RtpParameters {
  return parameters as ms.RtpParameters;
}
