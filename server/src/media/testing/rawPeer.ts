import {
  CipherContext,
  HashAlgorithm,
  IceCandidate as WeriftIceCandidate,
  NamedCurveAlgorithm,
  ProtectionProfileAeadAes128Gcm,
  ProtectionProfileAes128CmHmacSha1_80,
  RTCCertificate,
  RTCDtlsFingerprint,
  RTCDtlsParameters,
  RTCDtlsTransport,
  RTCIceGatherer,
  RTCIceParameters,
  RTCIceTransport,
  SignatureAlgorithm,
  isMedia,
  isRtcp,
  RtcpPacketConverter,
  RtpPacket as WeriftRtpPacket,
  type RtcpPacket,
  type RtpHeader,
  type RtpPacket,
  type SrtpSession,
} from 'werift';
import type { DtlsParameters, TransportInfo } from '../../../../shared/src/media';
import './weriftDtlsClient';

/**
 * How a peer receives RTP. `decrypt`: every packet decrypted and parsed (rtpListeners), so tests see payloads and
 * header extensions. `headers`: the SRTP header, which SRTP leaves in clear, is read without decrypting
 * (clearRtpListeners), and a listener decrypts only the packets it asks for: the media bench's receivers, so a few
 * Node processes can stand for hundreds of browsers without measuring their own decryption.
 */
export type RtpReceiveMode = 'decrypt' | 'headers';

/**
 * A Node-side WebRTC peer that speaks the mediasoup-client contract (no SDP): full ICE agent
 * (controlling, nominating), DTLS client, SRTP. Tests and the media bench use it to publish synthetic
 * streams and to receive, count and NACK exactly as a browser would, with every packet observable.
 */
export class RawPeer {
  readonly rtpListeners = new Set<(packet: RtpPacket) => void>();
  /** Fed instead of rtpListeners in `headers` mode. */
  readonly clearRtpListeners = new Set<(packet: ClearRtp) => void>();
  readonly rtcpListeners = new Set<(packet: RtcpPacket) => void>();

  private constructor(
    readonly dtls: RTCDtlsTransport,
    private readonly gatherer: RTCIceGatherer,
  ) {
    dtls.onRtp.subscribe((packet) => {
      for (const listener of this.rtpListeners) listener(packet);
    });
    dtls.onRtcp.subscribe((packet) => {
      for (const listener of this.rtcpListeners) listener(packet);
    });
    if (dtls instanceof HeaderOnlyDtlsTransport) {
      dtls.onSrtp = (data) => {
        const packet = new ClearRtp(data, dtls.srtp);
        for (const listener of this.clearRtpListeners) listener(packet);
        packet.settle();
      };
    }
  }

  /** Connects to a server transport; `connect` is the signalling call (the room's connectTransport). */
  static async connect(
    info: TransportInfo,
    connect: (dtlsParameters: DtlsParameters) => Promise<void>,
    localIp = '127.0.0.1',
    mode: RtpReceiveMode = 'decrypt',
  ): Promise<RawPeer> {
    const gatherer = new RTCIceGatherer({ useIpv4: false, useIpv6: false, additionalHostAddresses: [localIp], interfaceAddresses: { udp4: localIp } });
    await gatherer.gather();
    const ice = new RTCIceTransport(gatherer);
    gatherer.connection.iceControlling = true;
    ice.setRemoteParams(new RTCIceParameters({ iceLite: true, ...info.iceParameters }));
    for (const c of info.iceCandidates) {
      await ice.addRemoteCandidate(new WeriftIceCandidate(1, c.foundation, c.address, c.port, c.priority, c.protocol, c.type));
    }
    await ice.addRemoteCandidate(undefined);
    const certificate = await peerCertificate();
    const Dtls = mode === 'headers' ? HeaderOnlyDtlsTransport : RTCDtlsTransport;
    const dtls = new Dtls({}, ice, certificate, [ProtectionProfileAeadAes128Gcm, ProtectionProfileAes128CmHmacSha1_80]);
    dtls.role = 'client';
    dtls.setRemoteParams(new RTCDtlsParameters(info.dtlsParameters.fingerprints.map((f) => new RTCDtlsFingerprint(f.algorithm, f.value)), 'server'));
    const fingerprints = certificate.getFingerprints().map((f) => ({ algorithm: f.algorithm as 'sha-256', value: f.value }));
    await connect({ role: 'client', fingerprints });
    await ice.start();
    try {
      await handshake(dtls);
    } catch (error) {
      await dtls.stop().catch(() => undefined);
      throw error;
    }
    return new RawPeer(dtls, gatherer);
  }

