import { randomInt } from 'node:crypto';
import * as mediasoup from 'mediasoup';
import type { types as ms } from 'mediasoup';
import { sleep, waitFor } from '../testing/harness';
import { mediasoupTestWorkerBin } from '../testing/mediasoupWorker';
import { UdpRelay } from '../testing/udpRelay';

/**
 * The guard of the test worker's SRTP port (scripts/mediasoup/patches/0003-srtp-libsrtp2.patch): media encrypted
 * by one mediasoup worker and decrypted by another, for every crypto suite the worker offers (PlainTransports
 * choose it; PipeTransports always use AEAD_AES_256_GCM), through a relay that checks the wire and tampers with it.
 */
const OPUS_PT = 111;
const PACKETS = 40;
const PAYLOAD_BYTES = 120;
const MARKER = Buffer.from('plain-opus-payload');
const LISTEN = { protocol: 'udp', ip: '127.0.0.1' } as const;
const MEDIA_CODECS: ms.RouterRtpCodecCapability[] = [{ kind: 'audio', mimeType: 'audio/opus', clockRate: 48_000, channels: 2 }];
const TAG_BYTES: Record<ms.SrtpCryptoSuite, number> = {
  AEAD_AES_256_GCM: 16,
  AEAD_AES_128_GCM: 16,
  AES_CM_128_HMAC_SHA1_80: 10,
  AES_CM_128_HMAC_SHA1_32: 4,
};

describe('SRTP between two mediasoup workers', () => {
  let workers: [ms.Worker, ms.Worker];
  let routerA: ms.Router;
  let routerB: ms.Router;
  const cleanups: Array<() => void> = [];

  beforeAll(async () => {
    const workerBin = mediasoupTestWorkerBin();
    workers = await Promise.all([mediasoup.createWorker({ workerBin, logLevel: 'error' }), mediasoup.createWorker({ workerBin, logLevel: 'error' })]);
  });
  afterAll(() => workers?.forEach((w) => w.close()));
  beforeEach(async () => {
    [routerA, routerB] = await Promise.all([workers[0].createRouter({ mediaCodecs: MEDIA_CODECS }), workers[1].createRouter({ mediaCodecs: MEDIA_CODECS })]);
  });
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    routerA.close();
    routerB.close();
  });

  test.each(Object.keys(TAG_BYTES) as ms.SrtpCryptoSuite[])('%s: every packet crosses encrypted with its tag, is decrypted intact, and a tampered one is dropped', async (suite) => {
    const options = { listenInfo: LISTEN, rtcpMux: true, comedia: false, enableSrtp: true, srtpCryptoSuite: suite };
    const [plainA, plainB] = await Promise.all([routerA.createPlainTransport(options), routerB.createPlainTransport(options)]);
    const relay = await relayBetween(plainA.tuple.localPort, plainB.tuple.localPort);
    await plainA.connect({ ip: LISTEN.ip, port: relay.portForA, srtpParameters: required(plainB.srtpParameters) });
    await plainB.connect({ ip: LISTEN.ip, port: relay.portForB, srtpParameters: required(plainA.srtpParameters) });
    const source = await DirectSource.open(routerA);
    const consumerA = await plainA.consume({ producerId: source.producer.id, rtpCapabilities: routerA.rtpCapabilities });
    const producerB = await plainB.produce({ kind: 'audio', rtpParameters: consumerA.rtpParameters });
    const sink = await DirectSink.open(routerB, producerB.id);

    await source.send(PACKETS);
    await waitFor(() => sink.payloads.length >= PACKETS, 3_000, () => `${PACKETS} packets through SRTP (got ${sink.payloads.length})`);
    expect(sink.payloads).toEqual(source.payloads);
    const media = relay.fromA.filter(isRtp);
    expect(media.length).toBeGreaterThanOrEqual(PACKETS);
    for (const datagram of media) {
      expect(datagram.includes(MARKER)).toBe(false);
      expect(datagram.length - rtpHeaderBytes(datagram) - PAYLOAD_BYTES).toBe(TAG_BYTES[suite]);
    }

    relay.alterFromA = (datagram) => (isRtp(datagram) ? flipFirstPayloadByte(datagram) : datagram);
    await source.send(10);
    await sleep(300);
    expect(sink.payloads).toHaveLength(PACKETS);
    relay.alterFromA = null;
    await source.send(10);
    await waitFor(() => sink.payloads.length >= PACKETS + 10, 3_000, 'packets after the tampering stopped');
    expect(sink.payloads.slice(PACKETS)).toEqual(source.payloads.slice(PACKETS + 10));
  });

  test('a PipeTransport pair (AEAD_AES_256_GCM) carries a producer to the other worker encrypted and intact', async () => {
    const [pipeA, pipeB] = await Promise.all([routerA.createPipeTransport({ listenInfo: LISTEN, enableSrtp: true }), routerB.createPipeTransport({ listenInfo: LISTEN, enableSrtp: true })]);
    expect(pipeA.srtpParameters?.cryptoSuite).toBe('AEAD_AES_256_GCM');
    const relay = await relayBetween(pipeA.tuple.localPort, pipeB.tuple.localPort);
    await pipeA.connect({ ip: LISTEN.ip, port: relay.portForA, srtpParameters: required(pipeB.srtpParameters) });
    await pipeB.connect({ ip: LISTEN.ip, port: relay.portForB, srtpParameters: required(pipeA.srtpParameters) });
    const source = await DirectSource.open(routerA);
    const pipeConsumer = await pipeA.consume({ producerId: source.producer.id });
    const piped = await pipeB.produce({ id: source.producer.id, kind: pipeConsumer.kind, rtpParameters: pipeConsumer.rtpParameters });
    const sink = await DirectSink.open(routerB, piped.id);

    await source.send(PACKETS);
    await waitFor(() => sink.payloads.length >= PACKETS, 3_000, () => `${PACKETS} packets through the pipe (got ${sink.payloads.length})`);
    expect(sink.payloads).toEqual(source.payloads);
    const media = relay.fromA.filter(isRtp);
    expect(media.every((d) => !d.includes(MARKER) && d.length - rtpHeaderBytes(d) - PAYLOAD_BYTES === TAG_BYTES.AEAD_AES_256_GCM)).toBe(true);
  });

  test('pipeToRouter with enableSrtp connects the two workers on its own and forwards the producer', async () => {
    const source = await DirectSource.open(routerA);
    const { pipeProducer } = await routerA.pipeToRouter({ producerId: source.producer.id, router: routerB, enableSrtp: true });
    const sink = await DirectSink.open(routerB, required(pipeProducer).id);
    await source.send(PACKETS);
    await waitFor(() => sink.payloads.length >= PACKETS, 3_000, () => `${PACKETS} packets through pipeToRouter (got ${sink.payloads.length})`);
    expect(sink.payloads).toEqual(source.payloads);
  });

  async function relayBetween(portA: number, portB: number): Promise<UdpRelay> {
    const relay = await UdpRelay.between(portA, portB);
    cleanups.push(() => relay.close());
    return relay;
  }
});

