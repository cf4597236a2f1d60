import { z } from 'zod';

/**
 * The subset of mediasoup's RTP / DTLS / ICE parameter shapes that travel between mediasoup-client and the hub.
 * Field names follow mediasoup-client 3 so its objects parse unchanged and ours are accepted by it; unknown
 * fields are stripped at the boundary. Array bounds keep a hostile client from sending megabytes of codecs.
 */

export const MediaKindSchema = z.enum(['audio', 'video']);
export type MediaKind = z.infer<typeof MediaKindSchema>;

const ParametersSchema = z.record(z.string().max(64), z.union([z.string().max(256), z.number()]));

export const RtcpFeedbackSchema = z.object({
  type: z.string().min(1).max(32),
  parameter: z.string().max(32).optional(),
});
export type RtcpFeedback = z.infer<typeof RtcpFeedbackSchema>;

const PayloadTypeSchema = z.number().int().min(0).max(127);
const SsrcSchema = z.number().int().min(0).max(0xffff_ffff);
const ExtensionIdSchema = z.number().int().min(1).max(255);

export const RtpCodecCapabilitySchema = z.object({
  kind: MediaKindSchema,
  mimeType: z.string().min(3).max(64),
  preferredPayloadType: PayloadTypeSchema,
  clockRate: z.number().int().positive().max(1_000_000),
  channels: z.number().int().positive().max(8).optional(),
  parameters: ParametersSchema.optional(),
  rtcpFeedback: z.array(RtcpFeedbackSchema).max(16).optional(),
});
export type RtpCodecCapability = z.infer<typeof RtpCodecCapabilitySchema>;

export const RtpHeaderExtensionDirectionSchema = z.enum(['sendrecv', 'sendonly', 'recvonly', 'inactive']);

export const RtpHeaderExtensionSchema = z.object({
  kind: MediaKindSchema,
  uri: z.string().min(1).max(256),
  preferredId: ExtensionIdSchema,
  preferredEncrypt: z.boolean().optional(),
  direction: RtpHeaderExtensionDirectionSchema.optional(),
});
export type RtpHeaderExtension = z.infer<typeof RtpHeaderExtensionSchema>;

export const RtpCapabilitiesSchema = z.object({
  codecs: z.array(RtpCodecCapabilitySchema).max(64).optional(),
  headerExtensions: z.array(RtpHeaderExtensionSchema).max(32).optional(),
});
export type RtpCapabilities = z.infer<typeof RtpCapabilitiesSchema>;

export const RtpCodecParametersSchema = z.object({
  mimeType: z.string().min(3).max(64),
  payloadType: PayloadTypeSchema,
  clockRate: z.number().int().positive().max(1_000_000),
  channels: z.number().int().positive().max(8).optional(),
  parameters: ParametersSchema.optional(),
  rtcpFeedback: z.array(RtcpFeedbackSchema).max(16).optional(),
});
export type RtpCodecParameters = z.infer<typeof RtpCodecParametersSchema>;

export const RtpHeaderExtensionParametersSchema = z.object({
  uri: z.string().min(1).max(256),
  id: ExtensionIdSchema,
  encrypt: z.boolean().optional(),
  parameters: ParametersSchema.optional(),
});
export type RtpHeaderExtensionParameters = z.infer<typeof RtpHeaderExtensionParametersSchema>;

export const RtpEncodingParametersSchema = z.object({
  active: z.boolean().optional(),
  ssrc: SsrcSchema.optional(),
  rid: z.string().max(16).optional(),
  codecPayloadType: PayloadTypeSchema.optional(),
  rtx: z.object({ ssrc: SsrcSchema }).optional(),
  dtx: z.boolean().optional(),
  scalabilityMode: z.string().max(16).optional(),
  scaleResolutionDownBy: z.number().positive().max(64).optional(),
  maxBitrate: z.number().int().positive().optional(),
  maxFramerate: z.number().positive().max(240).optional(),
});
export type RtpEncodingParameters = z.infer<typeof RtpEncodingParametersSchema>;

export const RtcpParametersSchema = z.object({
  cname: z.string().max(64).optional(),
  reducedSize: z.boolean().optional(),
  mux: z.boolean().optional(),
});

export const RtpParametersSchema = z.object({
  mid: z.string().max(32).optional(),
  codecs: z.array(RtpCodecParametersSchema).min(1).max(16),
  headerExtensions: z.array(RtpHeaderExtensionParametersSchema).max(16).optional(),
  encodings: z.array(RtpEncodingParametersSchema).max(4).optional(),
  rtcp: RtcpParametersSchema.optional(),
  msid: z.string().max(128).optional(),
});
export type RtpParameters = z.infer<typeof RtpParametersSchema>;

export const DtlsFingerprintSchema = z.object({
  algorithm: z.enum(['sha-1', 'sha-224', 'sha-256', 'sha-384', 'sha-512']),
  value: z.string().regex(/^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){15,63}$/, 'fingerprint: colon-separated hex bytes'),
});

export const DtlsParametersSchema = z.object({
  role: z.enum(['auto', 'client', 'server']).optional(),
  fingerprints: z.array(DtlsFingerprintSchema).min(1).max(8),
});
export type DtlsParameters = z.infer<typeof DtlsParametersSchema>;

/**
 * What the server announces. Never parsed from a client by the hub; the consoles parse it when it arrives
 * (every inbound payload is checked at the boundary), so these are schemas too.
 */
export const IceParametersSchema = z.object({
  usernameFragment: z.string().min(1).max(256),
  password: z.string().min(1).max(256),
  iceLite: z.boolean().optional(),
});
export type IceParameters = z.infer<typeof IceParametersSchema>;

export const IceCandidateSchema = z.object({
  foundation: z.string().max(64),
  priority: z.number().int().nonnegative(),
  address: z.string().min(1).max(256),
  /** mediasoup-client still reads the deprecated `ip` in places. */
  ip: z.string().min(1).max(256),
  protocol: z.enum(['udp', 'tcp']),
  port: z.number().int().min(1).max(65_535),
  type: z.enum(['host', 'srflx', 'prflx', 'relay']),
  tcpType: z.enum(['active', 'passive', 'so']).optional(),
});
export type IceCandidate = z.infer<typeof IceCandidateSchema>;
