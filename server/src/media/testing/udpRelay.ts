import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';

const LOOPBACK = '127.0.0.1';

/**
 * A man in the middle between two UDP endpoints on loopback: each endpoint is connected to its own relay socket,
 * and what one sends reaches the other from the socket it was connected to (so a transport that checks the peer's
 * address accepts it). Every datagram from A towards B is recorded and can be altered on the way.
 */
export class UdpRelay {
  /** Datagrams A sent towards B, as they were on the wire. */
  readonly fromA: Buffer[] = [];
  /** Applied to each datagram from A before it is forwarded to B. */
  alterFromA: ((datagram: Buffer) => Buffer) | null = null;

  private constructor(
    private readonly facingA: Socket,
    private readonly facingB: Socket,
    portA: number,
    portB: number,
  ) {
    facingA.on('message', (datagram) => {
      this.fromA.push(Buffer.from(datagram));
      facingB.send(this.alterFromA ? this.alterFromA(Buffer.from(datagram)) : datagram, portB, LOOPBACK);
    });
    facingB.on('message', (datagram) => facingA.send(datagram, portA, LOOPBACK));
  }

  /** `portA` / `portB`: where endpoints A and B receive. */
  static async between(portA: number, portB: number): Promise<UdpRelay> {
    const [facingA, facingB] = await Promise.all([boundLoopbackSocket(), boundLoopbackSocket()]);
    return new UdpRelay(facingA, facingB, portA, portB);
  }

  /** The port A must send to. */
  get portForA(): number {
    return (this.facingA.address() as AddressInfo).port;
  }

  /** The port B must send to. */
  get portForB(): number {
    return (this.facingB.address() as AddressInfo).port;
  }

  close(): void {
    this.facingA.close();
    this.facingB.close();
  }
}

/** A UDP socket bound to a free loopback port. */
export function boundLoopbackSocket(): Promise<Socket> {
  const socket = createSocket('udp4');
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, LOOPBACK, () => resolve(socket));
  });
}
