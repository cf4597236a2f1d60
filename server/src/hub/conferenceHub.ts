import {
  CommandSchema, SYSTEM_ACTOR, ConferenceSetupSchema, type Actor, type Command, type DomainLimits, type ConferenceSetup, type ConferenceState, type StoredEvent,
} from '@diem-cau/shared';
import type { Logger } from 'pino';
import type { NodeBus } from '../cluster/nodeBus';
import { OwnerRouter, UNROUTED } from '../cluster/ownerRouter';
import { soloOwnership, type Ownership } from '../cluster/ownership';
import type { ChainHead, ChainedEvent } from '../store/eventChain';
import type { EventStore } from '../store/eventStore';
import type { Clock } from './clock';
import { ConferenceRoom, FencedAppend, type CommandOutcome } from './conferenceRoom';
import { deterministicCommandId } from './deterministicId';
import { ConsultationTimers } from './consultationTimer';
import { SpeechTimers } from './speechTimer';

export interface HubDeps {
  store: EventStore;
  clock: Clock;
  logger: Logger;
  /** Called with the events of every successful command run here, for the gateway to fan out. */
  publish: (conferenceId: string, events: StoredEvent[]) => void;
  /** Called after events were committed here (the media plane follows the floor), and when this node gains a conference. */
  onCommitted?: (conferenceId: string, state: ConferenceState, events: StoredEvent[]) => void;
  /** This node gained or lost a conference (after a gained one is caught up): the media plane follows its owner. */
  onOwnership?: (conferenceId: string, mine: boolean, fence: string | undefined) => void;
  /** Who owns which conference; one node with an embedded store owns them all. */
  ownership?: Ownership;
  /** How commands reach the owner when it is another node. */
  bus?: NodeBus;
  /** A room nobody used for this long, with no local socket following it, is dropped from memory. */
  idleMs?: number;
  /** Quotas the domain enforces in decide (Q6: points' written comments). */
  limits?: DomainLimits;
}

/** How long a command forwarded to the owner may wait for its answer before it is sent again. */
const FORWARD_ATTEMPT_MS = 2_000;
/** How long a command may look for an owner (a failover takes a lease's time to live) before UNAVAILABLE. */
const ROUTE_DEADLINE_MS = 10_000;
const DEFAULT_IDLE_MS = 10 * 60_000;

interface ForwardedCommand { conferenceId: string; command: Command; actor: Actor }

/**
 * The conferences on this node. For a conference it owns, the node runs the commands (decide, append
 * under the owner lease's fencing token), the speech timers and the publishing; for the others it forwards
 * commands to the owner and keeps a read copy folded from the log on demand (sync, reports).
 */
export class ConferenceHub {
  private rooms = new Map<string, { room: Promise<ConferenceRoom | undefined>; usedAt: number }>();
  private readonly timers: SpeechTimers;
  private readonly expiries: ConsultationTimers;
  private readonly ownership: Ownership;
  private readonly following = new Map<string, { count: number; unwatch: () => void }>();
  private readonly sweeper: NodeJS.Timeout;
  /** Runs owner-only work here or on the owner: commands, and the media plane's signalling. */
  readonly owners: OwnerRouter;

  constructor(private readonly deps: HubDeps) {
    this.ownership = deps.ownership ?? soloOwnership();
    this.timers = new SpeechTimers(deps.clock, (conferenceId, speechId, deadline) => {
      void this.timeUp(conferenceId, speechId, deadline);
    });
    this.expiries = new ConsultationTimers(deps.clock, (conferenceId, consultationId, closesAt) => {
      void this.consultationExpired(conferenceId, consultationId, closesAt);
    });
    this.ownership.onChange((id, mine) => void this.ownershipChanged(id, mine));
    this.owners = new OwnerRouter(this.ownership, deps.bus);
    // A command another node forwarded: run only if this node owns the conference (never forwarded twice).
    this.owners.serve<ForwardedCommand, CommandOutcome>('command', (body, fence) => this.runHere(body.conferenceId, body.command, body.actor, fence));
    const idleMs = deps.idleMs ?? DEFAULT_IDLE_MS;
    this.sweeper = setInterval(() => void this.evictIdle(idleMs), Math.min(idleMs, 60_000));
    this.sweeper.unref();
  }

  get nodeId(): string {
    return this.ownership.nodeId;
  }

