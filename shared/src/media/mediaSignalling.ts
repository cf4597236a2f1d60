import { z } from 'zod';
import type { ErrorCode } from '../protocol/errors';
import {
  DtlsParametersSchema,
  MediaKindSchema,
  RtpCapabilitiesSchema,
  RtpParametersSchema,
  type DtlsParameters,
  type IceCandidate,
  type IceParameters,
  type MediaKind,
  type RtpParameters,
} from './rtpParameters';

/** What a producer carries: the main camera, its small thumbnail copy (no simulcast), or the microphone. */
export const MediaSourceSchema = z.enum(['main', 'thumb', 'mic']);
export type MediaSource = z.infer<typeof MediaSourceSchema>;

export const TransportDirectionSchema = z.enum(['send', 'recv']);
export type TransportDirection = z.infer<typeof TransportDirectionSchema>;

const MediaIdSchema = z.string().min(1).max(64);

/** Payloads of the media signalling requests, to `safeParse` at the Socket.IO boundary. */
export const CreateTransportRequestSchema = z.object({ direction: TransportDirectionSchema });
export const ConnectTransportRequestSchema = z.object({ transportId: MediaIdSchema, dtlsParameters: DtlsParametersSchema });
export const ProduceRequestSchema = z.object({
  transportId: MediaIdSchema,
  kind: MediaKindSchema,
  rtpParameters: RtpParametersSchema,
  appData: z.object({ source: MediaSourceSchema }),
});
export const ConsumeRequestSchema = z.object({
  transportId: MediaIdSchema,
  producerId: MediaIdSchema,
  rtpCapabilities: RtpCapabilitiesSchema,
});
export const ConsumerRequestSchema = z.object({ consumerId: MediaIdSchema });
export const ProducerRequestSchema = z.object({ producerId: MediaIdSchema });
export type ProduceRequest = z.infer<typeof ProduceRequestSchema>;

/** The error codes a media operation can answer with: a subset of the protocol's codes. */
export type MediaErrorCode = Extract<ErrorCode, 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID' | 'UNAVAILABLE'>;
export interface MediaError {
  code: MediaErrorCode;
  message: string;
}
export type MediaResult<T> = { ok: true; value: T } | { ok: false; error: MediaError };

export function mediaOk<T>(value: T): MediaResult<T> {
  return { ok: true, value };
}
export function mediaFail(code: MediaErrorCode, message: string): { ok: false; error: MediaError } {
  return { ok: false, error: { code, message } };
}

/** What `device.createSendTransport` / `createRecvTransport` of mediasoup-client takes. */
export interface TransportInfo {
  id: string;
  iceParameters: IceParameters;
  iceCandidates: IceCandidate[];
  dtlsParameters: DtlsParameters;
}

/** Why a producer is paused: by its own point, by the floor (server-held), or both. */
export interface ProducerInfo {
  producerId: string;
  pointId: string;
  kind: MediaKind;
  source: MediaSource;
  /** True while no media flows, whoever paused it. */
  paused: boolean;
  /** True while the floor policy holds it; only `applyFloor` lifts this. */
  heldByServer: boolean;
}

/** What `transport.consume` of mediasoup-client takes (`id`, `producerId`, `kind`, `rtpParameters`). */
export interface ConsumerInfo {
  id: string;
  producerId: string;
  kind: MediaKind;
  rtpParameters: RtpParameters;
  /** The point that produces it, and which of its sources. */
  pointId: string;
  source: MediaSource;
  producerPaused: boolean;
}

/** Notifications for the gateway to forward; `pointId` is always the point the object belongs to. */
export type MediaRoomEvent =
  | { type: 'newProducer'; producer: ProducerInfo }
  | { type: 'producerClosed'; producerId: string; pointId: string }
  | { type: 'producerPaused'; producer: ProducerInfo }
  | { type: 'producerResumed'; producer: ProducerInfo }
  | { type: 'consumerClosed'; consumerId: string; producerId: string; pointId: string }
  | { type: 'transportClosed'; transportId: string; pointId: string };
