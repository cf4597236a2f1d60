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
import { closeUnlessConnected } from './connectDeadline';
import { MEDIA_LIMIT_DEFAULTS, MediaTally, type MediaLimits, type QuotaHolder } from './mediaQuota';
import type { SfuBackend, SfuConsumer, SfuProducer, SfuRouter, SfuRtpTap, SfuTransport, TappedRtp } from './sfuBackend';

export type FloorState = MediaFloor;

interface TransportEntry {
  ownerId: string;
  /** Whose quota it counts against (Q7), and its consumers with it (Q9). */
  holder: QuotaHolder;
  direction: TransportDirection;
  transport: SfuTransport;
}
interface ProducerEntry {
  ownerId: string;
  /** The point it speaks for: one producer per source per point, and the floor decides on this point. */
  pointId: string;
  source: MediaSource;
  producer: SfuProducer;
  pausedByOwner: boolean;
  heldByServer: boolean;
}
interface ConsumerEntry {
  ownerId: string;
  consumer: SfuConsumer;
  producerEntry: ProducerEntry;
}

const KIND_OF_SOURCE = { main: 'video', thumb: 'video', mic: 'audio' } as const;

/**
 * The media of one conference: every call names its owner (the gateway passes the socket: Q12) and may only
 * touch the transports, producers and consumers that owner made; a producer also names the point it speaks
 * for. Floor control reaches the media here: microphones that may not be heard are paused on the server, and
 * only `applyFloor` lifts that hold, so a modified client cannot unmute itself. Transports and consumers are
 * counted per session and per conference (Q7–Q9), and a transport left unconnected is closed (Q10).
 */
export class MediaRoom {
  private readonly transports = new Map<string, TransportEntry>();
  private readonly producers = new Map<string, ProducerEntry>();
  private readonly consumers = new Map<string, ConsumerEntry>();
  /** Bumped by closePoint so creations still in flight for a departed owner are undone. */
  private readonly ownerEpochs = new Map<string, number>();
  private readonly transportTally: MediaTally;
  private readonly consumerTally: MediaTally;
  /** Until the gateway tells us the floor, nobody is audible: fail closed. */
  private floor: FloorState | null = null;
  private isClosed = false;

  private constructor(
    private readonly router: SfuRouter,
    private readonly onEvent: (event: MediaRoomEvent) => void,
    private readonly limits: MediaLimits,
  ) {
    this.transportTally = new MediaTally('MEDIA_TRANSPORTS_QUOTA', { perSession: limits.transportsPerSession, perCode: limits.transportsPerCode, perConference: limits.transportsPerConference });
    this.consumerTally = new MediaTally('MEDIA_CONSUMERS_QUOTA', { perSession: limits.consumersPerSession, perCode: limits.consumersPerCode, perConference: limits.consumersPerConference });
  }

  static async create(backend: SfuBackend, onEvent: (event: MediaRoomEvent) => void, limits: MediaLimits = MEDIA_LIMIT_DEFAULTS): Promise<MediaRoom> {
    return new MediaRoom(await backend.createRouter(), onEvent, limits);
  }

  getRouterRtpCapabilities(): RtpCapabilities {
    return this.router.rtpCapabilities;
  }

  /** `holder` is whose quota the transport and its consumers count against; without one, the owner is its own session. */
  async createTransport(ownerId: string, direction: TransportDirection, holder: QuotaHolder = { sessionId: ownerId }): Promise<MediaResult<TransportInfo>> {
    if (this.isClosed) return mediaFail('UNAVAILABLE', 'media room closed');
    if (direction !== 'send' && direction !== 'recv') return mediaFail('INVALID', 'direction must be send or recv');
    const place = this.transportTally.take(holder);
    if (!place.ok) return place;
    const epoch = this.epochOf(ownerId);
    let transport: SfuTransport;
    try {
      transport = await this.router.createWebRtcTransport();
    } catch (error) {
      place.hold.cancel();
      return mediaFail('UNAVAILABLE', `no media transport available: ${errorText(error)}`);
    }
    if (this.isClosed || transport.closed || epoch !== this.epochOf(ownerId)) {
      place.hold.cancel();
      transport.close();
      return mediaFail('UNAVAILABLE', 'owner left while the transport was being created');
    }
    this.transports.set(transport.id, { ownerId, holder, direction, transport });
    place.hold.bind(transport.id);
    transport.events.on('close', () => this.onTransportClosed(transport.id));
    closeUnlessConnected(transport, this.limits.transportConnectMs);
    const { id, iceParameters, iceCandidates, dtlsParameters } = transport;
    return mediaOk({ id, iceParameters, iceCandidates, dtlsParameters });
  }