  sendRtp(payload: Buffer, header: RtpHeader): void {
    void this.dtls.sendRtp(payload, header);
  }

  sendRtcp(raw: Buffer): void {
    void this.dtls.iceTransport.connection.send(this.dtls.srtcp.encrypt(raw));
  }

  /** This peer's own ICE username fragment (what it puts after the colon in its checks). */
  get localUfrag(): string {
    return this.gatherer.connection.localUsername;
  }

  /** Goes away without a word: no DTLS close_notify, its ICE agent and socket simply stop. */
  async vanish(): Promise<void> {
    this.rtpListeners.clear();
    this.clearRtpListeners.clear();
    this.rtcpListeners.clear();
    await this.dtls.iceTransport.stop().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.rtpListeners.clear();
    this.clearRtpListeners.clear();
    this.rtcpListeners.clear();
    await this.dtls.stop().catch(() => undefined);
  }
}

/**
 * One SRTP packet as received, its RTP header read in clear. `payload()` decrypts it, only while the listeners run;
 * a packet nobody decrypted still moves the SRTP context's rollover counter on (`settle`), so a later decryption of
 * the same stream uses the right packet index after a sequence-number wrap.
 */
export class ClearRtp {
  readonly ssrc: number;
  readonly sequenceNumber: number;
  readonly timestamp: number;
  readonly marker: boolean;
  readonly payloadType: number;
  private decrypted: Buffer | null | undefined;
  private settled = false;

  constructor(
    private readonly data: Buffer,
    private readonly srtp: SrtpSession,
  ) {
    this.marker = (data[1]! & 0x80) !== 0;
    this.payloadType = data[1]! & 0x7f;
    this.sequenceNumber = data.readUInt16BE(2);
    this.timestamp = data.readUInt32BE(4);
    this.ssrc = data.readUInt32BE(8);
  }

  /** The decrypted payload; null when it fails authentication or is asked for after the listeners ran. */
  payload(): Buffer | null {
    if (this.decrypted !== undefined) return this.decrypted;
    if (this.settled) return null;
    try {
      this.decrypted = WeriftRtpPacket.deSerialize(this.srtp.decrypt(this.data)).payload;
    } catch {
      this.decrypted = null;
    }
    return this.decrypted;
  }

  settle(): void {
    if (this.settled) return;
    this.settled = true;
    if (this.decrypted !== undefined) return;
    const context = this.srtp.remoteContext;
    context.updateRolloverCount(this.sequenceNumber, context.getSrtpSsrcState(this.ssrc));
  }
}

/** werift's DTLS transport with its SRTP receive path replaced: RTCP decrypted as usual, RTP handed over still encrypted. */
class HeaderOnlyDtlsTransport extends RTCDtlsTransport {
  onSrtp: (data: Buffer) => void = () => undefined;

  override startSrtp(): void {
    if (this.srtpStarted) return;
    this.srtpStarted = true;
    this.updateSrtpSession();
    this.iceTransport.connection.onData.subscribe((data) => {
      if (!isMedia(data)) return;
      if (!isRtcp(data)) return this.onSrtp(data);
      let packets: RtcpPacket[];
      try {
        packets = RtcpPacketConverter.deSerialize(this.srtcp.decrypt(data));
      } catch {
        return; // altered or malformed, as werift drops it
      }
      for (const packet of packets) this.onRtcp.execute(packet);
    });
  }
}

/** werift's `start()` never settles when the handshake fails (its retransmissions run out): the state says so. */
async function handshake(dtls: RTCDtlsTransport): Promise<void> {
  let failed: { unSubscribe: () => void } | undefined;
  try {
    await Promise.race([
      dtls.start(),
      new Promise<never>((_, reject) => {
        failed = dtls.onStateChange.subscribe((state) => {
          if (state === 'failed') reject(new Error('DTLS handshake failed'));
        });
      }),
    ]);
  } finally {
    failed?.unSubscribe();
  }
}

let certificatePromise: Promise<RTCCertificate> | undefined;

/** A certificate of its own, so the test checks the server's fingerprint handling and not a shared one. */
function peerCertificate(): Promise<RTCCertificate> {
  certificatePromise ??= CipherContext.createSelfSignedCertificateWithKey(
    { signature: SignatureAlgorithm.ecdsa_3, hash: HashAlgorithm.sha256_4 },
    NamedCurveAlgorithm.secp256r1_23,
  ).then(({ certPem, keyPem, signatureHash }) => new RTCCertificate(keyPem, certPem, signatureHash));
  return certificatePromise;
}
