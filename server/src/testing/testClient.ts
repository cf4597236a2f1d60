import { gunzipSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import {
  PROTOCOL_VERSION, EMPTY_PRESENCE, apply, stateFromJson, applyPresence, presenceList, type Ack, type PresenceEntry, type PresenceView, type ClientToServerEvents, type ConferenceState, type ServerToClientEvents, type StoredEvent, type SyncResult,
} from '@diem-cau/shared';
import { io, type Socket } from 'socket.io-client';

/**
 * A socket.io client that keeps the conference state the way the consoles do: apply events
 * strictly in seq order, and ask `sync` when a gap appears.
 */
export class TestClient {
  state: ConferenceState | null = null;
  received: StoredEvent[] = [];
  /** Presence as a console folds it (chair and organiser sessions receive it). */
  presenceView: PresenceView = EMPTY_PRESENCE;
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>, readonly conferenceId: string) {
    socket.on('events', (events) => {
      for (const e of events) this.take(e);
    });
    socket.on('presence', (update) => {
      this.presenceView = applyPresence(this.presenceView, update);
    });
  }

  static async connect(url: string, token: string, conferenceId: string): Promise<TestClient> {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, { auth: { token, protocol: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true, reconnection: false });
    const client = new TestClient(socket, conferenceId);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    await client.sync();
    return client;
  }

  get presence(): PresenceEntry[] {
    return presenceList(this.presenceView);
  }

  get seq(): number {
    return this.state?.seq ?? 0;
  }

  private take(e: StoredEvent): void {
    if (e.seq <= this.seq) return;
    if (e.seq !== this.seq + 1) {
      // A gap: fetch what is missing. Should the socket close meanwhile (its node killed), the next sync repairs it.
      this.sync().catch(() => undefined);
      return;
    }
    this.state = apply(this.state, e);
    this.received.push(e);
    for (const w of this.waiters.splice(0)) w();
  }

  async sync(): Promise<void> {
    const res = (await this.socket.timeout(5000).emitWithAck('sync', { sinceSeq: this.seq })) as Ack<SyncResult>;
    if (!res.ok) throw new Error(`sync refused: ${res.error.code}`);
    if ('snapshot' in res) this.state = stateFromJson(JSON.parse(gunzipSync(res.snapshot.gzip).toString('utf8')));
    for (const e of res.events) this.take(e);
    for (const w of this.waiters.splice(0)) w();
  }

  /** Sends a command; fills commandId and conferenceId unless given. */
  async command(input: Record<string, unknown>): Promise<Ack<{ seq: number }>> {
    const command = { commandId: randomUUID(), conferenceId: this.conferenceId, ...input };
    return (await this.socket.timeout(5000).emitWithAck('command', command)) as Ack<{ seq: number }>;
  }

  async send(raw: unknown): Promise<Ack<{ seq: number }>> {
    return (await this.socket.timeout(5000).emitWithAck('command', raw)) as Ack<{ seq: number }>;
  }

  async waitForSeq(seq: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.seq < seq) {
      if (Date.now() > deadline) throw new Error(`timed out at seq ${this.seq}, waiting for ${seq}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}
