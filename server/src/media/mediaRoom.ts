import {
  ConnectTransportRequestSchema,
  ConsumeRequestSchema,
  ProduceRequestSchema,
  isAudible,
  mediaFail,
  mediaOk,
  type ConsumerInfo,
  type MediaFloor,
  type MediaResult,
  type MediaRoomEvent,
  type MediaSource,
  type ProducerInfo,
  type RtpCapabilities,
  type TransportDirection,
  type TransportInfo,
} from '../../../shared/src/media';
import type { SfuBackend, SfuConsumer, SfuProducer, SfuRouter, SfuTransport } from './sfuBackend';

/** Send + receive, plus one spare for a reconnect that overlaps the old transports' teardown. */
export const MAX_TRANSPORTS_PER_POINT = 4;

export type FloorState = MediaFloor;

interface TransportEntry {
  pointId: string;
  direction: TransportDirection;
  transport: SfuTransport;
}
interface ProducerEntry {
  pointId: string;
  source: MediaSource;
  producer: SfuProducer;
  pausedByOwner: boolean;
  heldByServer: boolean;
}
interface ConsumerEntry {
  pointId: string;
  consumer: SfuConsumer;
  producerEntry: ProducerEntry;
}

const KIND_OF_SOURCE = { main: 'video', thumb: 'video', mic: 'audio' } as const;

/**
 * The media of one conference as the Socket.IO gateway sees it: points (not sockets) own transports,
 * producers and consumers; every call names the calling point and may only touch what it owns. Floor
 * control reaches the media here: microphones that may not be heard are paused on the server, and only
 * `applyFloor` lifts that hold, so a modified client cannot unmute itself.
 */
export class MediaRoom {
  private readonly transports = new Map<string, TransportEntry>();
  private readonly producers = new Map<string, ProducerEntry>();
  private readonly consumers = new Map<string, ConsumerEntry>();
  /** Bumped by closePoint so creations still in flight for a departed point are undone. */
  private readonly pointEpochs = new Map<string, number>();
  /** Until the gateway tells us the floor, nobody is audible: fail closed. */
  private floor: FloorState | null = null;
  private isClosed = false;

  private constructor(
    private readonly router: SfuRouter,
    private readonly onEvent: (event: MediaRoomEvent) => void,
  ) {}

  static async create(backend: SfuBackend, onEvent: (event: MediaRoomEvent) => void): Promise<MediaRoom> {
    return new MediaRoom(await backend.createRouter(), onEvent);
  }

  getRouterRtpCapabilities(): RtpCapabilities {
    return this.router.rtpCapabilities;
  }

  async createTransport(pointId: string, direction: TransportDirection): Promise<MediaResult<TransportInfo>> {
    if (this.isClosed) return mediaFail('UNAVAILABLE', 'media room closed');
    if (direction !== 'send' && direction !== 'recv') return mediaFail('INVALID', 'direction must be send or recv');
    if (this.countTransports(pointId) >= MAX_TRANSPORTS_PER_POINT) return mediaFail('INVALID', 'too many transports for this point');
    const epoch = this.epochOf(pointId);
    let transport: SfuTransport;
    try {
      transport = await this.router.createWebRtcTransport();
    } catch (error) {
      return mediaFail('UNAVAILABLE', `no media transport available: ${errorText(error)}`);
    }
    if (this.isClosed || epoch !== this.epochOf(pointId)) {
      transport.close();
      return mediaFail('UNAVAILABLE', 'point left while the transport was being created');
    }
    this.transports.set(transport.id, { pointId, direction, transport });
    transport.events.on('close', () => this.onTransportClosed(transport.id));
    const { id, iceParameters, iceCandidates, dtlsParameters } = transport;
    return mediaOk({ id, iceParameters, iceCandidates, dtlsParameters });
  }

  async connectTransport(pointId: string, transportId: string, dtlsParameters: unknown): Promise<MediaResult<Record<string, never>>> {
    const parsed = ConnectTransportRequestSchema.safeParse({ transportId, dtlsParameters });
    if (!parsed.success) return mediaFail('INVALID', 'invalid DTLS parameters');
    const owned = this.ownTransport(pointId, transportId);
    if (!owned.ok) return owned;
    try {
      await owned.value.transport.connect({ dtlsParameters: parsed.data.dtlsParameters });
      return mediaOk({});
    } catch (error) {
      return mediaFail('INVALID', errorText(error));
    }
  }