  async connectTransport(ownerId: string, transportId: string, dtlsParameters: unknown): Promise<MediaResult<Record<string, never>>> {
    const parsed = ConnectTransportRequestSchema.safeParse({ transportId, dtlsParameters });
    if (!parsed.success) return mediaFail('INVALID', 'invalid DTLS parameters');
    const owned = this.ownTransport(ownerId, transportId);
    if (!owned.ok) return owned;
    try {
      await owned.value.transport.connect({ dtlsParameters: parsed.data.dtlsParameters });
      return mediaOk({});
    } catch (error) {
      return mediaFail('INVALID', errorText(error));
    }
  }

  /** `pointId` is the point the producer speaks for; without one, the owner is that point. */
  async produce(ownerId: string, transportId: string, request: unknown, pointId = ownerId): Promise<MediaResult<{ producerId: string }>> {
    const parsed = ProduceRequestSchema.safeParse({ ...(isRecord(request) ? request : {}), transportId });
    if (!parsed.success) return mediaFail('INVALID', 'invalid produce request');
    const { kind, rtpParameters, appData } = parsed.data;
    if (KIND_OF_SOURCE[appData.source] !== kind) return mediaFail('INVALID', `source ${appData.source} must be ${KIND_OF_SOURCE[appData.source]}`);
    const owned = this.ownTransport(ownerId, transportId, 'send');
    if (!owned.ok) return owned;
    // One source per point, whichever socket made it: a later console of the point watches (Q12).
    if (this.findProducer(pointId, appData.source)) return mediaFail('INVALID', `point already produces ${appData.source}: close it first`);
    const epoch = this.epochOf(ownerId);
    // A microphone starts held unless the floor lets this point be heard: no audio escapes before the check.
    const held = appData.source === 'mic' && !this.mayBeHeard(pointId);
    let producer: SfuProducer;
    try {
      producer = await owned.value.transport.produce({ kind, rtpParameters, appData: { pointId, source: appData.source }, paused: held });
    } catch (error) {
      return mediaFail('INVALID', errorText(error));
    }
    if (epoch !== this.epochOf(ownerId) || producer.closed) {
      producer.close();
      return mediaFail('UNAVAILABLE', 'owner left while producing');
    }
    // The floor may have changed while the producer was being created: re-check before anyone hears it.
    const entry: ProducerEntry = { ownerId, pointId, source: appData.source, producer, pausedByOwner: false, heldByServer: held };
    this.producers.set(producer.id, entry);
    producer.events.on('close', () => this.onProducerClosed(producer.id));
    if (appData.source === 'mic') entry.heldByServer = !this.mayBeHeard(pointId);
    await this.syncPaused(entry, false);
    this.onEvent({ type: 'newProducer', producer: infoOf(entry) });
    return mediaOk({ producerId: producer.id });
  }

