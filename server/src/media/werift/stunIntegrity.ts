import { parseMessage, type IceConnection, type StunProtocol } from 'werift';

/**
 * werift answers any binding request whose USERNAME names its ufrag, without checking MESSAGE-INTEGRITY, so
 * anyone who learns the ufrag (it travels in clear in every check) could make the ICE-lite side nominate
 * an address of their choosing and receive the media sent to it. This guard sits in front of werift's STUN
 * handling and drops binding requests that are not signed with our ICE password before werift sees them.
 */

const STUN_MAGIC_COOKIE = 0x2112a442;
const STUN_HEADER_BYTES = 20;

export function isBindingRequest(data: Buffer): boolean {
  return (
    data.length >= STUN_HEADER_BYTES &&
    data[0] === 0x00 &&
    data[1] === 0x01 &&
    data.readUInt32BE(4) === STUN_MAGIC_COOKIE
  );
}

/** True when `data` is a binding request to `localUfrag` carrying a valid MESSAGE-INTEGRITY for `localPassword`. */
export function verifyBindingRequest(data: Buffer, localUfrag: string, localPassword: string): boolean {
  const message = parseMessage(data, Buffer.from(localPassword, 'utf8'));
  if (!message) return false;
  const username: unknown = message.getAttributeValue('USERNAME');
  return typeof username === 'string' && username.startsWith(`${localUfrag}:`);
}

export interface StunGuardStats {
  accepted: number;
  rejected: number;
  /** performance.now() of the last accepted check: an ICE-lite agent's only sign that its peer is alive. */
  lastAcceptedAtMs: number;
}

type Address = readonly [string, number];
type DatagramHandler = (data: Buffer, addr: Address) => void;

/** Installs the guard on every UDP socket of `connection` (call after gathering). */
export function guardIceConnection(connection: IceConnection): StunGuardStats {
  const stats: StunGuardStats = { accepted: 0, rejected: 0, lastAcceptedAtMs: performance.now() };
  for (const protocol of socketsOf(connection)) {
    const deliver: DatagramHandler = protocol.transport.onData;
    protocol.transport.onData = (data, addr) => {
      // Media and DTLS start with a byte >= 20; only STUN has the two top bits clear: one compare per packet.
      if (data[0] !== undefined && data[0] < 2 && isBindingRequest(data)) {
        if (!verifyBindingRequest(data, connection.localUsername, connection.localPassword)) {
          stats.rejected++;
          return;
        }
        stats.accepted++;
        stats.lastAcceptedAtMs = performance.now();
        followRenomination(connection, data, addr);
      }
      deliver(data, addr);
    };
  }
  return stats;
}

/**
 * werift's ICE-lite side keeps the first nominated pair for ever; browsers re-nominate (USE-CANDIDATE on
 * another pair) when the network changes or a better pair wins. Dropping the old pair lets werift nominate
 * the pair the browser now uses, as mediasoup does.
 */
function followRenomination(connection: IceConnection, data: Buffer, addr: Address): void {
  const nominated = connection.nominated;
  if (!nominated) return;
  const [host, port] = nominated.remoteAddr;
  if (host === addr[0] && port === addr[1]) return;
  const message = parseMessage(data);
  if (message?.attributesKeys.includes('USE-CANDIDATE')) connection.resetNominatedPair();
}

/** werift keeps its sockets in a private field; read it defensively so a werift upgrade fails loudly here. */
function socketsOf(connection: IceConnection): StunProtocol[] {
  const protocols: unknown = Reflect.get(connection, 'protocols');
  if (!Array.isArray(protocols)) throw new Error('werift Connection.protocols not found: STUN guard cannot be installed');
  return protocols.filter((p): p is StunProtocol => typeof (p as Partial<StunProtocol>).transport?.onData === 'function');
}
