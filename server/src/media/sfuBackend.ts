import type { SfuStats } from './sfuStats';
import type {
  DtlsParameters,
  IceCandidate,
  IceParameters,
  MediaKind,
  RtpCapabilities,
  RtpParameters,
} from '../../../shared/src/media';
import type { TypedEmitter } from './typedEmitter';

/**
 * The part of mediasoup's server API that the media room uses, so the C++ mediasoup worker and the werift
 * implementation are interchangeable. Names and shapes follow mediasoup v3 (router → transports →
 * producers / consumers) so what the backends hand out is what mediasoup-client expects.
 */
export interface SfuBackend {
  readonly name: 'werift' | 'mediasoup';
  /** The cascade seam, where the backend has one (mediasoup). */
  readonly pipe?: SfuProducerPipe;
  /** One router per conference: producers of one router are never visible from another. */
  createRouter(): Promise<SfuRouter>;
  /** Its transports, producers and consumers now, with their counts (metrics). */
  stats(): Promise<SfuStats>;
  close(): Promise<void>;
}

export interface SfuRouter {
  readonly id: string;
  readonly rtpCapabilities: RtpCapabilities;
  readonly closed: boolean;
  createWebRtcTransport(): Promise<SfuTransport>;
  /** False when the receiver supports none of the producer's codec. */
  canConsume(producerId: string, rtpCapabilities: RtpCapabilities): boolean;
  /**
   * The plain-RTP seam (issue 13, the livestream): a local, decrypted copy of one producer's RTP for the hub to
   * forward to FFmpeg. Null when there is no such producer. werift: a consumer handing over its packets; mediasoup: a
   * PlainTransport consumer toward a loopback socket. A backend without it leaves it out, and the stream is off on it.
   */
  tapProducer?(producerId: string, onRtp: (packet: TappedRtp) => void): SfuRtpTap | null;
  /** Closes every transport (and so every producer and consumer) of the router. */
  close(): void;
}

/**
 * The cascade seam, in mediasoup's `pipeToRouter` model; the mediasoup backend implements it (mediasoupPipe.ts),
 * werift does not. Today a conference's
 * media lives on one router on its owner node (the media gateway routes every request there). A cascade
 * would give a conference a router on further nodes, each fed the floor holder's producers over a pipe:
 * the owner exports a producer toward a remote router's pipe endpoint, that node imports it as a local
 * producer its own transports consume like any other. Consoles would not change: their media requests
 * would be routed to the node serving them rather than to the owner, and the floor (paused / resumed
 * producers) would be applied on the owner and travel down the pipe.
 */
export interface SfuProducerPipe {
  /** On the receiving node: where `router` receives piped RTP (a UDP pipe transport). */
  openPipeEndpoint(router: SfuRouter): Promise<PipeEndpoint>;
  /**
   * On the producing node: consumes `producerId` into a pipe toward `remote` (one pipe per remote endpoint, shared
   * by the producers exported to it); what the far side needs to import it. Only this crosses between nodes.
   */
  exportProducer(router: SfuRouter, producerId: string, remote: PipeEndpoint): Promise<PipedProducer>;
  /** On the receiving node: a producer of `router` fed by that pipe, under the original producer's id. */
  importProducer(router: SfuRouter, piped: PipedProducer): Promise<SfuProducer>;
}

export interface PipeEndpoint {
  /** The pipe transport's id on its own node. */
  id: string;
  ip: string;
  port: number;
}

export interface PipedProducer {
  producerId: string;
  kind: MediaKind;
  rtpParameters: RtpParameters;
  appData: Record<string, unknown>;
  /** Paused at export; later pauses travel down the pipe as silence (no RTP), not as a notice. */
  paused: boolean;
  /** The exporting pipe (the importer connects its endpoint back to it: key-frame requests go that way) and the importing one. */
  from: PipeEndpoint;
  to: PipeEndpoint;
}

/** One RTP packet of a tapped producer, as it arrived (repairs included, duplicates dropped), in router numbering. */
export interface TappedRtp {
  sequenceNumber: number;
  timestamp: number;
  marker: boolean;
  payload: Buffer;
  /** Opus: every packet; video: the first packet of a key frame. */
  keyFrameStart: boolean;
}

