import { z } from 'zod';
import {
  ConnectTransportRequestSchema,
  ConsumeRequestSchema,
  ConsumerRequestSchema,
  CreateTransportRequestSchema,
  ProduceRequestSchema,
  ProducerInfoSchema,
  ProducerRequestSchema,
} from './mediaSignalling';
import { RtpCapabilitiesSchema } from './rtpParameters';

/**
 * The Socket.IO `media` event: one request / ack per action, outside the event log. The acting point is
 * never in the request: the hub takes it from the session (a point acts for itself, the chair for the
 * central point, a display or a secretary only watches and listens).
 */
export const MEDIA_ACTIONS = [
  'capabilities', 'createTransport', 'connectTransport', 'produce', 'consume', 'resumeConsumer', 'pauseConsumer',
  'closeConsumer', 'pauseProducer', 'resumeProducer', 'closeProducer', 'listProducers',
] as const;
export type MediaAction = (typeof MEDIA_ACTIONS)[number];

export const MediaRequestSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('capabilities') }),
  CreateTransportRequestSchema.extend({ action: z.literal('createTransport') }),
  ConnectTransportRequestSchema.extend({ action: z.literal('connectTransport') }),
  ProduceRequestSchema.extend({ action: z.literal('produce') }),
  ConsumeRequestSchema.extend({ action: z.literal('consume') }),
  ConsumerRequestSchema.extend({ action: z.literal('resumeConsumer') }),
  ConsumerRequestSchema.extend({ action: z.literal('pauseConsumer') }),
  ConsumerRequestSchema.extend({ action: z.literal('closeConsumer') }),
  ProducerRequestSchema.extend({ action: z.literal('pauseProducer') }),
  ProducerRequestSchema.extend({ action: z.literal('resumeProducer') }),
  ProducerRequestSchema.extend({ action: z.literal('closeProducer') }),
  z.object({ action: z.literal('listProducers') }),
]);
export type MediaRequest = z.infer<typeof MediaRequestSchema>;
export type MediaRequestOf<A extends MediaAction> = Extract<MediaRequest, { action: A }>;

/** A STUN / TURN server handed to the browser's RTCPeerConnection (RTCIceServer). */
export const IceServerSchema = z.object({
  urls: z.union([z.string().min(5).max(512), z.array(z.string().min(5).max(512)).min(1).max(8)]),
  username: z.string().max(512).optional(),
  credential: z.string().max(512).optional(),
});
export type IceServer = z.infer<typeof IceServerSchema>;

/** The answer to `capabilities`: what the Device loads, how to reach the SFU, and what this session may do. */
export const MediaWelcomeSchema = z.object({
  routerRtpCapabilities: RtpCapabilitiesSchema,
  iceServers: z.array(IceServerSchema).max(8),
  /** The point this session acts for, or null for a display / secretary (they only receive). */
  pointId: z.string().nullable(),
  canProduce: z.boolean(),
  /**
   * Which owner term of the conference serves this media (its lease token, or the node alone). A `restart`
   * notice naming another term means that owner is gone: what was built with it must be built again.
   */
  epoch: z.string().max(200).optional(),
});
export type MediaWelcome = z.infer<typeof MediaWelcomeSchema>;

const ProducerClosedSchema = z.object({ producerId: z.string(), pointId: z.string() });
/**
 * Server → client `media` notices ({type, data}). Producer notices go to every media socket of the
 * conference; consumer and transport notices only to the sockets of the point that owns them.
 */
export const MediaNoticeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('newProducer'), data: ProducerInfoSchema }),
  z.object({ type: z.literal('producerPaused'), data: ProducerInfoSchema }),
  z.object({ type: z.literal('producerResumed'), data: ProducerInfoSchema }),
  z.object({ type: z.literal('producerClosed'), data: ProducerClosedSchema }),
  z.object({ type: z.literal('consumerClosed'), data: z.object({ consumerId: z.string(), producerId: z.string() }) }),
  z.object({ type: z.literal('transportClosed'), data: z.object({ transportId: z.string() }) }),
  /** A new owner took the conference over: consoles whose media has another epoch rebuild it on the new one. */
  z.object({ type: z.literal('restart'), data: z.object({ epoch: z.string().max(200) }) }),
]);
export type MediaNotice = z.infer<typeof MediaNoticeSchema>;
