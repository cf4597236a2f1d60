import type { MediaNotice } from '@diem-cau/shared';
import type { MediaSocket } from './conferenceMedia';

interface Entry {
  socket: MediaSocket;
  origin: string;
  leave: Array<() => void>;
}

/**
 * On a conference's owner, the media sockets connected to other nodes: each stands in for a socket there,
 * notified through the Socket.IO adapter (by socket id) and gone when its node says it disconnected, or
 * when its node no longer listens on the bus (the node died with all its sockets).
 */
export class RemoteMediaSockets {
  private readonly sockets = new Map<string, Entry>();

  constructor(private readonly emitTo: (socketId: string, notice: MediaNotice) => void) {}

  /** The stand-in for `socketId` of node `origin`, the same one for every request of that socket. */
  socket(socketId: string, origin: string): MediaSocket {
    const known = this.sockets.get(socketId);
    if (known) return known.socket;
    const entry: Entry = {
      origin,
      leave: [],
      socket: {
        id: socketId,
        emit: (_event, notice) => this.emitTo(socketId, notice),
        once: (_event, listener) => entry.leave.push(listener),
      },
    };
    this.sockets.set(socketId, entry);
    return entry.socket;
  }

  /** Its node said the socket disconnected: what it created in the media room closes. */
  left(socketId: string): void {
    const entry = this.sockets.get(socketId);
    if (!entry) return;
    this.sockets.delete(socketId);
    for (const listener of entry.leave) listener();
  }

  /** The nodes that hold at least one of these sockets. */
  origins(): Set<string> {
    return new Set([...this.sockets.values()].map((e) => e.origin));
  }

  /** A node died: all its sockets left with it. */
  dropNode(origin: string): number {
    const gone = [...this.sockets].filter(([, e]) => e.origin === origin).map(([id]) => id);
    for (const id of gone) this.left(id);
    return gone.length;
  }

  get size(): number {
    return this.sockets.size;
  }
}