  /** This node's copy of the conference (loaded from the log on first use). Readers call `catchUp()` first. */
  room(id: string): Promise<ConferenceRoom | undefined> {
    const held = this.rooms.get(id);
    if (held) {
      held.usedAt = Date.now();
      return held.room;
    }
    const room = ConferenceRoom.load(id, this.deps.store, this.deps.clock, this.deps.limits).then((r) => {
      if (!r) this.rooms.delete(id);
      else if (this.ownership.owns(id)) this.trackTimers(r.state);
      return r;
    });
    this.rooms.set(id, { room, usedAt: Date.now() });
    return room;
  }

  /**
   * A socket (or this node's media room) follows the conference: keep its room, and make sure the conference
   * has an owner. Counted here only; the ownership is asked to watch once per conference, not per socket.
   */
  follow(conferenceId: string): () => void {
    const held = this.following.get(conferenceId);
    if (held) held.count += 1;
    else this.following.set(conferenceId, { count: 1, unwatch: this.ownership.watch(conferenceId) });
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const entry = this.following.get(conferenceId);
      if (!entry) return;
      entry.count -= 1;
      if (entry.count > 0) return;
      this.following.delete(conferenceId);
      entry.unwatch();
    };
  }

  owns(conferenceId: string): boolean {
    return this.ownership.owns(conferenceId);
  }

  async create(conferenceId: string, setup: ConferenceSetup, actor: Actor, commandId: string): Promise<CommandOutcome> {
    const payload = { conferenceId, setup: ConferenceSetupSchema.parse(setup) };
    // Unfenced: only an empty log accepts it, so two nodes creating the same conference cannot both succeed.
    const result = await this.deps.store.append(conferenceId, 0, commandId, [{ type: 'conference.created', at: this.deps.clock.now(), actor, payload }]);
    if (result.status === 'conflict') return { ok: false, error: { code: 'CONFLICT', message: `Hội nghị ${conferenceId} đã tồn tại` } };
    if (result.status === 'duplicate') return { ok: true, seq: result.lastSeq, events: [], duplicate: true };
    if (result.status === 'fenced') throw new Error('conference.created is never fenced');
    return { ok: true, seq: 1, events: result.events, duplicate: false };
  }

  /**
   * Validates, then runs the command on the conference's owner: here, or forwarded and answered with the
   * owner's ack. The ack goes out only after the owner's store resolved.
   */
  async execute(conferenceId: string, raw: unknown, actor: Actor): Promise<CommandOutcome> {
    const parsed = CommandSchema.safeParse(raw);
    if (!parsed.success) {
      const details = parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message }));
      return { ok: false, error: { code: 'INVALID', message: 'Lệnh không hợp lệ', details } };
    }
    if (parsed.data.conferenceId !== conferenceId) return { ok: false, error: { code: 'NOT_FOUND', message: 'Lệnh gửi cho hội nghị khác' } };
    const command = parsed.data;
    const forwarded: ForwardedCommand = { conferenceId, command, actor };
    const outcome = await this.owners.call<CommandOutcome>(
      conferenceId, 'command', forwarded,
      (fence) => this.runHere(conferenceId, command, actor, fence),
      { attemptMs: FORWARD_ATTEMPT_MS, deadlineMs: ROUTE_DEADLINE_MS, resendAfterTimeout: true },
    );
    if (outcome !== UNROUTED) return outcome;
    return { ok: false, error: { code: 'UNAVAILABLE', message: 'Máy chủ đang chuyển giao hội nghị, vui lòng thử lại' } };
  }

  /** Runs a command as the owner; undefined when the lease turned out to be lost (the caller routes again). */
  private async runHere(conferenceId: string, command: Command, actor: Actor, fence: string | undefined): Promise<CommandOutcome | undefined> {
    const room = await this.room(conferenceId);
    if (!room) return { ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy hội nghị' } };
    let outcome: CommandOutcome;
    try {
      outcome = await room.execute(command, actor, fence);
    } catch (error) {
      if (!(error instanceof FencedAppend) || fence === undefined) throw error;
      this.deps.logger.warn({ conferenceId, fence }, 'append fenced: the owner lease was taken over');
      this.ownership.fenced(conferenceId, fence);
      return undefined;
    }
    if (outcome.ok && outcome.events.length > 0) {
      this.deps.publish(conferenceId, outcome.events);
      if (this.ownership.owns(conferenceId)) this.trackTimers(room.state);
      this.deps.onCommitted?.(conferenceId, room.state, outcome.events);
    }
    return outcome;
  }

  private async ownershipChanged(conferenceId: string, mine: boolean): Promise<void> {
    this.deps.logger.info({ conferenceId, node: this.nodeId, mine }, mine ? 'conference owned here' : 'conference owned elsewhere');
    if (!mine) {
      this.cancelTimers(conferenceId);
      return this.deps.onOwnership?.(conferenceId, false, undefined);
    }
    try {
      const room = await this.room(conferenceId);
      if (!room) return;
      // The previous owner may have appended up to its last moment: start from the whole log.
      await room.catchUp();
      const route = await this.ownership.route(conferenceId);
      if (!route.mine) return;
      this.trackTimers(room.state);
      this.deps.onCommitted?.(conferenceId, room.state, []);
      this.deps.onOwnership?.(conferenceId, true, route.fence);
    } catch (error) {
      this.deps.logger.warn({ err: error, conferenceId }, 'taking over a conference failed');
    }
  }

  /** The owner runs the conference's timers: the speech's deadline and the open consultation's (PO17). */
  private trackTimers(state: ConferenceState): void {
    this.timers.track(state);
    this.expiries.track(state);
  }

  private cancelTimers(conferenceId: string): void {
    this.timers.cancel(conferenceId);
    this.expiries.cancel(conferenceId);
  }

  private async consultationExpired(conferenceId: string, consultationId: string, closesAt: number): Promise<void> {
    if (!this.ownership.owns(conferenceId)) return;
    const commandId = deterministicCommandId(`consultationExpired:${conferenceId}:${consultationId}:${closesAt}`);
    const outcome = await this.execute(conferenceId, { type: 'consultation.close', commandId, conferenceId, consultationId }, SYSTEM_ACTOR);
    // Already closed (by the chair, or by the chair's console at the deadline): nothing to record.
    if (!outcome.ok) this.deps.logger.debug({ conferenceId, consultationId, code: outcome.error.code }, 'consultation timer: nothing to do');
  }

  private async timeUp(conferenceId: string, speechId: string, deadline: number): Promise<void> {
    if (!this.ownership.owns(conferenceId)) return;
    const commandId = deterministicCommandId(`timeUp:${conferenceId}:${speechId}:${deadline}`);
    const outcome = await this.execute(conferenceId, { type: 'floor.timeUp', commandId, conferenceId, speechId, deadline }, SYSTEM_ACTOR);
    if (!outcome.ok) this.deps.logger.debug({ conferenceId, speechId, code: outcome.error.code }, 'speech timer: nothing to do');
  }

  /** Events after `sinceSeq` up to `untilSeq`, straight from the log. */
  async eventsSince(conferenceId: string, sinceSeq: number, untilSeq: number): Promise<StoredEvent[]> {
    return this.deps.store.readSince(conferenceId, sinceSeq, untilSeq - sinceSeq);
  }

  conferenceIds(): Promise<string[]> {
    return this.deps.store.conferenceIds();
  }

  /** The log with each event's chain link, for an archive (HC2). */
  readChained(conferenceId: string): Promise<ChainedEvent[]> {
    return this.deps.store.readChained(conferenceId);
  }

  /** The chain hash of the event at `seq`: what a report built up to it prints (HC4). */
  chainHead(conferenceId: string, seq: number): Promise<ChainHead> {
    return this.deps.store.chainHead(conferenceId, seq);
  }

  /** The conferences held in memory here, loaded: their log length, and whether this node owns them (metrics). */
  async heldConferences(): Promise<Array<{ conferenceId: string; seq: number; owned: boolean }>> {
    const held = await Promise.all([...this.rooms].map(async ([conferenceId, entry]) => ({ conferenceId, room: await entry.room.catch(() => undefined) })));
    return held.flatMap(({ conferenceId, room }) => (room ? [{ conferenceId, seq: room.state.seq, owned: this.ownership.owns(conferenceId) }] : []));
  }

  /** Rooms held in memory (for tests and metrics). */
  roomCount(): number {
    return this.rooms.size;
  }

  /** Drops rooms nobody here follows or used lately; an owned one gives its lease back first. */
  async evictIdle(idleMs: number): Promise<string[]> {
    const evicted: string[] = [];
    const cutoff = Date.now() - idleMs;
    for (const [id, held] of this.rooms) {
      if (held.usedAt > cutoff || this.following.has(id)) continue;
      const room = await held.room;
      // A speech still running, or a consultation's time limit, keeps its timer here: the room stays meanwhile.
      if (room && this.ownership.owns(id) && (room.state.currentSpeechId !== undefined || this.expiries.has(id))) continue;
      this.rooms.delete(id);
      this.cancelTimers(id);
      await this.ownership.release(id);
      evicted.push(id);
    }
    return evicted;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.timers.stopAll();
    this.expiries.stopAll();
    await this.ownership.close();
  }
}
