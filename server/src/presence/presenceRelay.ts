import type { PresenceUpdate, Role } from '@diem-cau/shared';
import type { Logger } from 'pino';
import { PresenceBook } from './presenceBook';
import type { PresenceDirectory } from './presenceDirectory';

/** The consoles that show who is connected (the chair's grid, the organiser's overview); the others get none. */
export const PRESENCE_ROLES: ReadonlySet<Role> = new Set<Role>(['chair', 'organiser']);
export const presenceRoomOf = (conferenceId: string) => `presence:${conferenceId}`;

/** What the relay needs of Socket.IO: a room to join, an emit to one socket, and a broadcast to a room on every node. */
export interface PresenceSocket {
  id: string;
  join(room: string): unknown;
  emit(event: 'presence', update: PresenceUpdate): unknown;
}
export type Broadcast = (room: string, update: PresenceUpdate) => void;

export interface PresenceTiming {
  /** Changes on this node are sent at most this often, all together. */
  coalesceMs: number;
  /** How often this node says it is alive and sweeps nodes that stopped. */
  heartbeatMs: number;
}

export const DEFAULT_PRESENCE_TIMING: PresenceTiming = { coalesceMs: 200, heartbeatMs: 1_000 };

/**
 * Presence at cluster scope. Joins and leaves are counted on this node (constant cost); every `coalesceMs`
 * the changed points go to the directory and, as one delta per conference, to the consoles that show
 * presence on every node. Such a console gets every node's share when it connects. Every `heartbeatMs` the
 * node beats and sweeps nodes whose beat stopped, telling consoles their share is gone.
 */
export class PresenceRelay {
  private readonly book = new PresenceBook();
  private readonly versions = new Map<string, number>();
  private readonly watching = new Map<string, Map<string, PresenceSocket>>();
  private readonly awaitingShares = new Map<string, Set<PresenceSocket>>();
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly nodeId: string,
    private readonly directory: PresenceDirectory,
    private readonly broadcast: Broadcast,
    private readonly logger: Logger,
    private readonly timing: PresenceTiming = DEFAULT_PRESENCE_TIMING,
  ) {
    void this.beat();
    this.heartbeat = setInterval(() => void this.beat(), timing.heartbeatMs);
    this.heartbeat.unref();
  }

  join(socket: PresenceSocket, conferenceId: string, who: { role: Role; pointId?: string }): void {
    this.book.join(conferenceId, who);
    if (PRESENCE_ROLES.has(who.role)) {
      socket.join(presenceRoomOf(conferenceId));
      let sockets = this.watching.get(conferenceId);
      if (!sockets) this.watching.set(conferenceId, (sockets = new Map()));
      sockets.set(socket.id, socket);
      let awaiting = this.awaitingShares.get(conferenceId);
      if (!awaiting) this.awaitingShares.set(conferenceId, (awaiting = new Set()));
      awaiting.add(socket);
    }
    this.schedule();
  }

  leave(socket: PresenceSocket, conferenceId: string, who: { role: Role; pointId?: string }): void {
    this.book.leave(conferenceId, who);
    const sockets = this.watching.get(conferenceId);
    if (sockets?.delete(socket.id) && sockets.size === 0) this.watching.delete(conferenceId);
    this.awaitingShares.get(conferenceId)?.delete(socket);
    this.schedule();
  }

  /** Sends what changed now (tests and a clean stop do not wait for the coalescing timer). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.send()).catch((error: unknown) => this.logger.warn({ err: error }, 'presence not sent'));
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    await this.flushing;
    await this.directory.close();
  }

  private schedule(): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      void this.flush();
    }, this.timing.coalesceMs);
    this.flushTimer.unref();
  }

  private async send(): Promise<void> {
    for (const conferenceId of this.book.dirty()) {
      const v = (this.versions.get(conferenceId) ?? 0) + 1;
      this.versions.set(conferenceId, v);
      const entries = this.book.takeChanges(conferenceId).map((e) => ({ ...e, v }));
      if (entries.length === 0) continue;
      // Stored before it is announced: a console reading the shares after this delta was sent sees it.
      await this.directory.write(conferenceId, v, entries);
      this.broadcast(presenceRoomOf(conferenceId), { node: this.nodeId, v, entries });
    }
    for (const [conferenceId, sockets] of this.awaitingShares) {
      this.awaitingShares.delete(conferenceId);
      if (sockets.size === 0) continue;
      const shares = await this.directory.read(conferenceId);
      for (const socket of sockets) for (const share of shares) socket.emit('presence', share);
    }
  }

  private async beat(): Promise<void> {
    try {
      await this.directory.heartbeat();
      for (const conferenceId of this.watching.keys()) {
        for (const node of await this.directory.sweep(conferenceId)) {
          this.logger.info({ conferenceId, node }, 'presence: node gone');
          this.broadcast(presenceRoomOf(conferenceId), { node, v: 0, entries: [], gone: true });
        }
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'presence heartbeat failed');
    }
  }
}
