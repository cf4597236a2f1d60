import { apply, decide, replay, type Actor, type Command, type ConferenceState, type DomainError, type DomainLimits, type StoredEvent } from '@diem-cau/shared';
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
    private readonly limits: DomainLimits | undefined,
  ) {}

  static async load(id: string, store: EventStore, clock: Clock, limits?: DomainLimits): Promise<ConferenceRoom | undefined> {
    const state = replay(await store.readSince(id, 0));
    return state ? new ConferenceRoom(id, state, store, clock, limits) : undefined;
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
      // The happy path costs one store round trip: the append itself checks the commandId and the expected
      // seq atomically, so a state this copy has not folded yet, or a retry already stored, comes back as
      // 'conflict' or 'duplicate' below.
      const now = this.clock.now();
      const decision = decide(this.current, command, { actor, now, ...(this.limits ? { limits: this.limits } : {}) });
      if (!decision.ok) {
        const settled = await this.recheckRefusal(command.commandId);
        if (settled === 'stale') continue;
        return settled ?? decision;
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

  /**
   * A refusal is only as good as the state it was decided on. Another node may have appended since this copy
   * was folded (a previous owner, up to its last moment): fold and decide again. Or this very command is in
   * the log already (a retry that reached another node first, H7): decide refused it against its own effect
   * (a comment that "already exists"), and the answer is the original result.
   */
  private async recheckRefusal(commandId: string): Promise<'stale' | CommandOutcome | undefined> {
    if ((await this.store.lastSeq(this.id)) > this.current.seq) {
      await this.fold();
      return 'stale';
    }
    const known = await this.store.findCommand(this.id, commandId);
    return known ? { ok: true, seq: known.lastSeq, events: [], duplicate: true } : undefined;
  }
}
