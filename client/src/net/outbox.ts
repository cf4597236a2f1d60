import type { Ack, DomainError } from '@diem-cau/shared';

/** A command kept on the device until the hub has acknowledged it. */
export interface OutboxItem {
  command: { type: string; commandId: string } & Record<string, unknown>;
  queuedAt: number;
  attempts: number;
  /** Set when the hub refused it for good (not a network problem): shown, never retried. */
  failed?: DomainError;
}

export interface OutboxStorage {
  load(): OutboxItem[];
  save(items: OutboxItem[]): void;
}

export type SendCommand = (command: OutboxItem['command']) => Promise<Ack<{ seq: number }>>;

const RETRYABLE = new Set(['UNAVAILABLE', 'RATE_LIMITED']);
export const OUTBOX_BASE_DELAY_MS = 1_000;
export const OUTBOX_MAX_DELAY_MS = 30_000;

/** Added on top of the hub's retryAfterMs, so the devices it slowed down do not all come back at once. */
export const RATE_LIMIT_JITTER = 0.25;
export const RATE_LIMIT_MIN_DELAY_MS = 50;

export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(OUTBOX_MAX_DELAY_MS, OUTBOX_BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

/** The wait a RATE_LIMITED answer asks for (`details.retryAfterMs`), if it names one. */
export function retryAfterOf(error: DomainError): number | undefined {
  const details: unknown = error.details;
  if (typeof details !== 'object' || details === null || !('retryAfterMs' in details)) return undefined;
  const ms = details.retryAfterMs;
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/**
 * How long to wait before the next attempt: what a rate-limited answer asks for, never less
 * (coming back early only earns another refusal), plus jitter, within the back-off's cap;
 * the exponential back-off otherwise (network trouble, or a hub that names no wait).
 */
export function retryDelayMs(error: DomainError, attempts: number, random: () => number = Math.random): number {
  const asked = error.code === 'RATE_LIMITED' ? retryAfterOf(error) : undefined;
  if (asked === undefined) return backoffMs(attempts, random);
  const base = Math.min(OUTBOX_MAX_DELAY_MS, Math.max(RATE_LIMIT_MIN_DELAY_MS, asked));
  return Math.min(OUTBOX_MAX_DELAY_MS, Math.round(base * (1 + RATE_LIMIT_JITTER * random())));
}

/**
 * Offline-safe sending. The item is written to storage before the first attempt and removed
 * only after an ok ack, and every retry carries the same commandId, which the hub deduplicates:
 * so a comment arrives exactly once whatever happens to the network or the page.
 * Storage is re-read before every change because other tabs may share it.
 */
export class Outbox {
  private online = false;
  private flushing: Promise<void> | undefined;
  private again = false;
  private disposed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Set<() => void>();
  private snapshot: readonly OutboxItem[];

  constructor(
    private readonly storage: OutboxStorage,
    private readonly send: SendCommand,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.snapshot = storage.load();
  }

  items(): readonly OutboxItem[] {
    return this.snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  enqueue(command: OutboxItem['command']): void {
    this.mutate((items) => (items.some((i) => i.command.commandId === command.commandId) ? items : [...items, { command, queuedAt: this.now(), attempts: 0 }]));
    void this.flush();
  }

  discard(commandId: string): void {
    this.mutate((items) => items.filter((i) => i.command.commandId !== commandId));
  }

  /** Re-reads storage (another tab may have changed it). */
  refresh(): void {
    this.mutate((items) => items);
  }

  setOnline(online: boolean): void {
    this.online = online;
    if (online) void this.flush();
  }

  /** Sends waiting items in order, one at a time; stops at the first network-type failure. */
  flush(): Promise<void> {
    this.again = true;
    if (!this.flushing) this.flushing = this.drain().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  /** The console closed: stop retrying here (the items stay in storage for the next open). */
  dispose(): void {
    this.disposed = true;
    this.online = false;
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
  }

  /** A flush asked for while one runs (say, the hub came back) runs again after it. */
  private async drain(): Promise<void> {
    while (this.again) {
      this.again = false;
      await this.run();
    }
  }

  private async run(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (;;) {
      const next = this.online ? this.storage.load().find((i) => !i.failed) : undefined;
      if (!next) return;
      const ack = await this.send(next.command).catch((): Ack<{ seq: number }> => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'send failed' } }));
      if (ack.ok) {
        this.discard(next.command.commandId);
        continue;
      }
      const retry = RETRYABLE.has(ack.error.code);
      this.update(next.command.commandId, (i) => (retry ? { ...i, attempts: i.attempts + 1 } : { ...i, failed: ack.error }));
      if (retry) {
        if (!this.disposed) this.timer = setTimeout(() => void this.flush(), retryDelayMs(ack.error, next.attempts + 1));
        return;
      }
    }
  }

  private update(commandId: string, change: (item: OutboxItem) => OutboxItem): void {
    this.mutate((items) => items.map((i) => (i.command.commandId === commandId ? change(i) : i)));
  }

  private mutate(change: (items: OutboxItem[]) => OutboxItem[]): void {
    const next = change(this.storage.load());
    this.storage.save(next);
    this.snapshot = next;
    for (const l of this.listeners) l();
  }
}

/** localStorage-backed storage; a broken or foreign value reads as empty rather than crashing. */
export function localOutboxStorage(key: string): OutboxStorage {
  return {
    load() {
      try {
        const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
        return Array.isArray(parsed) ? (parsed as OutboxItem[]).filter((i) => typeof i?.command?.commandId === 'string') : [];
      } catch {
        return [];
      }
    },
    save(items) {
      if (items.length === 0) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(items));
    },
  };
}
