import { apply, decide, replay, type Actor, type Command, type ConferenceState, type DomainError, type DomainLimits, type StoredEvent } from '@diem-cau/shared';
import type { EventStore, NewEvent } from '../store/eventStore';
import type { Clock } from './clock';

export type CommandOutcome = { ok: true; seq: number; events: StoredEvent[]; duplicate: boolean } | { ok: false; error: DomainError };

const MAX_CONFLICT_RETRIES = 5;
const BUSY: CommandOutcome = { ok: false, error: { code: 'UNAVAILABLE', message: 'Máy chủ đang bận, vui lòng thử lại' } };

/** The store refused the append's fencing token: another node owns the conference now. Nothing was stored. */
export class FencedAppend extends Error {
  constructor(readonly conferenceId: string) {
    super(`append to ${conferenceId} fenced: the owner lease was taken over`);
  }
}

/** A command decided and on its way to the store; `done` settles once it is durable (or refused by the store). */
interface Dispatched { done: Promise<CommandOutcome> }

/**
 * One conference on this hub node. Commands are decided one at a time, in a queue, on the `head` state: the
 * log as stored plus the commands whose appends are on their way. A command's append leaves as soon as it is
 * decided, so a conference's commands share the store's commits (a secretary's comment does not wait for the
 * previous one's fsync before being decided); each is acknowledged, and `state` (what readers, timers and the
 * media see) moves, only once it is durable, in seq order. When the store answers anything but "appended"
 * (another node wrote first, a retry already stored, the lease lost), the head is dropped and folded again
 * from the store before the next decision.
 */
export class ConferenceRoom {
  private tail: Promise<unknown> = Promise.resolve();
  /** Settles after every append sent so far has settled. */
  private appends: Promise<unknown> = Promise.resolve();
  private head: ConferenceState;
  /** The commands whose events end the head and the durable state: an append names the one it follows (S7). */
  private headCommand: string;
  private stale = false;

  private constructor(
    readonly id: string,
    private durable: ConferenceState,
    private durableCommand: string,
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly limits: DomainLimits | undefined,
  ) {
    this.head = durable;
    this.headCommand = durableCommand;
  }

  static async load(id: string, store: EventStore, clock: Clock, limits?: DomainLimits): Promise<ConferenceRoom | undefined> {
    const events = await store.readSince(id, 0);
    const state = replay(events);
    return state ? new ConferenceRoom(id, state, events.at(-1)?.commandId ?? '', store, clock, limits) : undefined;
  }

  /** The conference as stored: only durable events. */
  get state(): ConferenceState {
    return this.durable;
  }

  /** Runs the command after those queued before it; `fence` is the owner lease token the append must carry. */
  async execute(command: Command, actor: Actor, fence?: string, attempt = 0): Promise<CommandOutcome> {
    const dispatched = await this.enqueue(() => this.dispatch(command, actor, fence, attempt));
    return dispatched.done;
  }

  /** Folds in events another node appended (a read copy, or a conference just taken over); queued like a command. */
  catchUp(): Promise<StoredEvent[]> {
    return this.enqueue(() => this.resync());
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.tail.then(job);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Waits for every append in flight, then folds what the store holds beyond the durable state: head = durable. */
  private async resync(): Promise<StoredEvent[]> {
    await this.appends;
    const missing = await this.store.readSince(this.id, this.durable.seq);
    for (const e of missing) this.durable = apply(this.durable, e);
    this.durableCommand = missing.at(-1)?.commandId ?? this.durableCommand;
    this.head = this.durable;
    this.headCommand = this.durableCommand;
    this.stale = false;
    return missing;
  }

  private async dispatch(command: Command, actor: Actor, fence: string | undefined, attempt: number): Promise<Dispatched> {
    if (attempt > MAX_CONFLICT_RETRIES) return { done: Promise.resolve(BUSY) };
    if (this.stale) await this.resync();
    const now = this.clock.now();
    const decision = decide(this.head, command, { actor, now, ...(this.limits ? { limits: this.limits } : {}) });
    if (!decision.ok) return { done: Promise.resolve(await this.confirmRefusal(command, actor, fence, attempt, decision)) };
    // Accepted with nothing to write (the same choice again: PO7, DA17): the stores refuse an empty append, so the
    // answer is the log as it stands once the appends in flight have settled.
    // An append in flight that failed leaves the head stale: decided again on the log as stored.
    if (decision.events.length === 0) {
      return { done: this.appends.then(() => (this.stale ? this.execute(command, actor, fence, attempt + 1) : { ok: true, seq: this.durable.seq, events: [], duplicate: false })) };
    }
    const events: NewEvent[] = decision.events.map((e) => ({ ...e, at: now, actor }));
    const expectedSeq = this.head.seq;
    const stored = events.map((e, i) => ({ ...e, seq: expectedSeq + i + 1, commandId: command.commandId }) as StoredEvent);
    const after = stored.reduce<ConferenceState>((s, e) => apply(s, e), this.head);
    const append = this.store.append(this.id, expectedSeq, command.commandId, events, fence, this.headCommand);
    this.head = after;
    this.headCommand = command.commandId;
    this.appends = this.appends.then(() => append).catch(() => undefined);
    const done = append.then(
      (result): CommandOutcome | Promise<CommandOutcome> => {
        if (result.status === 'appended') {
          this.durable = after;
          this.durableCommand = command.commandId;
          return { ok: true, seq: after.seq, events: result.events, duplicate: false };
        }
        // The head was decided on something the store does not hold: rebuild it before the next decision.
        this.stale = true;
        if (result.status === 'fenced') throw new FencedAppend(this.id);
        if (result.status === 'duplicate') return { ok: true, seq: result.lastSeq, events: [], duplicate: true };
        return this.execute(command, actor, fence, attempt + 1);
      },
      (error: unknown) => {
        this.stale = true;
        throw error;
      },
    );
    return { done };
  }

  /**
   * A refusal is only as good as the state it was decided on. Appends still in flight may fail, another node
   * may have appended since this copy was folded (a previous owner, up to its last moment), or this very
   * command is in the log already (a retry that reached another node first, H7): decide then refused it
   * against its own effect (a comment that "already exists"), and the answer is the original result.
   */
  private async confirmRefusal(command: Command, actor: Actor, fence: string | undefined, attempt: number, refusal: CommandOutcome): Promise<CommandOutcome> {
    await this.appends;
    const before = this.head;
    if ((await this.store.lastSeq(this.id)) > this.durable.seq || this.stale || this.head !== this.durable) await this.resync();
    if (this.head !== before) return (await this.dispatch(command, actor, fence, attempt + 1)).done;
    const known = await this.store.findCommand(this.id, command.commandId);
    return known ? { ok: true, seq: known.lastSeq, events: [], duplicate: true } : refusal;
  }
}
