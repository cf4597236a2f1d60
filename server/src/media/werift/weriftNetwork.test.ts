import { createSocket, type Socket } from 'node:dgram';
import { Message, classes, methods, parseMessage } from 'werift';
import type { SfuBackend, SfuTransport } from '../sfuBackend';
import { connectedPair, connectedPairThroughLink, sleep, waitFor } from '../testing/harness';
import { SyntheticSender } from '../testing/syntheticSender';
import { createWeriftBackend } from './weriftBackend';

const PORT_MIN = 42_400;
const PORT_MAX = 42_402;

function bindingRequest(username: string, password: string | null): Buffer {
  const request = new Message(methods.BINDING, classes.REQUEST)
    .setAttribute('USERNAME', username)
    .setAttribute('PRIORITY', 1_853_824_767)
    .setAttribute('ICE-CONTROLLING', 12345n)
    .setAttribute('USE-CANDIDATE', null);
  if (password !== null) request.addMessageIntegrity(Buffer.from(password, 'utf8'));
  return request.addFingerprint().bytes;
}

/** Sends one datagram to the transport's candidate and resolves with the first answer, or null after `ms`. */
function ask(socket: Socket, transport: SfuTransport, data: Buffer, ms = 400): Promise<Buffer | null> {
  const candidate = transport.iceCandidates[0]!;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.off('message', onMessage);
      resolve(null);
    }, ms);
    const onMessage = (msg: Buffer) => {
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve(msg);
    };
    socket.on('message', onMessage);
    socket.send(data, candidate.port, '127.0.0.1');
  });
}

/** Sockets close asynchronously; a port returns to the allocator only once its socket is closed. */
const portsReleased = () => new Promise((r) => setTimeout(r, 150));

describe('werift transports on the network', () => {
  let backend: SfuBackend;
  let socket: Socket;

  beforeAll(async () => {
    backend = await createWeriftBackend({ listenIp: '127.0.0.1', announcedIp: '203.0.113.7', portMin: PORT_MIN, portMax: PORT_MAX });
    socket = createSocket('udp4');
    await new Promise<void>((r) => socket.bind(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    socket.close();
    await backend.close();
  });

  test('binding requests are answered only when signed with the transport’s ICE password', async () => {
    const router = await backend.createRouter();
    const transport = await router.createWebRtcTransport();
    const { usernameFragment, password } = transport.iceParameters;
    const username = `${usernameFragment}:attacker`;
    expect(await ask(socket, transport, bindingRequest(username, null))).toBeNull();
    expect(await ask(socket, transport, bindingRequest(username, 'not-the-password-at-all'))).toBeNull();
    const answer = await ask(socket, transport, bindingRequest(username, password));
    expect(answer).not.toBeNull();
    const response = parseMessage(answer!, Buffer.from(password, 'utf8'));
    expect(response?.messageClass).toBe(classes.RESPONSE);
    router.close();
    await portsReleased();
  });

  test('candidates announce MEDIA_ANNOUNCED_IP on a port of the range; ports are released on close', async () => {
    const router = await backend.createRouter();
    const transports = await Promise.all([1, 2, 3].map(() => router.createWebRtcTransport()));
    const ports = transports.map((t) => t.iceCandidates[0]!.port).sort();
    expect(ports).toEqual([PORT_MIN, PORT_MIN + 1, PORT_MAX]);
    for (const t of transports) expect(t.iceCandidates[0]).toMatchObject({ address: '203.0.113.7', ip: '203.0.113.7', protocol: 'udp', type: 'host' });
    await expect(router.createWebRtcTransport()).rejects.toThrow(/no free media port/);
    const freed = transports[1]!.iceCandidates[0]!.port;
    transports[1]!.close();
    await portsReleased();
    const again = await router.createWebRtcTransport();
    expect(again.iceCandidates[0]!.port).toBe(freed);
    router.close();
    await portsReleased();
  });

  test('closing the router closes its transports with the reason', async () => {
    const router = await backend.createRouter();
    const transport = await router.createWebRtcTransport();
    const reasons: string[] = [];
    transport.events.on('close', (reason) => reasons.push(reason));
    router.close();
    expect(reasons).toEqual(['router']);
    expect(transport.closed).toBe(true);
  });
});

describe('a peer that vanishes without a word', () => {
  test('its transport closes on ICE silence, closing its producer with events', async () => {
    const backend = await createWeriftBackend({ listenIp: '127.0.0.1', portMin: 42_410, portMax: 42_419, iceSilenceTimeoutMs: 2_000 });
    const router = await backend.createRouter();
    const { transport, peer } = await connectedPair(router);
    const sender = new SyntheticSender(peer, { kind: 'audio', fps: 50, bitrateBps: 32_000 });
    const producer = await transport.produce({ kind: 'audio', rtpParameters: sender.rtpParameters() });
    const closed: string[] = [];
    transport.events.on('close', (reason) => closed.push(`transport:${reason}`));
    producer.events.on('close', (reason) => closed.push(`producer:${reason}`));
    await sleep(500);
    expect(closed).toEqual([]);
    await peer.close();
    await waitFor(() => closed.length === 2, 5_000, 'transport close');
    expect(closed.sort()).toEqual(['producer:transport', 'transport:ice']);
    await backend.close();
  });

  test('its media is a sign of life: without consent checks a transport stays open while authenticated RTP arrives, and closes once that stops too', async () => {
    const backend = await createWeriftBackend({ listenIp: '127.0.0.1', portMin: 42_420, portMax: 42_429, iceSilenceTimeoutMs: 2_000 });
    const router = await backend.createRouter();
    const { transport, peer, link } = await connectedPairThroughLink(router);
    const sender = new SyntheticSender(peer, { kind: 'audio', fps: 50, bitrateBps: 32_000 });
    await transport.produce({ kind: 'audio', rtpParameters: sender.rtpParameters() });
    const closed: string[] = [];
    transport.events.on('close', (reason) => closed.push(reason));
    link.dropStunToServer = true;
    sender.start();
    // Three silence timeouts without a consent check, the audio flowing.
    await sleep(6_000);
    expect(closed).toEqual([]);
    expect(link.dropped.stunToServer).toBeGreaterThan(0);
    sender.stop();
    await waitFor(() => closed.length === 1, 5_000, 'transport close after the media stopped');
    expect(closed).toEqual(['ice']);
    await peer.close();
    link.close();
    await backend.close();
  });
});
