import { sameFloor, type MediaFloor, type MediaNotice } from '@diem-cau/shared';
import type { MediaRoomEvent } from '../../../shared/src/media';
import type { MediaLimits } from './mediaQuota';
import { MediaRoom } from './mediaRoom';
import type { SfuBackend } from './sfuBackend';

/** What the media plane needs of a Socket.IO socket: its id, a way to notify it, and its departure. */
export interface MediaSocket {
  readonly id: string;
  emit(event: 'media', notice: MediaNotice): unknown;
  once(event: 'disconnect', listener: () => void): unknown;
}

/**
 * One conference's media on this hub node: the MediaRoom, the sockets that use it, and the floor last applied.
 * Each socket owns in the room what it created (the room is called with the socket's id as the owner), so
 * nothing of one socket can be touched by another, even of the same point (Q12). Floor changes are applied
 * one after another, in commit order.
 */
export class ConferenceMedia {
  private readonly sockets = new Map<string, MediaSocket>();
  private floorChain: Promise<void> = Promise.resolve();
  private appliedFloor: MediaFloor | null = null;
  private isClosed = false;
  private readonly closeListeners: Array<() => void> = [];
  /** Told after a floor change is applied and when a producer comes or goes (the livestream follows them). */
  private readonly changeListeners = new Set<() => void>();

  private constructor(
    readonly conferenceId: string,
    private roomRef: MediaRoom | null,
    private readonly onEmpty: (media: ConferenceMedia) => void,
  ) {}

  /** Creates the room and applies the current floor before anyone can produce: microphones start fail-closed. */
  static async open(conferenceId: string, backend: SfuBackend, floor: MediaFloor, limits: MediaLimits, onEmpty: (media: ConferenceMedia) => void): Promise<ConferenceMedia> {
    const media = new ConferenceMedia(conferenceId, null, onEmpty);
    media.roomRef = await MediaRoom.create(backend, (event) => media.forward(event), limits);
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
  register(socket: MediaSocket): void {
    if (this.sockets.has(socket.id)) return;
    this.sockets.set(socket.id, socket);
    socket.once('disconnect', () => this.unregister(socket.id));
  }

  /** Queued behind earlier floor changes so a fast grant → release → grant lands in commit order. */
  setFloor(floor: MediaFloor): Promise<void> {
    const run = this.floorChain.then(async () => {
      if (this.isClosed || sameFloor(this.appliedFloor, floor)) return;
      this.appliedFloor = floor;
      await this.room.applyFloor(floor);
      this.changed();
    });
    // One failed change must not block the ones after it; the caller still sees the failure.
    this.floorChain = run.catch(() => undefined);
    return run;
  }

  /** Listens for floor and producer changes; returns the way to stop. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
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
    this.changeListeners.clear();
    this.roomRef?.close();
    for (const listener of this.closeListeners.splice(0)) listener();
  }

  private unregister(socketId: string): void {
    if (!this.sockets.delete(socketId)) return;
    // Nothing the socket made may linger (a producer nobody feeds, consumers nobody reads), nor count against its session.
    this.room.closePoint(socketId);
    if (this.sockets.size === 0) this.onEmpty(this);
  }

  private forward(event: MediaRoomEvent): void {
    switch (event.type) {
      case 'newProducer':
        this.changed();
        return this.toAll({ type: event.type, data: event.producer });
      case 'producerPaused':
      case 'producerResumed':
        return this.toAll({ type: event.type, data: event.producer });
      case 'producerClosed':
        this.changed();
        return this.toAll({ type: 'producerClosed', data: { producerId: event.producerId, pointId: event.pointId } });
      case 'consumerClosed':
        return this.toOwner(event.ownerId, { type: 'consumerClosed', data: { consumerId: event.consumerId, producerId: event.producerId } });
      case 'transportClosed':
        return this.toOwner(event.ownerId, { type: 'transportClosed', data: { transportId: event.transportId } });
      default:
        return assertNeverEvent(event);
    }
  }

  // Every media socket of the conference, here or (through the adapter) on another node: the media lives on the owner.
  private toAll(notice: MediaNotice): void {
    for (const socket of this.sockets.values()) socket.emit('media', notice);
  }

  /** The room's owners are sockets: a consumer's or a transport's notice goes to the socket that made it. */
  private toOwner(socketId: string, notice: MediaNotice): void {
    this.sockets.get(socketId)?.emit('media', notice);
  }
}

function assertNeverEvent(event: never): never {
  throw new Error(`unknown media room event ${JSON.stringify(event)}`);
}
