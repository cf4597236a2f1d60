import { z } from 'zod';
import type { ErrorCode } from '../protocol/errors';
import { REASONS, type ReasonParams } from '../protocol/reasons';
import {
  DtlsParametersSchema,
  IceCandidateSchema,
  IceParametersSchema,
  MediaKindSchema,
  RtpCapabilitiesSchema,
  RtpParametersSchema,
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
export type MediaErrorCode = Extract<ErrorCode, 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID' | 'UNAVAILABLE' | 'RATE_LIMITED'>;
/** The media refusals the consoles say in words (Q7–Q9); the others are for logs and diagnostics only. */
export type MediaReason = 'MEDIA_TRANSPORTS_QUOTA' | 'MEDIA_CONSUMERS_QUOTA';
export interface MediaError {
  code: MediaErrorCode;
  message: string;
  reason?: MediaReason;
  params?: ReasonParams;
}
export type MediaResult<T> = { ok: true; value: T } | { ok: false; error: MediaError };

export function mediaOk<T>(value: T): MediaResult<T> {
  return { ok: true, value };
}
export function mediaFail(code: MediaErrorCode, message: string): { ok: false; error: MediaError } {
  return { ok: false, error: { code, message } };
}

/** A media quota's refusal: code and Vietnamese text from the reason catalogue, no retryAfterMs (waiting frees nothing). */
export function mediaRefuse(reason: MediaReason, limit: number): { ok: false; error: MediaError } {
  const params = { limit };
  return { ok: false, error: { code: REASONS[reason].code, message: REASONS[reason].vi(params), reason, params } };
}

/** What `device.createSendTransport` / `createRecvTransport` of mediasoup-client takes. */
export const TransportInfoSchema = z.object({
  id: MediaIdSchema,
  iceParameters: IceParametersSchema,
  iceCandidates: z.array(IceCandidateSchema).max(16),
  dtlsParameters: DtlsParametersSchema,
});
export type TransportInfo = z.infer<typeof TransportInfoSchema>;

/** Why a producer is paused: by its own point, by the floor (server-held), or both. */
export const ProducerInfoSchema = z.object({
  producerId: MediaIdSchema,
  pointId: z.string().min(1).max(128),
  kind: MediaKindSchema,
  source: MediaSourceSchema,
  /** True while no media flows, whoever paused it. */
  paused: z.boolean(),
  /** True while the floor policy holds it; only `applyFloor` lifts this. */
  heldByServer: z.boolean(),
});
export type ProducerInfo = z.infer<typeof ProducerInfoSchema>;

/** What `transport.consume` of mediasoup-client takes (`id`, `producerId`, `kind`, `rtpParameters`). */
export const ConsumerInfoSchema = z.object({
  id: MediaIdSchema,
  producerId: MediaIdSchema,
  kind: MediaKindSchema,
  rtpParameters: RtpParametersSchema,
  /** The point that produces it, and which of its sources. */
  pointId: z.string().min(1).max(128),
  source: MediaSourceSchema,
  producerPaused: z.boolean(),
});
export type ConsumerInfo = z.infer<typeof ConsumerInfoSchema>;

/**
 * Notifications for the gateway to forward: a producer's `pointId` is the point it speaks for; a consumer's or a
 * transport's `ownerId` is who made it and alone may touch it (the socket, for the gateway: Q12).
 */
export type MediaRoomEvent =
  | { type: 'newProducer'; producer: ProducerInfo }
  | { type: 'producerClosed'; producerId: string; pointId: string }
  | { type: 'producerPaused'; producer: ProducerInfo }
  | { type: 'producerResumed'; producer: ProducerInfo }
  | { type: 'consumerClosed'; consumerId: string; producerId: string; ownerId: string }
  | { type: 'transportClosed'; transportId: string; ownerId: string };
