import { apply, decide, replay, type Actor, type Command, type ConferenceState, type DomainError, type StoredEvent } from '@diem-cau/shared';
import type { EventStore } from '../store/eventStore';
import type { Clock } from './clock';

export type CommandOutcome = { ok: true; seq: number; events: StoredEvent[]; duplicate: boolean } | { ok: false; error: DomainError };

const MAX_CONFLICT_RETRIES = 5;

/** The store refused the append's fencing token: another node owns the conference now. Nothing was stored. */
export class FencedAppend extends Error {
  constructor(readonly conferenceId: string) {
    super(`append to ${conferenceId} fenced: the owner lease was taken over`);
  }
}

/**
 * One conference on this hub node: its state folded from the log, and a queue that
 * runs its commands one at a time so decide() always sees the state it appends after.
 */
export class ConferenceRoom {
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly id: string,
    private current: ConferenceState,
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  static async load(id: string, store: EventStore, clock: Clock): Promise<ConferenceRoom | undefined> {
    const state = replay(await store.readSince(id, 0));
    return state ? new ConferenceRoom(id, state, store, clock) : undefined;
  }

  get state(): ConferenceState {
    return this.current;
  }

  /** Runs the command after those queued before it; `fence` is the owner lease token the append must carry. */
  execute(command: Command, actor: Actor, fence?: string): Promise<CommandOutcome> {
    return this.enqueue(() => this.run(command, actor, fence));
  }

  /** Folds in events another node appended (a read copy, or a conference just taken over); queued like a command. */
  catchUp(): Promise<StoredEvent[]> {
    return this.enqueue(() => this.fold());
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.tail.then(job);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async fold(): Promise<StoredEvent[]> {
    const missing = await this.store.readSince(this.id, this.current.seq);
    for (const e of missing) this.current = apply(this.current, e);
    return missing;
  }

  private async run(command: Command, actor: Actor, fence: string | undefined): Promise<CommandOutcome> {
    for (let attempt = 0; attempt <= MAX_CONFLICT_RETRIES; attempt += 1) {
      // A previous owner may have appended since this copy was folded: decide on the latest state, not only
      // on conflicts, or a command about something this node has not seen yet would be wrongly refused.
      if ((await this.store.lastSeq(this.id)) > this.current.seq) await this.fold();
      // Looked up only after folding: had the same command (a retry sent to another node) been appended
      // between a look-up and the fold, decide would refuse it against its own effect (a comment that
      // "already exists") instead of answering with the original result. Appended after this look-up,
      // it makes the append answer 'duplicate' or 'conflict', both handled below.
      const known = await this.store.findCommand(this.id, command.commandId);
      if (known) return { ok: true, seq: known.lastSeq, events: [], duplicate: true };
      const now = this.clock.now();
      const decision = decide(this.current, command, { actor, now });
      if (!decision.ok) {
        // A refusal is only as good as the state it was decided on: if another node appended meanwhile, look again.
        if ((await this.store.lastSeq(this.id)) > this.current.seq) continue;
        return decision;
      }
      const events = decision.events.map((e) => ({ ...e, at: now, actor }));
      const result = await this.store.append(this.id, this.current.seq, command.commandId, events, fence);
      if (result.status === 'fenced') throw new FencedAppend(this.id);
      if (result.status === 'duplicate') return { ok: true, seq: result.lastSeq, events: [], duplicate: true };
      if (result.status === 'conflict') {
        await this.fold();
        continue;
      }
      for (const e of result.events) this.current = apply(this.current, e);
      return { ok: true, seq: this.current.seq, events: result.events, duplicate: false };
    }
    return { ok: false, error: { code: 'UNAVAILABLE', message: 'Máy chủ đang bận, vui lòng thử lại' } };
  }
}
