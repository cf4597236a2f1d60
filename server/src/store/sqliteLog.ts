import type Database from 'better-sqlite3';
import { chunkWriter } from './sqliteChunks';

/** The log's tables; created by whichever connection opens the file first. */
export const LOG_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  conference_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, at INTEGER NOT NULL,
  actor TEXT NOT NULL, command_id TEXT NOT NULL, payload TEXT NOT NULL,
  PRIMARY KEY (conference_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS commands (
  conference_id TEXT NOT NULL, command_id TEXT NOT NULL, first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL,
  PRIMARY KEY (conference_id, command_id)
) WITHOUT ROWID;
`;

/** One event as the writer stores it: actor and payload already JSON (made on the hub's thread, where they live). */
export interface EventRow { type: string; at: number; actor: string; payload: string }

/** One command's append, as it travels to the writer. */
export interface AppendJob { id: number; conferenceId: string; expectedSeq: number; commandId: string; rows: EventRow[]; after?: string }

export type AppendOutcome =
  | { id: number; status: 'appended'; last: number }
  | { id: number; status: 'duplicate'; firstSeq: number; lastSeq: number }
  | { id: number; status: 'conflict'; lastSeq: number };

/** The checks and inserts of one append, inside the writer's transaction: commandId first, then the expected seq. */
export function appendStatements(db: Database.Database): (job: AppendJob) => AppendOutcome {
  const q = {
    last: db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM events WHERE conference_id = ?'),
    command: db.prepare<[string, string], { first_seq: number; last_seq: number }>('SELECT first_seq, last_seq FROM commands WHERE conference_id = ? AND command_id = ?'),
    insertEvent: db.prepare('INSERT INTO events (conference_id, seq, type, at, actor, command_id, payload) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    insertCommand: db.prepare('INSERT INTO commands (conference_id, command_id, first_seq, last_seq) VALUES (?, ?, ?, ?)'),
    commandAt: db.prepare<[string, number], { command_id: string }>('SELECT command_id FROM events WHERE conference_id = ? AND seq = ?'),
  };
  const writeChunks = chunkWriter(db);
  return (job) => {
    const dup = q.command.get(job.conferenceId, job.commandId);
    if (dup) return { id: job.id, status: 'duplicate', firstSeq: dup.first_seq, lastSeq: dup.last_seq };
    const last = q.last.get(job.conferenceId)?.seq ?? 0;
    if (last !== job.expectedSeq) return { id: job.id, status: 'conflict', lastSeq: last };
    if (job.after !== undefined && last > 0 && q.commandAt.get(job.conferenceId, last)?.command_id !== job.after) return { id: job.id, status: 'conflict', lastSeq: last };
    job.rows.forEach((r, i) => q.insertEvent.run(job.conferenceId, last + i + 1, r.type, r.at, r.actor, job.commandId, r.payload));
    q.insertCommand.run(job.conferenceId, job.commandId, last + 1, last + job.rows.length);
    writeChunks(job.conferenceId, last, last + job.rows.length);
    return { id: job.id, status: 'appended', last };
  };
}