  async produce(pointId: string, transportId: string, request: unknown): Promise<MediaResult<{ producerId: string }>> {
    const parsed = ProduceRequestSchema.safeParse({ ...(isRecord(request) ? request : {}), transportId });
    if (!parsed.success) return mediaFail('INVALID', 'invalid produce request');
    const { kind, rtpParameters, appData } = parsed.data;
    if (KIND_OF_SOURCE[appData.source] !== kind) return mediaFail('INVALID', `source ${appData.source} must be ${KIND_OF_SOURCE[appData.source]}`);
    const owned = this.ownTransport(pointId, transportId, 'send');
    if (!owned.ok) return owned;
    if (this.findProducer(pointId, appData.source)) return mediaFail('INVALID', `point already produces ${appData.source}: close it first`);
    const epoch = this.epochOf(pointId);
    // A microphone starts held unless the floor lets this point be heard: no audio escapes before the check.
    const held = appData.source === 'mic' && !this.mayBeHeard(pointId);
    let producer: SfuProducer;
    try {
      producer = await owned.value.transport.produce({ kind, rtpParameters, appData: { pointId, source: appData.source }, paused: held });
    } catch (error) {
      return mediaFail('INVALID', errorText(error));
    }
    if (epoch !== this.epochOf(pointId) || producer.closed) {
      producer.close();
      return mediaFail('UNAVAILABLE', 'point left while producing');
    }
    // The floor may have changed while the producer was being created: re-check before anyone hears it.
    const entry: ProducerEntry = { pointId, source: appData.source, producer, pausedByOwner: false, heldByServer: held };
    this.producers.set(producer.id, entry);
    producer.events.on('close', () => this.onProducerClosed(producer.id));
    if (appData.source === 'mic') entry.heldByServer = !this.mayBeHeard(pointId);
    await this.syncPaused(entry, false);
    this.onEvent({ type: 'newProducer', producer: infoOf(entry) });
    return mediaOk({ producerId: producer.id });
  }

  async consume(pointId: string, transportId: string, producerId: string, rtpCapabilities: unknown): Promise<MediaResult<ConsumerInfo>> {
    const parsed = ConsumeRequestSchema.safeParse({ transportId, producerId, rtpCapabilities });
    if (!parsed.success) return mediaFail('INVALID', 'invalid consume request');
    const owned = this.ownTransport(pointId, transportId, 'recv');
    if (!owned.ok) return owned;
    const producerEntry = this.producers.get(producerId);
    if (!producerEntry) return mediaFail('NOT_FOUND', 'no such producer');
    if (!this.router.canConsume(producerId, parsed.data.rtpCapabilities)) return mediaFail('INVALID', 'this device cannot decode that stream');
    let consumer: SfuConsumer;
    try {
      // Paused until the client has set it up and calls resumeConsumer, as mediasoup recommends.
      consumer = await owned.value.transport.consume({ producerId, rtpCapabilities: parsed.data.rtpCapabilities, paused: true });
    } catch (error) {
      return mediaFail('INVALID', errorText(error));
    }
    this.consumers.set(consumer.id, { pointId, consumer, producerEntry });
    consumer.events.on('close', () => this.onConsumerClosed(consumer.id));
    return mediaOk({
      id: consumer.id,
      producerId,
      kind: consumer.kind,
      rtpParameters: consumer.rtpParameters,
      pointId: producerEntry.pointId,
      source: producerEntry.source,
      producerPaused: producerEntry.producer.paused,
    });
  }

  async resumeConsumer(pointId: string, consumerId: string): Promise<MediaResult<Record<string, never>>> {
    const owned = this.ownConsumer(pointId, consumerId);
    if (!owned.ok) return owned;
    await owned.value.consumer.resume();
    return mediaOk({});
  }

  async pauseConsumer(pointId: string, consumerId: string): Promise<MediaResult<Record<string, never>>> {
    const owned = this.ownConsumer(pointId, consumerId);
    if (!owned.ok) return owned;
    await owned.value.consumer.pause();
    return mediaOk({});
  }

  /** The owner mutes its own source (camera off, mute button). */
  async pauseProducer(pointId: string, producerId: string): Promise<MediaResult<ProducerInfo>> {
    const owned = this.ownProducer(pointId, producerId);
    if (!owned.ok) return owned;
    const entry = owned.value;
    if (!entry.pausedByOwner) {
      entry.pausedByOwner = true;
      await this.syncPaused(entry);
    }
    return mediaOk(infoOf(entry));
  }

  /** The owner unmutes; a microphone held by the floor stays paused (heldByServer) until applyFloor lifts it. */
  async resumeProducer(pointId: string, producerId: string): Promise<MediaResult<ProducerInfo>> {
    const owned = this.ownProducer(pointId, producerId);
    if (!owned.ok) return owned;
    const entry = owned.value;
    if (entry.pausedByOwner) {
      entry.pausedByOwner = false;
      await this.syncPaused(entry);
    }
    return mediaOk(infoOf(entry));
  }

  /** Stops one consumer (the screen no longer shows that stream); the others of the point stay. */
  closeConsumer(pointId: string, consumerId: string): MediaResult<Record<string, never>> {
    const owned = this.ownConsumer(pointId, consumerId);
    if (!owned.ok) return owned;
    owned.value.consumer.close();
    return mediaOk({});
  }

