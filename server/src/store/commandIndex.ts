import type Database from 'better-sqlite3';

/** The events one command appended: they follow one another in its conference's log. */
export interface CommandSpan { firstSeq: number; lastSeq: number }

/** How long a log nobody appended to or asked about keeps its commands in the writer's memory. */
export const COMMAND_INDEX_IDLE_MS = 10 * 60_000;

/**
 * The SQLite writer's memory of the commands each log holds (S9): commandId → the seqs of its events, read from the
 * events' own `command_id` the first time a log is appended to or asked about, then kept by every append. The log
 * stays the only truth (a writer that starts reads it again); no index keyed by commandId is written. Such an
 * index put each command in its own page (commandIds are random), so every commit wrote a page per command:
 * 40 % of the bytes a group commit wrote and a third of the writer's time (bench:commands).
 */
export class CommandIndex {
  private readonly logs = new Map<string, { spans: Map<string, CommandSpan>; usedAt: number }>();
  private readonly rows: Database.Statement<[string], [number, string]>;

  constructor(db: Database.Database, private readonly now: () => number = Date.now) {
    this.rows = db.prepare<[string], [number, string]>('SELECT seq, command_id FROM events WHERE conference_id = ? ORDER BY seq').raw(true);
  }

  find(conferenceId: string, commandId: string): CommandSpan | undefined {
    return this.spansOf(conferenceId).get(commandId);
  }

  /** Inside the append's transaction: a rollback must `forget` the log (its memory would hold what was not stored). */
  add(conferenceId: string, commandId: string, span: CommandSpan): void {
    this.spansOf(conferenceId).set(commandId, span);
  }

  /** Read again from the log on next use. */
  forget(conferenceId: string): void {
    this.logs.delete(conferenceId);
  }

  /** Drops the logs not used for `idleMs`; returns how many are kept. */
  sweep(idleMs: number = COMMAND_INDEX_IDLE_MS): number {
    const cutoff = this.now() - idleMs;
    for (const [conferenceId, log] of this.logs) if (log.usedAt < cutoff) this.logs.delete(conferenceId);
    return this.logs.size;
  }

  private spansOf(conferenceId: string): Map<string, CommandSpan> {
    const held = this.logs.get(conferenceId);
    if (held) {
      held.usedAt = this.now();
      return held.spans;
    }
    const spans = new Map<string, CommandSpan>();
    for (const [seq, commandId] of this.rows.iterate(conferenceId)) {
      const span = spans.get(commandId);
      if (span) span.lastSeq = seq;
      else spans.set(commandId, { firstSeq: seq, lastSeq: seq });
    }
    this.logs.set(conferenceId, { spans, usedAt: this.now() });
    return spans;
  }
}
