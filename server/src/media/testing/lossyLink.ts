import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import type { TransportInfo } from '../../../../shared/src/media';
import { boundLoopbackSocket } from './udpRelay';

const LOOPBACK = '127.0.0.1';

/**
 * The payload type of an RTP datagram, null for anything else (STUN, DTLS, RTCP): RFC 7983 by the first byte,
 * RFC 5761 by the second. SRTP leaves the header in clear, so this reads encrypted media too.
 */
export function rtpPayloadType(datagram: Buffer): number | null {
  const [first, second] = datagram;
  if (first === undefined || second === undefined || first < 128 || first > 191) return null;
  if (second >= 192 && second <= 223) return null;
  return second & 0x7f;
}

/** STUN by its first byte (RFC 7983: 0–3). */
const isStun = (datagram: Buffer) => datagram.length > 0 && (datagram[0] ?? 255) <= 3;

/** Whether to drop an RTP packet of this payload type (called once per packet, so it may count). */
export type DropRule = (payloadType: number) => boolean;

/**
 * A lossy network in front of one server transport, the same for every backend: the peer is given the link's port
 * instead of the transport's, and each peer address gets its own socket towards the transport, as behind a NAT (an
 * ICE-lite SFU accepts any source address whose checks carry its password). RTP may be dropped either way;
 * STUN, DTLS and RTCP always pass.
 */
export class LossyLink {
  toPeer: DropRule | null = null;
  toServer: DropRule | null = null;
  /** Drop the peer's STUN (its consent checks) towards the server: what a server too busy to read its socket loses. */
  dropStunToServer = false;
  readonly dropped = { toPeer: 0, toServer: 0, stunToServer: 0 };
  private readonly towardServer = new Map<string, Socket>();

  private constructor(
    private readonly facingPeer: Socket,
    private readonly serverPort: number,
  ) {
    facingPeer.on('message', (datagram, from) => {
      if (this.drops(datagram, this.toServer)) this.dropped.toServer++;
      else if (this.dropStunToServer && isStun(datagram)) this.dropped.stunToServer++;
      else this.socketFor(from).send(datagram, this.serverPort, LOOPBACK);
    });
  }

  /** A link in front of `info`'s UDP candidate, and the transport parameters to hand the peer instead. */
  static async inFrontOf(info: TransportInfo): Promise<{ link: LossyLink; info: TransportInfo }> {
    const candidate = info.iceCandidates.find((c) => c.protocol === 'udp');
    if (!candidate) throw new Error(`transport ${info.id} has no UDP candidate`);
    const link = new LossyLink(await boundLoopbackSocket(), candidate.port);
    const port = (link.facingPeer.address() as AddressInfo).port;
    return { link, info: { ...info, iceCandidates: [{ ...candidate, address: LOOPBACK, port }] } };
  }

  close(): void {
    this.facingPeer.close();
    for (const socket of this.towardServer.values()) socket.close();
  }

  private drops(datagram: Buffer, rule: DropRule | null): boolean {
    if (!rule) return false;
    const payloadType = rtpPayloadType(datagram);
    return payloadType !== null && rule(payloadType);
  }

  private socketFor(peer: RemoteInfo): Socket {
    const key = `${peer.address}:${peer.port}`;
    let socket = this.towardServer.get(key);
    if (socket) return socket;
    // Sends queue while the bind completes.
    socket = createSocket('udp4').bind(0, LOOPBACK);
    socket.on('message', (datagram) => {
      if (this.drops(datagram, this.toPeer)) this.dropped.toPeer++;
      else this.facingPeer.send(datagram, peer.port, peer.address);
    });
    this.towardServer.set(key, socket);
    return socket;
  }
}

/** Drops every `n`th packet of `payloadType`: counted rather than random, so a slow run still sees its losses. */
export function everyNth(n: number, payloadType: number | (() => number | undefined)): DropRule {
  let seen = 0;
  return (pt) => pt === (typeof payloadType === 'function' ? payloadType() : payloadType) && ++seen % n === 0;
}