/** Opus-sized RTP packets injected into router A from Node, each payload unique and starting with MARKER. */
class DirectSource {
  readonly payloads: Buffer[] = [];
  private seq = randomInt(0, 0x10000);
  private timestamp = randomInt(0, 0xffff_ffff);

  private constructor(
    readonly producer: ms.Producer,
    private readonly ssrc: number,
  ) {}

  static async open(router: ms.Router): Promise<DirectSource> {
    const transport = await router.createDirectTransport();
    const ssrc = randomInt(1, 0xffff_ffff);
    const producer = await transport.produce({
      kind: 'audio',
      rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: OPUS_PT, clockRate: 48_000, channels: 2 }], encodings: [{ ssrc }] },
    });
    return new DirectSource(producer, ssrc);
  }

  async send(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      this.seq = (this.seq + 1) & 0xffff;
      this.timestamp = (this.timestamp + 960) >>> 0;
      const payload = Buffer.alloc(PAYLOAD_BYTES, this.payloads.length & 0xff);
      MARKER.copy(payload);
      this.payloads.push(payload);
      const header = Buffer.alloc(12);
      header[0] = 0x80;
      header[1] = OPUS_PT;
      header.writeUInt16BE(this.seq, 2);
      header.writeUInt32BE(this.timestamp, 4);
      header.writeUInt32BE(this.ssrc, 8);
      this.producer.send(Buffer.concat([header, payload]));
      await sleep(5);
    }
  }
}

/** Consumes a producer of router B into Node and keeps each packet's payload. */
class DirectSink {
  readonly payloads: Buffer[] = [];

  static async open(router: ms.Router, producerId: string): Promise<DirectSink> {
    const sink = new DirectSink();
    const transport = await router.createDirectTransport();
    const consumer = await transport.consume({ producerId, rtpCapabilities: router.rtpCapabilities });
    consumer.on('rtp', (packet: Buffer) => sink.payloads.push(packet.subarray(rtpHeaderBytes(packet))));
    return sink;
  }
}

/** RTCP shares the port (rtcp-mux): its packet types are 200–207, which RTP payload types 72–79 would collide with. */
const isRtp = (datagram: Buffer): boolean => datagram.length >= 12 && (datagram[1]! < 200 || datagram[1]! > 207);

/** Fixed header, CSRCs and the header extension: what SRTP leaves in the clear before the payload. */
function rtpHeaderBytes(packet: Buffer): number {
  const csrcs = packet[0]! & 0x0f;
  let length = 12 + csrcs * 4;
  if (packet[0]! & 0x10) length += 4 + packet.readUInt16BE(length + 2) * 4;
  return length;
}

function flipFirstPayloadByte(datagram: Buffer): Buffer {
  const at = rtpHeaderBytes(datagram);
  datagram[at] = datagram[at]! ^ 0xff;
  return datagram;
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}
