import type { ConsumerInfo, DtlsParameters, MediaFloor, MediaResult, RtpCapabilities, TransportInfo } from '../../../shared/src/media';

/**
 * The bench's processes: the coordinator (scripts/bench/media.ts) drives the SFU child, the publishers' child and
 * the receivers' children over IPC. The publishers and receivers signal to the SFU through the coordinator, which
 * relays their SfuRequests as they are.
 */

/** Requests to the SFU child, and what each answers. */
export type SfuRequest =
  | { op: 'caps' }
  | { op: 'createTransport'; pointId: string; direction: 'send' | 'recv' }
  | { op: 'connect'; pointId: string; transportId: string; dtlsParameters: DtlsParameters }
  | { op: 'produce'; pointId: string; transportId: string; request: unknown }
  | { op: 'consume'; pointId: string; transportId: string; producerId: string; rtpCapabilities: RtpCapabilities }
  | { op: 'resume'; pointId: string; consumerId: string }
  | { op: 'closeTransport'; pointId: string; transportId: string }
  | { op: 'floor'; floor: MediaFloor }
  | { op: 'switchFloor'; floor: MediaFloor; resumeProducerId: string; pauseProducerId: string }
  | { op: 'sample'; edge: 'start' | 'end' };

export interface SfuSample {
  /** CPU of the SFU's processes (its Node process and, for mediasoup, its worker), user + system, microseconds. */
  cpuMicros: number;
  /** performance.now() in the SFU process. */
  atMs: number;
  /** RTP packets sent to consumers (first transmissions) and retransmissions, since start. */
  forwarded: number;
  retransmitted: number;
  /** The SFU process's event-loop delay since the window's start (werift forwards on it; mediasoup signals on it), ms. */
  loopLagP99Ms: number;
  loopLagMaxMs: number;
}

/** A floor switch as the SFU did it: when it began (wall clock, ms) and how long its calls took to return. */
export interface SfuSwitch {
  startedAtMs: number;
  callsMs: number;
}

export type SfuAnswer<R extends SfuRequest['op']> = R extends 'caps'
  ? RtpCapabilities
  : R extends 'createTransport'
    ? MediaResult<TransportInfo>
    : R extends 'consume'
      ? MediaResult<ConsumerInfo>
      : R extends 'sample'
        ? SfuSample
        : R extends 'produce'
          ? MediaResult<{ producerId: string }>
          : R extends 'switchFloor'
            ? SfuSwitch
            : MediaResult<unknown> | null;

export const VIDEO_BITRATE_BPS = 1_500_000;
export const VIDEO_FPS = 30;

/** One publishing point's producers. */
export interface PublishedPoint {
  pointId: string;
  videoId: string;
  audioId: string;
}

/** Requests to the publishers' child. */
export type PublisherRequest = { op: 'start'; pointIds: string[] } | { op: 'sample' };

export interface PublisherSample {
  /** Wall clock, ms. */
  atMs: number;
  /** Video frames sent so far, per point. */
  frames: Record<string, number>;
}

/** Requests to a receivers' child. */
export type ReceiverRequest =
  | { op: 'add'; indices: number[]; rtpCapabilities: RtpCapabilities; points: PublishedPoint[]; liveVideoId: string }
  /** Start waiting, on every receiver, for the next key frame of this producer's video. */
  | { op: 'arm'; producerId: string }
  /** Wall-clock arrival of the armed key frame's last packet at each receiver; null past the timeout. */
  | { op: 'collect'; timeoutMs: number }
  | { op: 'sample' };

export interface ReceiversAdded {
  /** Receivers in this process. */
  receivers: number;
  /** DTLS handshakes this process abandoned and tried again on a new transport, so far. */
  connectRetries: number;
}

export interface ReceiverCounts {
  /** Video frames (marker bits) over both video streams: one is live at a time. */
  frames: number;
  /** Sequence numbers never received, over all four streams. */
  missing: number;
  packets: number;
}

export interface ReceiverSample {
  /** Wall clock, ms. */
  atMs: number;
  receivers: ReceiverCounts[];
}

/** Child → coordinator: an answer to one of its requests, or a request to relay to the SFU. */
export type ChildMessage = { id: number; body: unknown } | { id: number; error: string } | { relayId: number; request: SfuRequest };
/** Coordinator → child: a request, or the SFU's answer to a relayed one. */
export type ParentMessage = { id: number; body: unknown } | { relayId: number; answer: unknown };

/** Wall-clock milliseconds, comparable across the bench's processes on one machine. */
export function wallMs(): number {
  return performance.timeOrigin + performance.now();
}
