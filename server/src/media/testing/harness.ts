import type { DtlsParameters, RtpCapabilities, TransportInfo } from '../../../../shared/src/media';
import type { SfuRouter, SfuTransport } from '../sfuBackend';
import { LossyLink } from './lossyLink';
import { RawPeer, type RtpReceiveMode } from './rawPeer';
import { StreamReceiver } from './streamReceiver';

const CONNECT_CONCURRENCY = 10;

/** What a browser's mediasoup-client Device would report after loading the router's capabilities. */
export function receiverCapabilities(router: SfuRouter): RtpCapabilities {
  const caps = router.rtpCapabilities;
  return {
    codecs: caps.codecs,
    headerExtensions: caps.headerExtensions?.filter((e) => e.direction !== 'recvonly'),
  };
}

export function transportInfo(t: SfuTransport): TransportInfo {
  return { id: t.id, iceParameters: t.iceParameters, iceCandidates: t.iceCandidates, dtlsParameters: t.dtlsParameters };
}

/** A server transport plus a connected Node peer on it. */
export async function connectedPair(router: SfuRouter, mode: RtpReceiveMode = 'decrypt'): Promise<{ transport: SfuTransport; peer: RawPeer }> {
  const transport = await router.createWebRtcTransport();
  return { transport, peer: await connectPeer(transport, transportInfo(transport), mode) };
}

/** The same with a LossyLink between them, which drops nothing until told to. */
export async function connectedPairThroughLink(router: SfuRouter, mode: RtpReceiveMode = 'decrypt'): Promise<{ transport: SfuTransport; peer: RawPeer; link: LossyLink }> {
  const transport = await router.createWebRtcTransport();
  const { link, info } = await LossyLink.inFrontOf(transportInfo(transport));
  return { transport, peer: await connectPeer(transport, info, mode), link };
}

async function connectPeer(transport: SfuTransport, info: TransportInfo, mode: RtpReceiveMode): Promise<RawPeer> {
  const peer = await RawPeer.connect(info, (dtlsParameters: DtlsParameters) => transport.connect({ dtlsParameters }), '127.0.0.1', mode);
  await waitFor(() => transportIsUp(transport), 5_000);
  return peer;
}

function transportIsUp(t: SfuTransport): boolean {
  return 'connected' in t ? Boolean((t as { connected: unknown }).connected) : true;
}

/** `count` Node receivers of one producer, each on its own transport, connected a few at a time. */
export async function connectReceivers(router: SfuRouter, producerId: string, count: number, peers: RawPeer[]): Promise<StreamReceiver[]> {
  const receivers: StreamReceiver[] = [];
  for (let i = 0; i < count; i += CONNECT_CONCURRENCY) {
    await Promise.all(Array.from({ length: Math.min(CONNECT_CONCURRENCY, count - i) }, async () => {
      const { transport, peer } = await connectedPair(router);
      peers.push(peer);
      const consumer = await transport.consume({ producerId, rtpCapabilities: receiverCapabilities(router) });
      receivers.push(new StreamReceiver(peer, consumer.rtpParameters));
    }));
  }
  return receivers;
}

/** `what` may be a function, read at the deadline: the failure then says the state it stopped in. */
export async function waitFor(condition: () => boolean, timeoutMs: number, what: string | (() => string) = 'condition'): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
