import type { Actor, DomainEvent, StoredEvent } from '@diem-cau/shared';
import type { ChainHead, ChainedEvent } from './eventChain';

/** An event ready to be placed in the log: the store gives it its seq and commandId. */
export type NewEvent = DomainEvent & { at: number; actor: Actor };

export type AppendResult =
  | { status: 'appended'; events: StoredEvent[] }
  /** The commandId was applied before: nothing stored, the original seq range returned. */
  | { status: 'duplicate'; firstSeq: number; lastSeq: number }
  /** Someone else appended first (another hub node): reload and decide again. */
  | { status: 'conflict'; lastSeq: number }
  /** The fencing token is not the conference's current owner lease: this node no longer owns it, nothing stored. */
  | { status: 'fenced' };

/**
 * The log of every conference. Appends are atomic, checked against the expected last seq
 * and the commandId, and durable when the promise resolves: only then may the hub ack.
 */
export interface EventStore {
  /**
   * `fence` is the owner lease token (`node:epoch`) a shared store checks atomically with the append;
   * an embedded store has one writer and ignores it. `after` is the commandId of the event at `expectedSeq`
   * the command was decided after: another command there is a conflict too, so an append decided behind
   * one that never reached the store cannot land in its place (a pipeline's head, S7).
   */
  append(conferenceId: string, expectedSeq: number, commandId: string, events: readonly NewEvent[], fence?: string, after?: string): Promise<AppendResult>;
  readSince(conferenceId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]>;
  lastSeq(conferenceId: string): Promise<number>;
  findCommand(conferenceId: string, commandId: string): Promise<{ firstSeq: number; lastSeq: number } | undefined>;
  conferenceIds(): Promise<string[]>;
  /**
   * The log with each event's prevHash (HC2), for an archive; reads the events apart from their chunks. An old log the
   * migration has not chained yet is chained here, in memory, the same way.
   */
  readChained(conferenceId: string): Promise<ChainedEvent[]>;
  /** The hash of the event at `seq` (the last one when absent): what reports print beside the event count (HC4). */
  chainHead(conferenceId: string, seq?: number): Promise<ChainHead>;
  close(): Promise<void>;
}
