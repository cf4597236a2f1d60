import type {
  MediaKind,
  RtcpFeedback,
  RtpCapabilities,
  RtpCodecCapability,
  RtpCodecParameters,
  RtpHeaderExtensionParameters,
  RtpParameters,
} from '../../../../shared/src/media';
import { ROUTER_RTP_CAPABILITIES, URI_AUDIO_LEVEL, URI_TRANSPORT_CC, URI_VIDEO_ORIENTATION } from '../routerCapabilities';
import type { VideoCodecName } from './keyframe';

/**
 * Translation between a producer's own numbering (the browser's payload types and extension ids, as
 * mediasoup-client sends them) and the router's (what every consumer is told), done once at produce time so
 * the per-packet path only looks numbers up.
 */
export interface ProducerMapping {
  kind: MediaKind;
  routerCodec: RtpCodecCapability;
  codecName: VideoCodecName | 'opus';
  /** Producer payload type → router payload type. */
  payloadType: number;
  routerPayloadType: number;
  ssrc: number;
  rtx: { ssrc: number; payloadType: number } | null;
  nack: boolean;
  cname: string;
  /** Producer extension id → router extension id, for the extensions consumers receive. */
  forwardedExtensions: Map<number, number>;
  transportCcId: number | null;
}

const FORWARDED_EXTENSIONS = [URI_AUDIO_LEVEL, URI_VIDEO_ORIENTATION];

export function mapProducer(kind: MediaKind, rtp: RtpParameters): ProducerMapping | string {
  const codec = rtp.codecs.find((c) => !isRtx(c.mimeType));
  if (!codec) return 'no media codec';
  const routerCodec = routerCodecs(kind).find((r) => codecsMatch(r, codec));
  if (!routerCodec) return `codec ${codec.mimeType} is not supported`;
  const encoding = rtp.encodings?.[0];
  if (encoding?.ssrc === undefined) return 'encodings[0].ssrc is required (simulcast is not supported)';
  if ((rtp.encodings?.length ?? 0) > 1) return 'simulcast is not supported: publish a separate thumbnail track';
  const rtxCodec = rtp.codecs.find((c) => isRtx(c.mimeType) && Number(c.parameters?.['apt']) === codec.payloadType);
  const rtx = rtxCodec && encoding.rtx ? { ssrc: encoding.rtx.ssrc, payloadType: rtxCodec.payloadType } : null;
  return {
    kind,
    routerCodec,
    codecName: codecNameOf(codec.mimeType),
    payloadType: codec.payloadType,
    routerPayloadType: routerCodec.preferredPayloadType,
    ssrc: encoding.ssrc,
    rtx,
    nack: hasFeedback(codec.rtcpFeedback, 'nack'),
    cname: rtp.rtcp?.cname ?? `producer-${encoding.ssrc}`,
    forwardedExtensions: extensionIdMap(kind, rtp.headerExtensions ?? []),
    transportCcId: rtp.headerExtensions?.find((e) => e.uri === URI_TRANSPORT_CC)?.id ?? null,
  };
}

function extensionIdMap(kind: MediaKind, exts: readonly RtpHeaderExtensionParameters[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const ext of exts) {
    if (!FORWARDED_EXTENSIONS.includes(ext.uri)) continue;
    const routerExt = ROUTER_RTP_CAPABILITIES.headerExtensions?.find((r) => r.kind === kind && r.uri === ext.uri);
    if (routerExt) map.set(ext.id, routerExt.preferredId);
  }
  return map;
}

/** The consumer's codec entry in `caps`, or undefined when it cannot receive this producer. */
export function consumerCodecFor(mapping: ProducerMapping, caps: RtpCapabilities): RtpCodecCapability | undefined {
  return caps.codecs?.find((c) => c.kind === mapping.kind && !isRtx(c.mimeType) && codecsMatch(mapping.routerCodec, c));
}

