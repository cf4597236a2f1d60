import { randomUUID } from 'node:crypto';
import {
  PROTOCOL_VERSION, type Ack, type ClientToServerEvents, type DtlsParameters, type MediaNotice, type MediaWelcome, type ProducerInfo,
  type ServerToClientEvents, type TransportInfo,
} from '@diem-cau/shared';
import { io, type Socket } from 'socket.io-client';
import { waitFor } from './harness';
import { RawPeer } from './rawPeer';
import { SyntheticSender, TransportSequence, type SyntheticSenderOptions } from './syntheticSender';
import { StreamReceiver } from './streamReceiver';

type MediaAck = Ack<{ data?: unknown }>;

/**
 * A console's media side without a browser: a real Socket.IO client speaking the `media` event, with Node
 * WebRTC peers (RawPeer) for the transports, so tests see both the signalling and the packets.
 */
export class MediaTestClient {
  readonly notices: MediaNotice[] = [];
  private readonly cleanups: Array<() => unknown> = [];

  private constructor(readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>, readonly conferenceId: string) {
    socket.on('media', (notice) => this.notices.push(notice as MediaNotice));
  }

  static async connect(url: string, token: string, conferenceId: string): Promise<MediaTestClient> {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, { auth: { token, protocol: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return new MediaTestClient(socket, conferenceId);
  }

  request(body: unknown): Promise<MediaAck> {
    return this.socket.timeout(5_000).emitWithAck('media', body) as Promise<MediaAck>;
  }

  /** The ack's data, or a thrown error naming the refusal. */
  async must<T>(body: Record<string, unknown>): Promise<T> {
    const ack = await this.request(body);
    if (!ack.ok) throw new Error(`${String(body.action)} refused: ${ack.error.code} ${ack.error.message}`);
    return ack.data as T;
  }

  command(input: Record<string, unknown>): Promise<Ack<{ seq: number }>> {
    return this.socket.timeout(5_000).emitWithAck('command', { commandId: randomUUID(), conferenceId: this.conferenceId, ...input }) as Promise<Ack<{ seq: number }>>;
  }

  welcome(): Promise<MediaWelcome> {
    return this.must<MediaWelcome>({ action: 'capabilities' });
  }

  async transport(direction: 'send' | 'recv'): Promise<{ info: TransportInfo; peer: RawPeer }> {
    const info = await this.must<TransportInfo>({ action: 'createTransport', direction });
    const peer = await RawPeer.connect(info, async (dtlsParameters: DtlsParameters) => {
      await this.must({ action: 'connectTransport', transportId: info.id, dtlsParameters });
    });
    this.cleanups.push(() => peer.close());
    return { info, peer };
  }

  /** Publishes a synthetic microphone (and camera) the way mediasoup-client's send transport would. */
  async publish(withCamera = false, camera: Partial<Pick<SyntheticSenderOptions, 'codec' | 'vp8KeyFrame' | 'fps'>> = {}): Promise<{ micId: string; cameraId: string | null; transportId: string }> {
    const { info, peer } = await this.transport('send');
    const seq = new TransportSequence();
    const mic = new SyntheticSender(peer, { kind: 'audio', fps: 50, bitrateBps: 32_000 }, seq);
    const { producerId: micId } = await this.must<{ producerId: string }>({ action: 'produce', transportId: info.id, kind: 'audio', rtpParameters: mic.rtpParameters(), appData: { source: 'mic' } });
    mic.start();
    this.cleanups.push(() => mic.stop());
    let cameraId: string | null = null;
    if (withCamera) {
      const cam = new SyntheticSender(peer, { kind: 'video', fps: 30, bitrateBps: 400_000, ...camera }, seq);
      cameraId = (await this.must<{ producerId: string }>({ action: 'produce', transportId: info.id, kind: 'video', rtpParameters: cam.rtpParameters(), appData: { source: 'main' } })).producerId;
      cam.start();
      this.cleanups.push(() => cam.stop());
    }
    return { micId, cameraId, transportId: info.id };
  }

  /** Consumes a producer on a fresh recv transport, resumes it, and counts what arrives. */
  async listen(producerId: string): Promise<{ consumerId: string; receiver: StreamReceiver }> {
    const { routerRtpCapabilities } = await this.welcome();
    const { info, peer } = await this.transport('recv');
    const consumer = await this.must<{ id: string; rtpParameters: never }>({ action: 'consume', transportId: info.id, producerId, rtpCapabilities: routerRtpCapabilities });
    const receiver = new StreamReceiver(peer, consumer.rtpParameters);
    this.cleanups.push(() => receiver.close());
    await this.must({ action: 'resumeConsumer', consumerId: consumer.id });
    return { consumerId: consumer.id, receiver };
  }

  async producers(): Promise<ProducerInfo[]> {
    return this.must<ProducerInfo[]>({ action: 'listProducers' });
  }

  async waitForNotice(match: (n: MediaNotice) => boolean, what: string, timeoutMs = 3_000): Promise<MediaNotice> {
    await waitFor(() => this.notices.some(match), timeoutMs, what);
    return this.notices.find(match)!;
  }

  /** Drops this client's transports, senders and receivers, keeping its socket (what a console does on a media restart). */
  async resetMedia(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0).reverse()) await cleanup();
  }

  async close(): Promise<void> {
    this.socket.close();
    await this.resetMedia();
  }
}
