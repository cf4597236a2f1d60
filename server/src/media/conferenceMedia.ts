import { sameFloor, type MediaFloor, type MediaNotice } from '@diem-cau/shared';
import type { MediaRoomEvent } from '../../../shared/src/media';
import { MediaRoom } from './mediaRoom';
import type { SfuBackend } from './sfuBackend';

/** What the media plane needs of a Socket.IO socket: its id, a way to notify it, and its departure. */
export interface MediaSocket {
  readonly id: string;
  emit(event: 'media', notice: MediaNotice): unknown;
  once(event: 'disconnect', listener: () => void): unknown;
}

/** Who a media socket acts as: the owner of what it creates in the room. */
export interface MediaIdentity {
  /** The point for a point or chair session; a per-socket watcher id (`#display:…`) otherwise. */
  ownerId: string;
  /** The point this session speaks for, or null when it only watches and listens. */
  pointId: string | null;
  canProduce: boolean;
}

interface SocketEntry {
  socket: MediaSocket;
  identity: MediaIdentity;
  transports: Set<string>;
}

/**
 * One conference's media on this hub node: the MediaRoom, the sockets that use it (and what each created),
 * and the floor last applied. Floor changes are applied one after another, in commit order.
 */
export class ConferenceMedia {
  private readonly sockets = new Map<string, SocketEntry>();
  private floorChain: Promise<void> = Promise.resolve();
  private appliedFloor: MediaFloor | null = null;
  private isClosed = false;
  private readonly closeListeners: Array<() => void> = [];

  private constructor(
    readonly conferenceId: string,
    private roomRef: MediaRoom | null,
    private readonly onEmpty: (media: ConferenceMedia) => void,
  ) {}

  /** Creates the room and applies the current floor before anyone can produce: microphones start fail-closed. */
  static async open(conferenceId: string, backend: SfuBackend, floor: MediaFloor, onEmpty: (media: ConferenceMedia) => void): Promise<ConferenceMedia> {
    const media = new ConferenceMedia(conferenceId, null, onEmpty);
    media.roomRef = await MediaRoom.create(backend, (event) => media.forward(event));
    await media.setFloor(floor);
    return media;
  }

  get room(): MediaRoom {
    if (!this.roomRef) throw new Error('media room used before it was opened');
    return this.roomRef;
  }

  get floor(): MediaFloor | null {
    return this.appliedFloor;
  }

  /** Remembers the socket the first time it asks anything; its departure closes what it created. */
  register(socket: MediaSocket, identity: MediaIdentity): void {
    if (this.sockets.has(socket.id)) return;
    this.sockets.set(socket.id, { socket, identity, transports: new Set() });
    socket.once('disconnect', () => this.unregister(socket.id));
  }

  trackTransport(socketId: string, transportId: string): void {
    this.sockets.get(socketId)?.transports.add(transportId);
  }

  /** Queued behind earlier floor changes so a fast grant → release → grant lands in commit order. */
  setFloor(floor: MediaFloor): Promise<void> {
    const run = this.floorChain.then(async () => {
      if (this.isClosed || sameFloor(this.appliedFloor, floor)) return;
      this.appliedFloor = floor;
      await this.room.applyFloor(floor);
    });
    // One failed change must not block the ones after it; the caller still sees the failure.
    this.floorChain = run.catch(() => undefined);
    return run;
  }

  socketCount(): number {
    return this.sockets.size;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Called once, when the room closes (its last socket left, or the conference moved to another owner). */
  onClose(listener: () => void): void {
    if (this.isClosed) listener();
    else this.closeListeners.push(listener);
  }

  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.sockets.clear();
    this.roomRef?.close();
    for (const listener of this.closeListeners.splice(0)) listener();
  }

  private unregister(socketId: string): void {
    const entry = this.sockets.get(socketId);
    if (!entry) return;
    this.sockets.delete(socketId);
    const { ownerId } = entry.identity;
    for (const transportId of entry.transports) this.room.closeTransport(ownerId, transportId);
    // The point's last socket gone: nothing of it may linger (a producer nobody feeds, consumers nobody reads).
    if (![...this.sockets.values()].some((s) => s.identity.ownerId === ownerId)) this.room.closePoint(ownerId);
    if (this.sockets.size === 0) this.onEmpty(this);
  }

  private forward(event: MediaRoomEvent): void {
    switch (event.type) {
      case 'newProducer':
      case 'producerPaused':
      case 'producerResumed':
        return this.toAll({ type: event.type, data: event.producer });
      case 'producerClosed':
        return this.toAll({ type: 'producerClosed', data: { producerId: event.producerId, pointId: event.pointId } });
      case 'consumerClosed':
        return this.toOwner(event.pointId, { type: 'consumerClosed', data: { consumerId: event.consumerId, producerId: event.producerId } });
      case 'transportClosed':
        for (const s of this.sockets.values()) s.transports.delete(event.transportId);
        return this.toOwner(event.pointId, { type: 'transportClosed', data: { transportId: event.transportId } });
      default:
        return assertNeverEvent(event);
    }
  }

  // Every media socket of the conference, here or (through the adapter) on another node: the media lives on the owner.
  private toAll(notice: MediaNotice): void {
    for (const s of this.sockets.values()) s.socket.emit('media', notice);
  }

  private toOwner(ownerId: string, notice: MediaNotice): void {
    for (const s of this.sockets.values()) if (s.identity.ownerId === ownerId) s.socket.emit('media', notice);
  }
}

function assertNeverEvent(event: never): never {
  throw new Error(`unknown media room event ${JSON.stringify(event)}`);
}
