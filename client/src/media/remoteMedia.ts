import { ConsumerInfoSchema, RtpCapabilitiesSchema, type ConsumerInfo, type DomainError } from '@diem-cau/shared';
import type { types } from 'mediasoup-client';
import type { MediaChannel } from './mediaChannel';
import { ask, forMediasoup, type Asked } from './signalling';

interface Received {
  info: ConsumerInfo;
  consumer: types.Consumer;
  /** Remote audio plays through a detached element: it keeps playing while views come and go. */
  audio: HTMLAudioElement | null;
}

/** Inbound figures of one received stream (what the e2e suite and a diagnostics view read). */
export interface ReceivedStats {
  producerId: string;
  pointId: string;
  source: ConsumerInfo['source'];
  kind: ConsumerInfo['kind'];
  bytesReceived: number;
  packetsReceived: number;
  framesDecoded: number;
  frameWidth: number;
  audioLevel: number;
  totalAudioEnergy: number;
}

/**
 * What this console receives, on its one recv transport: a consumer per producer, started paused by the hub
 * and resumed once the track is ready (the hub then asks the sender for a key frame). The transport is opened
 * with the first stream to receive: mediasoup-client connects a recv transport only with its first consumer,
 * and the hub closes a transport left unconnected (Q10), so one opened with nothing to receive would be closed
 * under a console that is merely waiting for someone to publish.
 */
export class RemoteMedia {
  private readonly received = new Map<string, Received>();
  private speakerOn: boolean;
  private transport: types.Transport | null = null;
  private opening: Promise<types.Transport | null> | null = null;
  private closed = false;

  constructor(
    private readonly open: () => Promise<Asked<types.Transport>>,
    /**
     * The hub refused: the transport (the session starts its media again, and says why) or one consume (a quota
     * of the session, its code or the conference: the session says why, the rest goes on).
     */
    private readonly onRefused: (error: DomainError, what: 'transport' | 'consume') => void,
    private readonly channel: MediaChannel,
    private readonly rtpCapabilities: types.RtpCapabilities,
    private readonly onChange: (audioBlocked?: boolean) => void,
    speakerOn: boolean,
  ) {
    this.speakerOn = speakerOn;
  }

  get transportId(): string | undefined {
    return this.transport?.id;
  }

  has(producerId: string): boolean {
    return this.received.has(producerId);
  }

  producerIds(): string[] {
    return [...this.received.keys()];
  }

  /** The decoded tracks by producer id, for the views. */
  videoTracks(): Record<string, MediaStreamTrack> {
    const tracks: Record<string, MediaStreamTrack> = {};
    for (const [id, r] of this.received) if (r.info.kind === 'video') tracks[id] = r.consumer.track;
    return tracks;
  }

  /**
   * Consumes (the hub creates the consumer paused) and resumes it once the local consumer is set up, so the
   * key frame the hub then asks for is not lost; false when the producer went away meanwhile or the hub refused.
   */
  async receive(producerId: string, isStale: () => boolean): Promise<boolean> {
    const caps = RtpCapabilitiesSchema.safeParse(this.rtpCapabilities);
    if (!caps.success) return false;
    const transport = await this.transportOpened();
    if (!transport || isStale()) return false;
    const answer = await ask(this.channel, ConsumerInfoSchema, { action: 'consume', transportId: transport.id, producerId, rtpCapabilities: caps.data });
    if (!answer.ok) {
      if (!isStale()) this.onRefused(answer.error, 'consume');
      return false;
    }
    const info = answer.value;
    if (isStale() || transport.closed) {
      void this.channel.request({ action: 'closeConsumer', consumerId: info.id });
      return false;
    }
    const consumer = await transport.consume({ id: info.id, producerId: info.producerId, kind: info.kind, rtpParameters: forMediasoup(info.rtpParameters) });
    const audio = info.kind === 'audio' ? this.play(consumer.track) : null;
    this.received.set(producerId, { info, consumer, audio });
    await this.channel.request({ action: 'resumeConsumer', consumerId: info.id });
    this.onChange();
    return true;
  }

  /** Stops receiving a producer; `tellHub` is false when the hub closed the consumer itself. */
  drop(producerId: string, tellHub = true): void {
    const r = this.received.get(producerId);
    if (!r) return;
    this.received.delete(producerId);
    if (r.audio) r.audio.srcObject = null;
    r.consumer.close();
    if (tellHub) void this.channel.request({ action: 'closeConsumer', consumerId: r.info.id });
    this.onChange();
  }

  /** The producer whose consumer the hub closed, if it is one of ours. */
  producerOfConsumer(consumerId: string): string | undefined {
    for (const [producerId, r] of this.received) if (r.info.id === consumerId) return producerId;
    return undefined;
  }

  setSpeakerOn(on: boolean): void {
    this.speakerOn = on;
    for (const r of this.received.values()) if (r.audio) r.audio.muted = !on;
  }

  /** Called from a click: browsers let audio start only after a user gesture. */
  unlockAudio(): void {
    for (const r of this.received.values()) void r.audio?.play().then(() => this.onChange(false), () => undefined);
  }

  async stats(): Promise<ReceivedStats[]> {
    return Promise.all([...this.received.values()].map(async (r) => statsOf(r.info, await r.consumer.getStats())));
  }

  close(): void {
    this.closed = true;
    for (const r of this.received.values()) if (r.audio) r.audio.srcObject = null;
    this.received.clear();
    this.transport?.close();
  }

  /** One transport for every receive; null when it could not be opened (the session is told) or this was closed. */
  private transportOpened(): Promise<types.Transport | null> {
    this.opening ??= this.open().then((opened) => {
      if (!opened.ok) {
        this.opening = null;
        if (!this.closed) this.onRefused(opened.error, 'transport');
        return null;
      }
      if (this.closed) {
        opened.value.close();
        return null;
      }
      this.transport = opened.value;
      return opened.value;
    });
    return this.opening;
  }

  private play(track: MediaStreamTrack): HTMLAudioElement {
    const audio = new Audio();
    audio.autoplay = true;
    audio.muted = !this.speakerOn;
    audio.srcObject = new MediaStream([track]);
    void audio.play().catch(() => this.onChange(true));
    return audio;
  }
}

function statsOf(info: ConsumerInfo, report: RTCStatsReport): ReceivedStats {
  let inbound: Record<string, unknown> = {};
  report.forEach((s: { type?: string }) => {
    if (s.type === 'inbound-rtp') inbound = s as Record<string, unknown>;
  });
  const num = (key: string) => (typeof inbound[key] === 'number' ? (inbound[key] as number) : 0);
  return {
    producerId: info.producerId, pointId: info.pointId, source: info.source, kind: info.kind,
    bytesReceived: num('bytesReceived'), packetsReceived: num('packetsReceived'), framesDecoded: num('framesDecoded'),
    frameWidth: num('frameWidth'), audioLevel: num('audioLevel'), totalAudioEnergy: num('totalAudioEnergy'),
  };
}
