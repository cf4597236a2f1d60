import { applyPresence, EMPTY_PRESENCE, presenceList, refuse, type Ack, type CommandInput, type ConferenceState, type DomainError, type PresenceEntry, type PresenceView } from '@diem-cau/shared';
import { ServerClock } from './clockSync';
import { EventLog } from './eventLog';
import { LogSync } from './logSync';
import { Outbox, type OutboxItem, type OutboxStorage } from './outbox';
import { protocolRefusal } from './protocolRefusal';
import { memoryStateCache, type StateCache } from './stateCache';
import type { ConnectRefusal, Transport } from './transport';
import { uuid } from './uuid';
import { parseCommandAck, parseEvents, parsePresence, parseTimeAck } from './wire';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface ConnectionSnapshot {
  status: ConnectionStatus;
  state: ConferenceState | null;
  presence: PresenceEntry[];
  outbox: readonly OutboxItem[];
  /** The hub refused the session (expired or revoked token): the console cannot go on. */
  fatal?: DomainError;
  /** The hub turned the last connection away for a while (this session holds too many sockets, Q5); it is tried again. */
  refused?: DomainError;
  /** The hub serves a newer console than this one (U2): the page must be loaded again. */
  outdated?: boolean;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A command as the consoles write it: commandId and conferenceId are filled in here. */
export type CommandBody = DistributiveOmit<CommandInput, 'commandId' | 'conferenceId'> & { commandId?: string };

export interface ConnectionOptions {
  conferenceId: string;
  transport: Transport;
  outboxStorage: OutboxStorage;
  cache?: StateCache;
  clock?: ServerClock;
  /** Whether the browser believes it has a network; undefined means "assume yes". */
  isOnline?: () => boolean;
}

const COMMAND_TIMEOUT_MS = 8_000;
const TIME_TIMEOUT_MS = 3_000;
const CLOCK_REFRESH_MS = 60_000;
/** How long a console newer than its hub waits before trying again (between 1× and 2×). */
const HUB_OUTDATED_RETRY_MS = 3_000;
const CACHE_DELAY_MS = 1_000;

/**
 * One console's link to its conference: applies the hub's events in seq order, syncs after
 * a gap or a reconnect, keeps the server clock, and sends commands. Views read it through
 * `useSyncExternalStore` (subscribe / getSnapshot) and never touch the socket.
 */
export class ConferenceConnection {
  readonly clock: ServerClock;
  readonly outbox: Outbox;
  private readonly log: EventLog;
  private readonly cache: StateCache;
  private snapshot: ConnectionSnapshot;
  private listeners = new Set<() => void>();
  private readonly syncer: LogSync;
  private timers: Array<ReturnType<typeof setTimeout>> = [];
  private cacheTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private presenceView: PresenceView = EMPTY_PRESENCE;

  constructor(private readonly opts: ConnectionOptions) {
    this.clock = opts.clock ?? new ServerClock();
    this.cache = opts.cache ?? memoryStateCache();
    this.log = new EventLog(this.cache.load());
    this.syncer = new LogSync(this.log, opts.transport, () => this.stateChanged());
    this.outbox = new Outbox(opts.outboxStorage, (command) => this.request(command));
    this.outbox.subscribe(() => this.publish({ outbox: this.outbox.items() }));
    this.snapshot = { status: this.online() ? 'connecting' : 'offline', state: this.log.state, presence: [], outbox: this.outbox.items() };
  }

  get conferenceId(): string {
    return this.opts.conferenceId;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ConnectionSnapshot => this.snapshot;

  start(): void {
    this.opts.transport.open({
      connect: () => {
        // The hub sends every node's share on connect: what was known before may include nodes that died since.
        this.presenceView = EMPTY_PRESENCE;
        void this.onConnect();
      },
      disconnect: () => this.onDisconnect(),
      connectError: (error) => this.onConnectError(error),
      events: (raw) => this.onEvents(raw),
      presence: (raw) => {
        const update = parsePresence(raw);
        if (!update) return;
        this.presenceView = applyPresence(this.presenceView, update);
        this.publish({ presence: presenceList(this.presenceView) });
      },
    });
    if (!this.online()) this.opts.transport.pause();
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    if (this.log.state) this.cache.save(this.log.state);
    this.outbox.dispose();
    this.opts.transport.close();
    this.listeners.clear();
  }

  /** The browser's online/offline events: stop hammering a dead network, come back at once. */
  setBrowserOnline(online: boolean): void {
    if (online) {
      if (this.snapshot.status === 'offline') this.publish({ status: 'reconnecting' });
      this.opts.transport.reconnect();
    } else {
      this.opts.transport.pause();
      this.outbox.setOnline(false);
      this.publish({ status: 'offline' });
    }
  }

  /** Sends a command now; UNAVAILABLE (details 'offline' | 'timeout') when the hub cannot be reached. */
  send(body: CommandBody): Promise<Ack<{ seq: number }>> {
    return this.request({ ...body, commandId: body.commandId ?? uuid(), conferenceId: this.opts.conferenceId });
  }

  /** Queues a command that must survive network loss and reloads (comments). */
  sendReliably(body: CommandBody): string {
    const commandId = body.commandId ?? uuid();
    this.outbox.enqueue({ ...body, commandId, conferenceId: this.opts.conferenceId });
    return commandId;
  }

  private async request(command: object): Promise<Ack<{ seq: number }>> {
    if (!this.opts.transport.connected) return { ok: false, error: { code: 'UNAVAILABLE', message: '', details: 'offline' } };
    try {
      return parseCommandAck(await this.opts.transport.request('command', command, COMMAND_TIMEOUT_MS));
    } catch {
      return { ok: false, error: { code: 'UNAVAILABLE', message: '', details: 'timeout' } };
    }
  }

  private online(): boolean {
    return this.opts.isOnline?.() ?? true;
  }

  private async onConnect(): Promise<void> {
    await this.syncer.run();
    if (this.stopped || !this.opts.transport.connected) return;
    this.publish({ status: 'connected', refused: undefined });
    this.outbox.refresh();
    this.outbox.setOnline(true);
    void this.measureClock();
    if (this.timers.length === 0) this.timers.push(setInterval(() => void this.measureClock(), CLOCK_REFRESH_MS));
  }

  private onDisconnect(): void {
    this.outbox.setOnline(false);
    this.publish({ status: this.online() ? 'reconnecting' : 'offline' });
  }

  private onConnectError(error: ConnectRefusal): void {
    const protocol = protocolRefusal(error);
    if (protocol === 'CONSOLE_OUTDATED') {
      this.publish({ outdated: true });
      this.opts.transport.close();
      return;
    }
    if (protocol === 'HUB_OUTDATED') {
      // Socket.IO does not try again after a refusal: come back once the balancer may pick an upgraded node.
      this.publish({ status: 'reconnecting', refused: refuse('HUB_OUTDATED').error });
      this.timers.push(setTimeout(() => this.opts.transport.reconnect(), HUB_OUTDATED_RETRY_MS * (1 + Math.random())));
      return;
    }
    if (error.code === 'UNAUTHORIZED' || error.code === 'INVALID') {
      this.publish({ fatal: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } });
      this.opts.transport.close();
      return;
    }
    // Not the end of the session: tried again with the usual back-off, and said meanwhile (Q5).
    const refused = error.code === 'RATE_LIMITED' ? ({ ...error, code: 'RATE_LIMITED' } as DomainError) : undefined;
    this.publish({ status: this.online() ? 'reconnecting' : 'offline', refused });
  }

  private onEvents(raw: unknown): void {
    if (this.log.receive(parseEvents(raw))) this.stateChanged();
    if (this.log.hasGap) void this.syncer.run();
  }

  private async measureClock(): Promise<void> {
    await this.clock.measure(async () => {
      const serverTime = parseTimeAck(await this.opts.transport.request('time', {}, TIME_TIMEOUT_MS));
      if (serverTime === undefined) throw new Error('bad time answer');
      return serverTime;
    });
  }

  private stateChanged(): void {
    this.publish({ state: this.log.state });
    if (!this.cacheTimer) {
      this.cacheTimer = setTimeout(() => {
        this.cacheTimer = undefined;
        if (this.log.state) this.cache.save(this.log.state);
      }, CACHE_DELAY_MS);
    }
  }

  private publish(change: Partial<ConnectionSnapshot>): void {
    if (this.stopped) return;
    this.snapshot = { ...this.snapshot, ...change };
    for (const l of this.listeners) l();
  }
}
