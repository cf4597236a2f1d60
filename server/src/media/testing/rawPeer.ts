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
  type RtcpPacket,
  type RtpHeader,
  type RtpPacket,
} from 'werift';
import type { DtlsParameters, TransportInfo } from '../../../../shared/src/media';

/**
 * A Node-side WebRTC peer that speaks the mediasoup-client contract (no SDP): full ICE agent
 * (controlling, nominating), DTLS client, SRTP. Tests and the media bench use it to publish synthetic
 * streams and to receive, count and NACK exactly as a browser would, with every packet observable.
 */
export class RawPeer {
  readonly rtpListeners = new Set<(packet: RtpPacket) => void>();
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
  }

  /** Connects to a server transport; `connect` is the signalling call (the room's connectTransport). */
  static async connect(info: TransportInfo, connect: (dtlsParameters: DtlsParameters) => Promise<void>, localIp = '127.0.0.1'): Promise<RawPeer> {
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
    const dtls = new RTCDtlsTransport({}, ice, certificate, [ProtectionProfileAeadAes128Gcm, ProtectionProfileAes128CmHmacSha1_80]);
    dtls.role = 'client';
    dtls.setRemoteParams(new RTCDtlsParameters(info.dtlsParameters.fingerprints.map((f) => new RTCDtlsFingerprint(f.algorithm, f.value)), 'server'));
    const fingerprints = certificate.getFingerprints().map((f) => ({ algorithm: f.algorithm as 'sha-256', value: f.value }));
    await connect({ role: 'client', fingerprints });
    await ice.start();
    await dtls.start();
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
    this.rtcpListeners.clear();
    await this.dtls.iceTransport.stop().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.rtpListeners.clear();
    this.rtcpListeners.clear();
    await this.dtls.stop().catch(() => undefined);
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