/** What mediasoup-client's `transport.consume()` needs, in router numbering, or null if incompatible. */
export function buildConsumerRtpParameters(
  mapping: ProducerMapping,
  caps: RtpCapabilities,
  ids: { ssrc: number; rtxSsrc: number; mid: string },
): RtpParameters | null {
  const capCodec = consumerCodecFor(mapping, caps);
  if (!capCodec) return null;
  const router = mapping.routerCodec;
  // Only feedback the SFU itself answers: NACK from its cache, PLI / FIR toward the producer.
  const feedback = (router.rtcpFeedback ?? []).filter(
    (fb) => (fb.type === 'nack' || fb.type === 'ccm') && hasFeedback(capCodec.rtcpFeedback, fb.type, fb.parameter),
  );
  const codecs: RtpCodecParameters[] = [codecParameters(router, feedback)];
  const routerRtx = routerCodecs(mapping.kind).find((c) => isRtx(c.mimeType) && Number(c.parameters?.['apt']) === router.preferredPayloadType);
  const capRtx = caps.codecs?.find((c) => isRtx(c.mimeType) && Number(c.parameters?.['apt']) === capCodec.preferredPayloadType);
  const useRtx = Boolean(routerRtx && capRtx && hasFeedback(feedback, 'nack'));
  if (useRtx && routerRtx) codecs.push(codecParameters(routerRtx, []));
  return {
    mid: ids.mid,
    codecs,
    headerExtensions: consumerExtensions(mapping.kind, caps),
    encodings: [useRtx ? { ssrc: ids.ssrc, rtx: { ssrc: ids.rtxSsrc } } : { ssrc: ids.ssrc }],
    rtcp: { cname: mapping.cname, reducedSize: true, mux: true },
  };
}

function consumerExtensions(kind: MediaKind, caps: RtpCapabilities): RtpHeaderExtensionParameters[] {
  return (ROUTER_RTP_CAPABILITIES.headerExtensions ?? [])
    .filter((r) => r.kind === kind && FORWARDED_EXTENSIONS.includes(r.uri))
    .filter((r) => caps.headerExtensions?.some((c) => c.kind === kind && c.uri === r.uri && c.preferredId === r.preferredId))
    .map((r) => ({ uri: r.uri, id: r.preferredId, encrypt: false, parameters: {} }));
}

function codecParameters(c: RtpCodecCapability, rtcpFeedback: RtcpFeedback[]): RtpCodecParameters {
  return {
    mimeType: c.mimeType,
    payloadType: c.preferredPayloadType,
    clockRate: c.clockRate,
    ...(c.channels === undefined ? {} : { channels: c.channels }),
    parameters: { ...(c.parameters ?? {}) },
    rtcpFeedback,
  };
}

function routerCodecs(kind: MediaKind): RtpCodecCapability[] {
  return (ROUTER_RTP_CAPABILITIES.codecs ?? []).filter((c) => c.kind === kind);
}

/** Same codec for forwarding purposes: mime type, clock rate, channels, and H264 packetization mode. */
export function codecsMatch(a: { mimeType: string; clockRate: number; channels?: number; parameters?: Record<string, unknown> }, b: typeof a): boolean {
  if (a.mimeType.toLowerCase() !== b.mimeType.toLowerCase() || a.clockRate !== b.clockRate) return false;
  if (a.mimeType.toLowerCase().startsWith('audio/') && (a.channels ?? 1) !== (b.channels ?? 1)) return false;
  if (a.mimeType.toLowerCase() === 'video/h264') {
    return Number(a.parameters?.['packetization-mode'] ?? 0) === Number(b.parameters?.['packetization-mode'] ?? 0);
  }
  return true;
}

function isRtx(mimeType: string): boolean {
  return mimeType.toLowerCase().endsWith('/rtx');
}

function hasFeedback(list: readonly RtcpFeedback[] | undefined, type: string, parameter?: string): boolean {
  return (list ?? []).some((fb) => fb.type === type && (fb.parameter ?? '') === (parameter ?? ''));
}

function codecNameOf(mimeType: string): VideoCodecName | 'opus' {
  const lower = mimeType.toLowerCase();
  return lower === 'video/h264' ? 'h264' : lower === 'video/vp8' ? 'vp8' : 'opus';
}
