import { isIPv4 } from 'node:net';
import { RTCIceGatherer, RTCIceParameters, RTCIceTransport } from 'werift';
import type { IceCandidate, IceParameters } from '../../../../shared/src/media';
import { guardIceConnection, type StunGuardStats } from './stunIntegrity';

/**
 * The ICE side of one transport: an ICE-lite agent (the server never sends checks, it only answers the
 * browser's) on exactly one UDP socket bound to the listen IP and a port chosen by the allocator.
 */
export interface IceLiteEndpoint {
  gatherer: RTCIceGatherer;
  iceTransport: RTCIceTransport;
  iceParameters: IceParameters;
  iceCandidates: IceCandidate[];
  guard: StunGuardStats;
}

/**
 * mediasoup never sends the browser's ufrag / password to the server, but werift refuses to start ICE
 * without remote parameters. An ICE-lite agent only ever answers checks signed with its own password, so
 * placeholders are harmless.
 */
const PLACEHOLDER_REMOTE = new RTCIceParameters({ iceLite: false, usernameFragment: 'mediasoup', password: 'mediasoup-client-never-tells' });

export async function createIceLiteEndpoint(listenIp: string, announcedIp: string, port: number): Promise<IceLiteEndpoint> {
  const family = isIPv4(listenIp) ? 'udp4' : 'udp6';
  const gatherer = new RTCIceGatherer({
    iceLite: true,
    // With both families off werift gathers no interface addresses: the socket and candidate come only from
    // additionalHostAddresses, bound through interfaceAddresses to exactly the listen IP.
    useIpv4: false,
    useIpv6: false,
    additionalHostAddresses: [listenIp],
    interfaceAddresses: { [family]: listenIp },
    portRange: [port, port],
  });
  await gatherer.gather();
  const host = gatherer.localCandidates.find((c) => c.port === port);
  if (!host) {
    await gatherer.connection.close();
    throw new Error(`could not bind UDP ${listenIp}:${port}`);
  }
  const guard = guardIceConnection(gatherer.connection);
  const iceTransport = new RTCIceTransport(gatherer);
  iceTransport.setRemoteParams(PLACEHOLDER_REMOTE);
  const local = gatherer.localParameters;
  return {
    gatherer,
    iceTransport,
    iceParameters: { usernameFragment: local.usernameFragment, password: local.password, iceLite: true },
    iceCandidates: [
      { foundation: 'udpcandidate', priority: host.priority, address: announcedIp, ip: announcedIp, protocol: 'udp', port, type: 'host' },
    ],
    guard,
  };
}
