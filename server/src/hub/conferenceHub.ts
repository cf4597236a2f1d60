import {
  CommandSchema, SYSTEM_ACTOR, ConferenceSetupSchema, type Actor, type ConferenceSetup, type ConferenceState, type StoredEvent,
} from '@diem-cau/shared';
import type { Logger } from 'pino';
import type { EventStore } from '../store/eventStore';
import type { Clock } from './clock';
import { ConferenceRoom, type CommandOutcome } from './conferenceRoom';
import { deterministicCommandId } from './deterministicId';
import { SpeechTimers } from './speechTimer';

export interface HubDeps {
  store: EventStore;
  clock: Clock;
  logger: Logger;
  /** Called with the events of every successful command, for the gateway to fan out. */
  publish: (conferenceId: string, events: StoredEvent[]) => void;
  /** Called after events were committed here or folded in from another node (the media plane follows the floor). */
  onCommitted?: (conferenceId: string, state: ConferenceState, events: StoredEvent[]) => void;
}

/** The rooms of this node: loads conferences from the log, runs commands, drives speech timers. */
export class ConferenceHub {
  private rooms = new Map<string, Promise<ConferenceRoom | undefined>>();
  private readonly timers: SpeechTimers;

  constructor(private readonly deps: HubDeps) {
    this.timers = new SpeechTimers(deps.clock, (conferenceId, speechId, deadline) => {
      void this.timeUp(conferenceId, speechId, deadline);
    });
  }

  room(id: string): Promise<ConferenceRoom | undefined> {
    let room = this.rooms.get(id);
    if (!room) {
      room = ConferenceRoom.load(id, this.deps.store, this.deps.clock).then((r) => {
        if (r) this.timers.track(r.state);
        else this.rooms.delete(id);
        return r;
      });
      this.rooms.set(id, room);
    }
    return room;
  }

  async create(conferenceId: string, setup: ConferenceSetup, actor: Actor, commandId: string): Promise<CommandOutcome> {
    const payload = { conferenceId, setup: ConferenceSetupSchema.parse(setup) };
    const result = await this.deps.store.append(conferenceId, 0, commandId, [{ type: 'conference.created', at: this.deps.clock.now(), actor, payload }]);
    if (result.status === 'conflict') return { ok: false, error: { code: 'CONFLICT', message: `Hội nghị ${conferenceId} đã tồn tại` } };
    if (result.status === 'duplicate') return { ok: true, seq: result.lastSeq, events: [], duplicate: true };
    return { ok: true, seq: 1, events: result.events, duplicate: false };
  }

  /** Validates, decides, stores durably, then publishes: the ack goes out only after the store resolved. */
  async execute(conferenceId: string, raw: unknown, actor: Actor): Promise<CommandOutcome> {
    const parsed = CommandSchema.safeParse(raw);
    if (!parsed.success) {
      const details = parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message }));
      return { ok: false, error: { code: 'INVALID', message: 'Lệnh không hợp lệ', details } };
    }
    if (parsed.data.conferenceId !== conferenceId) return { ok: false, error: { code: 'NOT_FOUND', message: 'Lệnh gửi cho hội nghị khác' } };
    const room = await this.room(conferenceId);
    if (!room) return { ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy hội nghị' } };
    const outcome = await room.execute(parsed.data, actor);
    if (outcome.ok && outcome.events.length > 0) {
      this.deps.publish(conferenceId, outcome.events);
      this.timers.track(room.state);
      this.deps.onCommitted?.(conferenceId, room.state, outcome.events);
    }
    return outcome;
  }

  private async timeUp(conferenceId: string, speechId: string, deadline: number): Promise<void> {
    const commandId = deterministicCommandId(`timeUp:${conferenceId}:${speechId}:${deadline}`);
    const outcome = await this.execute(conferenceId, { type: 'floor.timeUp', commandId, conferenceId, speechId, deadline }, SYSTEM_ACTOR);
    if (!outcome.ok) this.deps.logger.debug({ conferenceId, speechId, code: outcome.error.code }, 'speech timer: nothing to do');
  }

  /** Events after `sinceSeq` up to `untilSeq`, straight from the log. */
  async eventsSince(conferenceId: string, sinceSeq: number, untilSeq: number): Promise<StoredEvent[]> {
    return this.deps.store.readSince(conferenceId, sinceSeq, untilSeq - sinceSeq);
  }

  /** Folds in what other nodes appended, so this node's timers follow speeches it did not start. */
  async catchUpAll(): Promise<void> {
    for (const pending of this.rooms.values()) {
      const room = await pending;
      if (!room) continue;
      try {
        const folded = await room.catchUp();
        if (folded.length > 0) {
          this.timers.track(room.state);
          this.deps.onCommitted?.(room.id, room.state, folded);
        }
      } catch (error) {
        this.deps.logger.warn({ err: error, conferenceId: room.id }, 'catch-up failed');
      }
    }
  }

  conferenceIds(): Promise<string[]> {
    return this.deps.store.conferenceIds();
  }

  close(): void {
    this.timers.stopAll();
  }
}
