import type { RtpHeader } from 'werift';

/** What producers and consumers need from the transport they live on. */
export interface TransportLink {
  /** The SSRC the SFU signs its RTCP on this transport with. */
  readonly rtcpSsrc: number;
  readonly connected: boolean;
  sendRtp(payload: Buffer, header: RtpHeader): void;
  /** One serialized RTCP packet (or several concatenated). */
  sendRtcp(packet: Buffer): void;
}

/** A packet as the producer hands it to its consumers: already in router numbering, no padding. */
export interface ForwardPacket {
  producerSeq: number;
  timestamp: number;
  marker: boolean;
  payload: Buffer;
  /** Forwarded header extensions, ids already mapped to the router's. */
  extensions: Array<{ id: number; payload: Buffer }>;
  keyFrameStart: boolean;
  /** Arrived late, as a repair: never a starting point, the packets after it may already be gone. */
  retransmitted: boolean;
}

