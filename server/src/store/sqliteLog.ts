import type Database from 'better-sqlite3';
import { GENESIS_HASH, eventHash, rowHash, type ChainHead } from './eventChain';
import type { CommandIndex } from './commandIndex';
import { chunkWriter } from './sqliteChunks';

/** The log's tables; created by whichever connection opens the file first. */
export const LOG_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  conference_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, at INTEGER NOT NULL,
  actor TEXT NOT NULL, command_id TEXT NOT NULL, payload TEXT NOT NULL, prev_hash TEXT,
  PRIMARY KEY (conference_id, seq)
) WITHOUT ROWID;
`;

/** S9: the table of commands by commandId a store made before the writer kept them in memory; dropped when the writer starts. */
export function dropCommandsTable(db: Database.Database): void {
  db.exec('DROP TABLE IF EXISTS commands');
}

/** HC3: a store made before the hash chain gets its column (NULL until the writer chains the old rows when it starts). */
export function addChainColumn(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(events)').all();
  if (!columns.some((c) => c.name === 'prev_hash')) db.exec('ALTER TABLE events ADD COLUMN prev_hash TEXT');
}

/** One event as the writer stores it: actor and payload already canonical JSON (made on the hub's thread, where they live; HC1). */
export interface EventRow { type: string; at: number; actor: string; payload: string }

/** One command's append, as it travels to the writer. */
export interface AppendJob { id: number; conferenceId: string; expectedSeq: number; commandId: string; rows: EventRow[]; after?: string }

export type AppendOutcome =
  | { id: number; status: 'appended'; last: number }
  | { id: number; status: 'duplicate'; firstSeq: number; lastSeq: number }
  | { id: number; status: 'conflict'; lastSeq: number };

/**
 * The checks and inserts of one append, inside the writer's transaction: commandId first (S2, from the writer's
 * `commands` memory, S9), then the expected seq. A transaction that rolls back must `forget` its logs in `commands`.
 */
export function appendStatements(db: Database.Database, commands: CommandIndex): (job: AppendJob) => AppendOutcome {
  const q = {
    last: db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM events WHERE conference_id = ?'),
    insertEvent: db.prepare('INSERT INTO events (conference_id, seq, type, at, actor, command_id, payload, prev_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    commandAt: db.prepare<[string, number], { command_id: string }>('SELECT command_id FROM events WHERE conference_id = ? AND seq = ?'),
  };
  const writeChunks = chunkWriter(db);
  const headOf = chainHeads(db);
  return (job) => {
    const dup = commands.find(job.conferenceId, job.commandId);
    if (dup) return { id: job.id, status: 'duplicate', firstSeq: dup.firstSeq, lastSeq: dup.lastSeq };
    const last = q.last.get(job.conferenceId)?.seq ?? 0;
    if (last !== job.expectedSeq) return { id: job.id, status: 'conflict', lastSeq: last };
    if (job.after !== undefined && last > 0 && q.commandAt.get(job.conferenceId, last)?.command_id !== job.after) return { id: job.id, status: 'conflict', lastSeq: last };
    // HC2: the writer is the log's one writer, so the head it remembers is the stored one's.
    let prev = headOf.get(job.conferenceId, last);
    job.rows.forEach((r, i) => {
      const seq = last + i + 1;
      q.insertEvent.run(job.conferenceId, seq, r.type, r.at, r.actor, job.commandId, r.payload, prev);
      prev = rowHash(prev, seq, r.type, r.at, r.actor, job.commandId, r.payload);
    });
    headOf.set(job.conferenceId, { seq: last + job.rows.length, hash: prev });
    commands.add(job.conferenceId, job.commandId, { firstSeq: last + 1, lastSeq: last + job.rows.length });
    writeChunks(job.conferenceId, last, last + job.rows.length);
    return { id: job.id, status: 'appended', last };
  };
}

/**
 * The writer's memory of each log's head hash; read from the last row when it has none for that seq (a writer just
 * started, or a batch rolled back). A log's rows are chained when the writer starts (chainOldLogs), so the last
 * row's prev_hash is there.
 */
function chainHeads(db: Database.Database): { get(conferenceId: string, seq: number): string; set(conferenceId: string, head: ChainHead): void } {
  const heads = new Map<string, ChainHead>();
  const row = db.prepare<[string, number], { type: string; at: number; actor: string; command_id: string; payload: string; prev_hash: string | null }>(
    'SELECT type, at, actor, command_id, payload, prev_hash FROM events WHERE conference_id = ? AND seq = ?');
  return {
    get: (conferenceId, seq) => {
      const known = heads.get(conferenceId);
      if (known?.seq === seq) return known.hash;
      if (seq === 0) return GENESIS_HASH;
      const r = row.get(conferenceId, seq);
      if (!r?.prev_hash) throw new Error(`the log of ${conferenceId} is not chained at ${seq}`);
      return eventHash(r.prev_hash, { seq, type: r.type, at: r.at, actor: JSON.parse(r.actor), commandId: r.command_id, payload: JSON.parse(r.payload) });
    },
    set: (conferenceId, head) => void heads.set(conferenceId, head),
  };
}

/** HC3, for the writer at its start: gives the rows of logs written before the chain their prev_hash, in seq order. */
export function chainOldLogs(db: Database.Database): number {
  const unchained = db.prepare<[], [string]>('SELECT DISTINCT conference_id FROM events WHERE prev_hash IS NULL').raw(true).all();
  const rows = db.prepare<[string], [number, string, number, string, string, string, string | null]>(
    'SELECT seq, type, at, actor, command_id, payload, prev_hash FROM events WHERE conference_id = ? ORDER BY seq').raw(true);
  const update = db.prepare('UPDATE events SET prev_hash = ? WHERE conference_id = ? AND seq = ?');
  let chained = 0;
  for (const [conferenceId] of unchained) {
    let prev = GENESIS_HASH;
    for (const [seq, type, at, actor, commandId, payload, stored] of rows.all(conferenceId)) {
      if (stored === null) {
        update.run(prev, conferenceId, seq);
        chained += 1;
      }
      prev = eventHash(prev, { seq, type, at, actor: JSON.parse(actor), commandId, payload: JSON.parse(payload) });
    }
  }
  return chained;
}
