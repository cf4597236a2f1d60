import type { RtpCapabilities, RtpCodecCapability } from '../../../shared/src/media';

/**
 * What a conference's router accepts and sends, shared by both backends so mediasoup-client negotiates the
 * same thing whichever runs. VP8 first: mediasoup-client sends the first router codec the browser supports,
 * and every browser of our bridge points decodes VP8; H264 is there for devices that only encode H264.
 * Payload types 100+ stay clear of the RTCP range (RFC 5761). Header extensions: transport-wide sequence
 * numbers (incoming only, for congestion feedback), audio level and video orientation (forwarded).
 */
export const URI_TRANSPORT_CC = 'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01';
export const URI_AUDIO_LEVEL = 'urn:ietf:params:rtp-hdrext:ssrc-audio-level';
export const URI_VIDEO_ORIENTATION = 'urn:3gpp:video-orientation';

const VIDEO_FEEDBACK = [
  { type: 'nack' },
  { type: 'nack', parameter: 'pli' },
  { type: 'ccm', parameter: 'fir' },
  { type: 'goog-remb' },
  { type: 'transport-cc' },
];

/** The media codecs (no RTX), in mediasoup's `mediaCodecs` form for `worker.createRouter`. */
export const MEDIA_CODECS: ReadonlyArray<Omit<RtpCodecCapability, 'preferredPayloadType' | 'rtcpFeedback'>> = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48_000, channels: 2, parameters: { minptime: 10, useinbandfec: 1 } },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90_000, parameters: {} },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90_000,
    parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 },
  },
];

export const ROUTER_RTP_CAPABILITIES: RtpCapabilities = {
  codecs: [
    { ...MEDIA_CODECS[0]!, preferredPayloadType: 100, rtcpFeedback: [{ type: 'transport-cc' }] },
    { ...MEDIA_CODECS[1]!, preferredPayloadType: 101, rtcpFeedback: VIDEO_FEEDBACK },
    { kind: 'video', mimeType: 'video/rtx', preferredPayloadType: 102, clockRate: 90_000, parameters: { apt: 101 }, rtcpFeedback: [] },
    { ...MEDIA_CODECS[2]!, preferredPayloadType: 103, rtcpFeedback: VIDEO_FEEDBACK },
    { kind: 'video', mimeType: 'video/rtx', preferredPayloadType: 104, clockRate: 90_000, parameters: { apt: 103 }, rtcpFeedback: [] },
  ],
  headerExtensions: [
    { kind: 'audio', uri: URI_TRANSPORT_CC, preferredId: 5, preferredEncrypt: false, direction: 'recvonly' },
    { kind: 'video', uri: URI_TRANSPORT_CC, preferredId: 5, preferredEncrypt: false, direction: 'recvonly' },
    { kind: 'audio', uri: URI_AUDIO_LEVEL, preferredId: 10, preferredEncrypt: false, direction: 'sendrecv' },
    { kind: 'video', uri: URI_VIDEO_ORIENTATION, preferredId: 11, preferredEncrypt: false, direction: 'sendrecv' },
  ],
};
