import type { SfuRtpTap, TappedRtp } from '../sfuBackend';
import type { ForwardPacket } from './link';
import type { ProducerConsumer, WeriftProducer } from './producer';

/**
 * The plain-RTP seam on werift: a consumer of a producer that hands each packet to the hub (which sends it on to
 * FFmpeg) instead of to a WebRTC transport. It counts as a consumer waiting for a key frame after requestKeyFrame,
 * so the producer retries a lost PLI for it as for any screen.
 */
export class WeriftRtpTap implements SfuRtpTap, ProducerConsumer {
  private isClosed = false;
  private waiting = false;
  private readonly closeListeners: Array<() => void> = [];

  constructor(
    private readonly producer: WeriftProducer,
    private readonly onRtp: (packet: TappedRtp) => void,
  ) {
    producer.consumers.add(this);
  }

  get mimeType(): string {
    return this.producer.mapping.routerCodec.mimeType;
  }
  get payloadType(): number {
    return this.producer.mapping.routerPayloadType;
  }
  get closed(): boolean {
    return this.isClosed;
  }
  get waitingForKeyFrame(): boolean {
    return this.waiting;
  }

  forward(packet: ForwardPacket): void {
    if (this.isClosed) return;
    if (packet.keyFrameStart && !packet.retransmitted) this.waiting = false;
    this.onRtp({ sequenceNumber: packet.producerSeq, timestamp: packet.timestamp, marker: packet.marker, payload: packet.payload, keyFrameStart: packet.keyFrameStart && !packet.retransmitted });
  }

  requestKeyFrame(): void {
    if (this.isClosed || this.producer.kind !== 'video') return;
    this.waiting = true;
    this.producer.requestKeyFrame();
  }

  onProducerSenderReport(): void {}
  onProducerPaused(): void {}

  closeForProducer(): void {
    this.end();
  }

  onClose(listener: () => void): void {
    if (this.isClosed) listener();
    else this.closeListeners.push(listener);
  }

  close(): void {
    this.producer.consumers.delete(this);
    this.end();
  }

  private end(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}
