import { randomInt, randomUUID } from 'node:crypto';
import {
  ProtectionProfileAeadAes128Gcm,
  ProtectionProfileAes128CmHmacSha1_80,
  RTCDtlsFingerprint,
  RTCDtlsParameters,
  RTCDtlsTransport,
  type RTCCertificate,
  type RtpHeader,
  type RtpPacket,
} from 'werift';
import type { DtlsParameters, IceCandidate, IceParameters, MediaKind, RtpCapabilities, RtpParameters } from '../../../../shared/src/media';
import type { SfuTransport, TransportEvents } from '../sfuBackend';
import { TypedEmitter } from '../typedEmitter';
import { WeriftConsumer } from './consumer';
import type { IceLiteEndpoint } from './iceLite';
import type { TransportLink } from './link';
import { WeriftProducer } from './producer';
import { dispatchRtcp } from './rtcpDispatch';
import { parseRtcp } from './rtcpParse';
import { TransportTimers } from './transportTimers';
import { buildConsumerRtpParameters, mapProducer } from './rtpMapping';

const EMPTY = Buffer.alloc(0);

/** A browser that has not finished ICE + DTLS this long after `connect` is not coming. */
export const CONNECT_TIMEOUT_MS = 30_000;

/** What a transport needs from its router. */
export interface RouterContext {
  readonly producers: Map<string, WeriftProducer>;
  readonly certificate: RTCCertificate;
  readonly maxIncomingBitrateBps: number;
  readonly iceSilenceTimeoutMs: number;
  onTransportClosed(transport: WeriftTransport): void;
}

type CloseReason = TransportEvents['close'][0];

/**
 * One WebRTC transport (mediasoup's WebRtcTransport): an ICE-lite endpoint, DTLS-SRTP on top, and the
 * producers or consumers that use it. Incoming RTP is routed by SSRC; every packet that carries a
 * transport-wide sequence number is recorded for congestion feedback.
 */
export class WeriftTransport implements SfuTransport, TransportLink {
  readonly id = randomUUID();
  readonly events = new TypedEmitter<TransportEvents>();
  readonly rtcpSsrc = randomInt(1, 0xffff_ffff);
  readonly iceParameters: IceParameters;
  readonly iceCandidates: IceCandidate[];
  readonly dtlsParameters: DtlsParameters;
  readonly producers = new Set<WeriftProducer>();
  readonly consumers = new Set<WeriftConsumer>();
  private readonly producersBySsrc = new Map<number, { producer: WeriftProducer; rtx: boolean }>();
  private readonly consumersBySsrc = new Map<number, WeriftConsumer>();
  private readonly dtls: RTCDtlsTransport;
  private readonly timers: TransportTimers;
  private isClosed = false;
  private isConnected = false;
  private connectCalled = false;
  private nextMid = 0;

  constructor(
    private readonly router: RouterContext,
    private readonly endpoint: IceLiteEndpoint,
    private readonly releasePort: () => void,
  ) {
    this.iceParameters = endpoint.iceParameters;
    this.iceCandidates = endpoint.iceCandidates;
    this.dtls = new RTCDtlsTransport({}, endpoint.iceTransport, router.certificate, [
      ProtectionProfileAeadAes128Gcm,
      ProtectionProfileAes128CmHmacSha1_80,
    ]);
    const fingerprints = router.certificate.getFingerprints().map((f) => ({ algorithm: f.algorithm as 'sha-256', value: f.value }));
    this.dtlsParameters = { role: 'auto', fingerprints };
    this.timers = new TransportTimers(this, endpoint.guard, router.maxIncomingBitrateBps, router.iceSilenceTimeoutMs);
    this.dtls.onRtp.subscribe((packet) => this.onRtp(packet));
  }

  get closed(): boolean {
    return this.isClosed;
  }
  get connected(): boolean {
    return this.isConnected;
  }

  async connect({ dtlsParameters }: { dtlsParameters: DtlsParameters }): Promise<void> {
    if (this.isClosed) throw new Error('transport closed');
    if (this.connectCalled) throw new Error('connect() already called');
    this.connectCalled = true;
    const remoteRole = dtlsParameters.role ?? 'auto';
    // An ICE-lite agent is always ICE-controlled, so werift's 'auto' makes it a DTLS client — as does
    // mediasoup-client. Take the opposite of whatever the browser announced.
    this.dtls.role = remoteRole === 'server' ? 'client' : 'server';
    const fingerprints = dtlsParameters.fingerprints.map((f) => new RTCDtlsFingerprint(f.algorithm, f.value));
    this.dtls.setRemoteParams(new RTCDtlsParameters(fingerprints, remoteRole));
    void this.handshake();
  }

  /** ICE then DTLS, in the background: mediasoup-client waits for our ack before it sends anything. */
  private async handshake(): Promise<void> {
    const timeout = setTimeout(() => this.close('ice'), CONNECT_TIMEOUT_MS);
    try {
      await this.endpoint.iceTransport.start();
      if (this.isClosed) return;
      this.events.emit('dtlsstatechange', 'connecting');
      await this.dtls.start();
      if (this.isClosed) return;
      clearTimeout(timeout);
      this.interceptRtcp();
      this.isConnected = true;
      this.events.emit('dtlsstatechange', 'connected');
      this.timers.onConnected();
      this.dtls.onStateChange.subscribe((state) => {
        if (state === 'closed' || state === 'failed') this.close('dtls');
      });
    } catch {
      clearTimeout(timeout);
      if (!this.isClosed) this.events.emit('dtlsstatechange', 'failed');
      this.close('dtls');
    }
  }