  /** One transport goes (the socket that made it went away); its producers and consumers with it. */
  closeTransport(pointId: string, transportId: string): MediaResult<Record<string, never>> {
    const owned = this.ownTransport(pointId, transportId);
    if (!owned.ok) return owned;
    owned.value.transport.close();
    return mediaOk({});
  }

  closeProducer(pointId: string, producerId: string): MediaResult<Record<string, never>> {
    const owned = this.ownProducer(pointId, producerId);
    if (!owned.ok) return owned;
    owned.value.producer.close();
    return mediaOk({});
  }

  /** Everything of a point goes: on disconnect, leave or kick. Others get producerClosed. */
  closePoint(pointId: string): void {
    this.pointEpochs.set(pointId, this.epochOf(pointId) + 1);
    for (const entry of [...this.transports.values()]) if (entry.pointId === pointId) entry.transport.close();
  }

  listProducers(): ProducerInfo[] {
    return [...this.producers.values()].map(infoOf);
  }

  /** Pauses on the server every microphone that may not be heard and resumes the others (unless muted by their owner). */
  async applyFloor(floor: FloorState): Promise<void> {
    this.floor = { ...floor };
    for (const entry of [...this.producers.values()]) {
      if (entry.source !== 'mic') continue;
      const held = !this.mayBeHeard(entry.pointId);
      if (held === entry.heldByServer) continue;
      entry.heldByServer = held;
      await this.syncPaused(entry);
    }
  }

  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.router.close();
  }

  private mayBeHeard(pointId: string): boolean {
    return this.floor !== null && isAudible(this.floor, pointId);
  }

  /** Makes the SFU producer's state match owner + server intent, and tells the gateway when it changed. */
  private async syncPaused(entry: ProducerEntry, notify = true): Promise<void> {
    const shouldPause = entry.pausedByOwner || entry.heldByServer;
    if (shouldPause === entry.producer.paused || entry.producer.closed) return;
    if (shouldPause) await entry.producer.pause();
    else await entry.producer.resume();
    if (notify) this.onEvent({ type: shouldPause ? 'producerPaused' : 'producerResumed', producer: infoOf(entry) });
  }

  private onTransportClosed(transportId: string): void {
    const entry = this.transports.get(transportId);
    if (!entry) return;
    this.transports.delete(transportId);
    this.onEvent({ type: 'transportClosed', transportId, pointId: entry.pointId });
  }

  private onProducerClosed(producerId: string): void {
    const entry = this.producers.get(producerId);
    if (!entry) return;
    this.producers.delete(producerId);
    this.onEvent({ type: 'producerClosed', producerId, pointId: entry.pointId });
  }

  private onConsumerClosed(consumerId: string): void {
    const entry = this.consumers.get(consumerId);
    if (!entry) return;
    this.consumers.delete(consumerId);
    this.onEvent({ type: 'consumerClosed', consumerId, producerId: entry.producerEntry.producer.id, pointId: entry.pointId });
  }

  private ownTransport(pointId: string, transportId: string, direction?: TransportDirection): MediaResult<TransportEntry> {
    const entry = this.transports.get(transportId);
    if (!entry) return mediaFail('NOT_FOUND', 'no such transport');
    if (entry.pointId !== pointId) return mediaFail('FORBIDDEN', 'not your transport');
    if (direction && entry.direction !== direction) return mediaFail('INVALID', `transport is not a ${direction} transport`);
    return mediaOk(entry);
  }

  private ownProducer(pointId: string, producerId: string): MediaResult<ProducerEntry> {
    const entry = this.producers.get(producerId);
    if (!entry) return mediaFail('NOT_FOUND', 'no such producer');
    if (entry.pointId !== pointId) return mediaFail('FORBIDDEN', 'not your producer');
    return mediaOk(entry);
  }

  private ownConsumer(pointId: string, consumerId: string): MediaResult<ConsumerEntry> {
    const entry = this.consumers.get(consumerId);
    if (!entry) return mediaFail('NOT_FOUND', 'no such consumer');
    if (entry.pointId !== pointId) return mediaFail('FORBIDDEN', 'not your consumer');
    return mediaOk(entry);
  }

  private findProducer(pointId: string, source: MediaSource): ProducerEntry | undefined {
    return [...this.producers.values()].find((p) => p.pointId === pointId && p.source === source);
  }

  private countTransports(pointId: string): number {
    return [...this.transports.values()].filter((t) => t.pointId === pointId).length;
  }

  private epochOf(pointId: string): number {
    return this.pointEpochs.get(pointId) ?? 0;
  }
}

function infoOf(entry: ProducerEntry): ProducerInfo {
  return {
    producerId: entry.producer.id,
    pointId: entry.pointId,
    kind: entry.producer.kind,
    source: entry.source,
    paused: entry.pausedByOwner || entry.heldByServer,
    heldByServer: entry.heldByServer,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
