import { createSocket, type Socket } from 'node:dgram';
import type { types as ms } from 'mediasoup';
import { isKeyFrameStart } from '../werift/keyframe';
import type { SfuRtpTap, TappedRtp } from '../sfuBackend';

/**
 * The plain-RTP seam on mediasoup (issue 13): the producer consumed into a PlainTransport toward a loopback UDP
 * socket of the hub, which reads the RTP (mediasoup sends it unencrypted, in the router's payload types). The
 * transport and its consumer are made in the background; packets flow once they are (the stream waits for a key
 * frame anyway). Key-frame requests go to the consumer, which mediasoup forwards to the sender.
 */
export class MediasoupRtpTap implements SfuRtpTap {
  private isClosed = false;
  private readonly closeListeners: Array<() => void> = [];
  private readonly socket: Socket;
  private transport: ms.PlainTransport | null = null;
  private consumer: ms.Consumer | null = null;
  private keyFrameWanted = false;
  /** The consumer's media SSRC and payload type, once it exists. */
  private media: { ssrc: number; payloadType: number } | null = null;
  readonly mimeType: string;
  readonly payloadType: number;

  constructor(router: ms.Router, private readonly producer: ms.Producer, private readonly onRtp: (packet: TappedRtp) => void) {
    const codec = producer.rtpParameters.codecs[0]!;
    this.mimeType = codec.mimeType;
    this.payloadType = router.rtpCapabilities.codecs?.find((c) => c.mimeType.toLowerCase() === codec.mimeType.toLowerCase())?.preferredPayloadType ?? codec.payloadType;
    const videoCodec = codec.mimeType.toLowerCase() === 'video/h264' ? 'h264' : 'vp8';
    this.socket = createSocket('udp4');
    this.socket.on('message', (msg) => {
      // Only the consumer's media packets: not RTCP on the muxed port, RTX repairs or mediasoup's probation padding.
      if (this.isClosed || !this.media || msg.length <= 12 || (msg[1]! & 0x7f) !== this.media.payloadType || msg.readUInt32BE(8) !== this.media.ssrc) return;
      const csrc = msg[0]! & 0x0f;
      let offset = 12 + csrc * 4;
      if (msg[0]! & 0x10) offset += 4 + msg.readUInt16BE(offset + 2) * 4;
      let end = msg.length;
      if (msg[0]! & 0x20) end -= msg[msg.length - 1]!;
      const payload = msg.subarray(offset, end);
      if (payload.length === 0) return;
      const keyFrameStart = producer.kind === 'audio' || isKeyFrameStart(videoCodec, payload);
      this.onRtp({ sequenceNumber: msg.readUInt16BE(2), timestamp: msg.readUInt32BE(4), marker: (msg[1]! & 0x80) !== 0, payload, keyFrameStart });
    });
    producer.observer.once('close', () => this.close());
    void this.open(router).catch(() => this.close());
  }

  private async open(router: ms.Router): Promise<void> {
    await new Promise<void>((resolve) => this.socket.bind(0, '127.0.0.1', resolve));
    const transport = await router.createPlainTransport({ listenInfo: { protocol: 'udp', ip: '127.0.0.1' }, rtcpMux: true, comedia: false });
    if (this.isClosed) return transport.close();
    this.transport = transport;
    await transport.connect({ ip: '127.0.0.1', port: this.socket.address().port });
    const consumer = await transport.consume({ producerId: this.producer.id, rtpCapabilities: router.rtpCapabilities, paused: false });
    if (this.isClosed) return consumer.close();
    this.consumer = consumer;
    this.media = { ssrc: consumer.rtpParameters.encodings?.[0]?.ssrc ?? 0, payloadType: consumer.rtpParameters.codecs[0]!.payloadType };
    consumer.observer.once('close', () => this.close());
    if (this.keyFrameWanted) await consumer.requestKeyFrame();
  }

  get closed(): boolean {
    return this.isClosed;
  }

  requestKeyFrame(): void {
    if (this.isClosed || this.producer.kind !== 'video') return;
    if (this.consumer) void this.consumer.requestKeyFrame().catch(() => undefined);
    else this.keyFrameWanted = true;
  }

  onClose(listener: () => void): void {
    if (this.isClosed) listener();
    else this.closeListeners.push(listener);
  }

  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.transport?.close();
    try {
      this.socket.close();
    } catch {
      // Not bound yet.
    }
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}