  /**
   * Takes the decrypted RTCP before werift parses it (see rtcpParse.ts): our parser sees each compound once,
   * and werift gets an empty buffer so it emits nothing. Runs right after dtls.start() created the session,
   * before any I/O callback can deliver a packet.
   */
  private interceptRtcp(): void {
    const session = this.dtls.srtcp;
    const decrypt = session.decrypt;
    session.decrypt = (buf: Buffer) => {
      const clear = decrypt(buf);
      this.timers.heard();
      for (const parsed of parseRtcp(clear)) dispatchRtcp(parsed, this);
      return EMPTY;
    };
  }

  async produce(options: { kind: MediaKind; rtpParameters: RtpParameters; appData?: Record<string, unknown>; paused?: boolean }): Promise<WeriftProducer> {
    if (this.isClosed) throw new Error('transport closed');
    const mapping = mapProducer(options.kind, options.rtpParameters);
    if (typeof mapping === 'string') throw new Error(mapping);
    if (this.producersBySsrc.has(mapping.ssrc) || (mapping.rtx && this.producersBySsrc.has(mapping.rtx.ssrc))) {
      throw new Error(`SSRC ${mapping.ssrc} already used on this transport`);
    }
    const producer = new WeriftProducer(options.kind, options.rtpParameters, options.appData ?? {}, mapping, this, options.paused ?? false);
    this.producers.add(producer);
    this.producersBySsrc.set(mapping.ssrc, { producer, rtx: false });
    if (mapping.rtx) this.producersBySsrc.set(mapping.rtx.ssrc, { producer, rtx: true });
    this.router.producers.set(producer.id, producer);
    producer.events.on('close', () => this.forgetProducer(producer));
    this.timers.onProducer();
    return producer;
  }

  private forgetProducer(producer: WeriftProducer): void {
    this.producers.delete(producer);
    this.router.producers.delete(producer.id);
    for (const [ssrc, entry] of this.producersBySsrc) if (entry.producer === producer) this.producersBySsrc.delete(ssrc);
  }

  async consume(options: { producerId: string; rtpCapabilities: RtpCapabilities; paused?: boolean }): Promise<WeriftConsumer> {
    if (this.isClosed) throw new Error('transport closed');
    const producer = this.router.producers.get(options.producerId);
    if (!producer) throw new Error(`producer ${options.producerId} not found`);
    const ssrc = this.freeSsrc();
    const rtxSsrc = this.freeSsrc(ssrc);
    const rtpParameters = buildConsumerRtpParameters(producer.mapping, options.rtpCapabilities, { ssrc, rtxSsrc, mid: String(this.nextMid++) });
    if (!rtpParameters) throw new Error('the receiver cannot decode this producer’s codec');
    const rtx = rtpParameters.codecs[1];
    const ids = { ssrc, rtxSsrc, payloadType: producer.mapping.routerPayloadType, rtxPayloadType: rtx ? rtx.payloadType : null };
    const consumer = new WeriftConsumer(producer, this, ids, rtpParameters, options.paused ?? false);
    producer.consumers.add(consumer);
    this.consumers.add(consumer);
    this.consumersBySsrc.set(ssrc, consumer);
    if (ids.rtxPayloadType !== null) this.consumersBySsrc.set(rtxSsrc, consumer);
    consumer.events.on('close', () => {
      this.consumers.delete(consumer);
      this.consumersBySsrc.delete(ssrc);
      this.consumersBySsrc.delete(rtxSsrc);
    });
    if (!consumer.paused) producer.requestKeyFrame();
    return consumer;
  }

  private freeSsrc(avoid?: number): number {
    for (;;) {
      const ssrc = randomInt(1, 0xffff_ffff);
      if (ssrc !== avoid && !this.consumersBySsrc.has(ssrc) && ssrc !== this.rtcpSsrc) return ssrc;
    }
  }

  private onRtp(packet: RtpPacket): void {
    const entry = this.producersBySsrc.get(packet.header.ssrc);
    if (!entry) return;
    this.timers.heard();
    const twccId = entry.producer.mapping.transportCcId;
    if (twccId !== null) {
      const ext = packet.header.extensions.find((e) => e.id === twccId);
      if (ext && ext.payload.length >= 2) this.timers.twcc.record(ext.payload.readUInt16BE(0), performance.now() * 1000);
    }
    entry.producer.handleRtp(packet, entry.rtx);
  }

  producerBySsrc(ssrc: number): WeriftProducer | undefined {
    const entry = this.producersBySsrc.get(ssrc);
    return entry && !entry.rtx ? entry.producer : undefined;
  }

  consumerBySsrc(ssrc: number): WeriftConsumer | undefined {
    return this.consumersBySsrc.get(ssrc);
  }

  sendRtp(payload: Buffer, header: RtpHeader): void {
    if (this.isConnected) void this.dtls.sendRtp(payload, header);
  }

  sendRtcp(packet: Buffer): void {
    if (!this.isConnected) return;
    try {
      void this.endpoint.iceTransport.connection.send(this.dtls.srtcp.encrypt(packet));
    } catch {
      // SRTCP not keyed yet or socket closing: RTCP is periodic or retried, losing one is fine.
    }
  }

  close(reason: CloseReason = 'closed'): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.isConnected = false;
    this.timers.stop();
    for (const consumer of [...this.consumers]) consumer.close('transport');
    for (const producer of [...this.producers]) producer.close('transport');
    void this.dtls
      .stop()
      .catch(() => undefined)
      .finally(() => this.releasePort());
    this.router.onTransportClosed(this);
    this.events.emit('close', reason);
    this.events.removeAllListeners();
  }
}