export interface SfuRtpTap {
  /** The producer's codec, in router terms (the stream decodes VP8 and Opus). */
  readonly mimeType: string;
  readonly payloadType: number;
  readonly closed: boolean;
  /** Asks the sender for a key frame (coalesced with the other consumers' requests). */
  requestKeyFrame(): void;
  /** Called once when the tap ends, by close() or because the producer closed. */
  onClose(listener: () => void): void;
  close(): void;
}

/** A score from 0 (unusable) to 10 (no loss), as mediasoup reports it. */
export type SfuScore = number;

export type TransportEvents = {
  /** The transport closed, by `close()`, by its router, or because the peer went away (ICE / DTLS). */
  close: [reason: 'closed' | 'router' | 'ice' | 'dtls'];
  dtlsstatechange: ['connecting' | 'connected' | 'failed' | 'closed'];
};

export interface SfuTransport {
  readonly id: string;
  readonly iceParameters: IceParameters;
  readonly iceCandidates: IceCandidate[];
  readonly dtlsParameters: DtlsParameters;
  readonly closed: boolean;
  readonly events: TypedEmitter<TransportEvents>;
  /** Resolves once the remote parameters are accepted; the handshake itself continues in the background. */
  connect(options: { dtlsParameters: DtlsParameters }): Promise<void>;
  /** `paused: true` creates it paused, so not one packet is forwarded before the caller decides. */
  produce(options: { kind: MediaKind; rtpParameters: RtpParameters; appData?: Record<string, unknown>; paused?: boolean }): Promise<SfuProducer>;
  consume(options: { producerId: string; rtpCapabilities: RtpCapabilities; paused?: boolean }): Promise<SfuConsumer>;
  close(): void;
}

export type ProducerEvents = {
  /** Closed by `close()` or because its transport closed. */
  close: [reason: 'closed' | 'transport'];
  score: [score: SfuScore];
};

export interface SfuProducer {
  readonly id: string;
  readonly kind: MediaKind;
  readonly rtpParameters: RtpParameters;
  readonly appData: Record<string, unknown>;
  readonly paused: boolean;
  readonly closed: boolean;
  readonly events: TypedEmitter<ProducerEvents>;
  /** While paused no packet of it reaches any consumer. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  close(): void;
}

export type ConsumerEvents = {
  /** A consumer whose producer closes is closed within the producer's close (reason `producer`). */
  close: [reason: 'closed' | 'transport' | 'producer'];
  /** After the producer's pause() / resume(); possibly a moment after it resolved (mediasoup's worker notifies). */
  producerpause: [];
  producerresume: [];
  score: [score: { score: SfuScore; producerScore: SfuScore }];
};

export interface SfuConsumer {
  readonly id: string;
  readonly producerId: string;
  readonly kind: MediaKind;
  readonly rtpParameters: RtpParameters;
  readonly paused: boolean;
  readonly producerPaused: boolean;
  readonly closed: boolean;
  readonly events: TypedEmitter<ConsumerEvents>;
  pause(): Promise<void>;
  /** Also asks the producer for a key frame, so the receiver can start decoding at once. */
  resume(): Promise<void>;
  requestKeyFrame(): Promise<void>;
  close(): void;
}

/** Network settings of the media plane (parsed from MEDIA_* config by the caller). */
export interface MediaNetworkOptions {
  /** Address the UDP sockets bind to (MEDIA_LISTEN_IP), e.g. 0.0.0.0 or a NIC address. */
  listenIp: string;
  /** Address announced to clients in ICE candidates (MEDIA_ANNOUNCED_IP); defaults to listenIp. */
  announcedIp?: string;
  /** Inclusive UDP port range (MEDIA_PORT_MIN / MEDIA_PORT_MAX). */
  portMin: number;
  portMax: number;
  /** Upper bound told to each sender (REMB), in bits per second. */
  maxIncomingBitrateBps?: number;
}