  async consume(ownerId: string, transportId: string, producerId: string, rtpCapabilities: unknown): Promise<MediaResult<ConsumerInfo>> {
    const parsed = ConsumeRequestSchema.safeParse({ transportId, producerId, rtpCapabilities });
    if (!parsed.success) return mediaFail('INVALID', 'invalid consume request');
    const owned = this.ownTransport(ownerId, transportId, 'recv');
    if (!owned.ok) return owned;
    const producerEntry = this.producers.get(producerId);
    if (!producerEntry) return mediaFail('NOT_FOUND', 'no such producer');
    if (!this.router.canConsume(producerId, parsed.data.rtpCapabilities)) return mediaFail('INVALID', 'this device cannot decode that stream');
    const place = this.consumerTally.take(owned.value.holder);
    if (!place.ok) return place;
    let consumer: SfuConsumer;
    try {
      // Paused until the client has set it up and calls resumeConsumer, as mediasoup recommends.
      consumer = await owned.value.transport.consume({ producerId, rtpCapabilities: parsed.data.rtpCapabilities, paused: true });
    } catch (error) {
      place.hold.cancel();
      return mediaFail('INVALID', errorText(error));
    }
    // Its producer or transport may have closed meanwhile: its close event is gone, so it would never be counted out.
    if (consumer.closed) {
      place.hold.cancel();
      return mediaFail('NOT_FOUND', 'the stream closed meanwhile');
    }
    this.consumers.set(consumer.id, { ownerId, consumer, producerEntry });
    place.hold.bind(consumer.id);
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

  async resumeConsumer(ownerId: string, consumerId: string): Promise<MediaResult<Record<string, never>>> {
    const owned = this.ownConsumer(ownerId, consumerId);
    if (!owned.ok) return owned;
    await owned.value.consumer.resume();
    return mediaOk({});
  }

  async pauseConsumer(ownerId: string, consumerId: string): Promise<MediaResult<Record<string, never>>> {
    const owned = this.ownConsumer(ownerId, consumerId);
    if (!owned.ok) return owned;
    await owned.value.consumer.pause();
    return mediaOk({});
  }

  /** The owner mutes its own source (camera off, mute button). */
  async pauseProducer(ownerId: string, producerId: string): Promise<MediaResult<ProducerInfo>> {
    const owned = this.ownProducer(ownerId, producerId);
    if (!owned.ok) return owned;
    const entry = owned.value;
    if (!entry.pausedByOwner) {
      entry.pausedByOwner = true;
      await this.syncPaused(entry);
    }
    return mediaOk(infoOf(entry));
  }

  /** The owner unmutes; a microphone held by the floor stays paused (heldByServer) until applyFloor lifts it. */
  async resumeProducer(ownerId: string, producerId: string): Promise<MediaResult<ProducerInfo>> {
    const owned = this.ownProducer(ownerId, producerId);
    if (!owned.ok) return owned;
    const entry = owned.value;
    if (entry.pausedByOwner) {
      entry.pausedByOwner = false;
      await this.syncPaused(entry);
    }
    return mediaOk(infoOf(entry));
  }

  /** Stops one consumer (the screen no longer shows that stream); the others of the point stay. */
  closeConsumer(ownerId: string, consumerId: string): MediaResult<Record<string, never>> {
    const owned = this.ownConsumer(ownerId, consumerId);
    if (!owned.ok) return owned;
    owned.value.consumer.close();
    return mediaOk({});
  }

  /** One transport goes (the socket that made it went away); its producers and consumers with it. */
  closeTransport(ownerId: string, transportId: string): MediaResult<Record<string, never>> {
    const owned = this.ownTransport(ownerId, transportId);
    if (!owned.ok) return owned;
    owned.value.transport.close();
    return mediaOk({});
  }

  closeProducer(ownerId: string, producerId: string): MediaResult<Record<string, never>> {
    const owned = this.ownProducer(ownerId, producerId);
    if (!owned.ok) return owned;
    owned.value.producer.close();
    return mediaOk({});
  }

  /**
   * Everything an owner made goes (its socket left; in the bench, a point): its transports, with their producers
   * and consumers, and the consumers others had of those producers; others get producerClosed.
   */
  closePoint(ownerId: string): void {
    this.ownerEpochs.set(ownerId, this.epochOf(ownerId) + 1);
    for (const entry of [...this.transports.values()]) if (entry.ownerId === ownerId) entry.transport.close();
  }

  /** Whether the backend has the plain-RTP seam the livestream needs (issue 13). */
  get canTap(): boolean {
    return typeof this.router.tapProducer === 'function';
  }

  /** The livestream's copy of one producer's RTP; null without the seam or the producer. */
  tapProducer(producerId: string, onRtp: (packet: TappedRtp) => void): SfuRtpTap | null {
    if (this.isClosed || !this.producers.has(producerId)) return null;
    return this.router.tapProducer?.(producerId, onRtp) ?? null;
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
    this.transportTally.release(transportId);
    this.onEvent({ type: 'transportClosed', transportId, ownerId: entry.ownerId });
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
    this.consumerTally.release(consumerId);
    this.onEvent({ type: 'consumerClosed', consumerId, producerId: entry.producerEntry.producer.id, ownerId: entry.ownerId });
  }

  private ownTransport(ownerId: string, transportId: string, direction?: TransportDirection): MediaResult<TransportEntry> {
    const entry = this.transports.get(transportId);
    if (!entry) return mediaFail('NOT_FOUND', 'no such transport');
    if (entry.ownerId !== ownerId) return mediaFail('FORBIDDEN', 'not your transport');
    if (direction && entry.direction !== direction) return mediaFail('INVALID', `transport is not a ${direction} transport`);
    return mediaOk(entry);
  }

  private ownProducer(ownerId: string, producerId: string): MediaResult<ProducerEntry> {
    const entry = this.producers.get(producerId);
    if (!entry) return mediaFail('NOT_FOUND', 'no such producer');
    if (entry.ownerId !== ownerId) return mediaFail('FORBIDDEN', 'not your producer');
    return mediaOk(entry);
  }

  private ownConsumer(ownerId: string, consumerId: string): MediaResult<ConsumerEntry> {
    const entry = this.consumers.get(consumerId);
    if (!entry) return mediaFail('NOT_FOUND', 'no such consumer');
    if (entry.ownerId !== ownerId) return mediaFail('FORBIDDEN', 'not your consumer');
    return mediaOk(entry);
  }

  private findProducer(pointId: string, source: MediaSource): ProducerEntry | undefined {
    return [...this.producers.values()].find((p) => p.pointId === pointId && p.source === source);
  }

  private epochOf(ownerId: string): number {
    return this.ownerEpochs.get(ownerId) ?? 0;
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
