import type Database from 'better-sqlite3';
import type { StoredEvent } from '@diem-cau/shared';
import type { AppendResult, EventStore, NewEvent } from './eventStore';

const SCHEMA = `
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

interface EventRow { seq: number; type: string; at: number; actor: string; command_id: string; payload: string }

function toStored(row: EventRow): StoredEvent {
  return { seq: row.seq, type: row.type, at: row.at, actor: JSON.parse(row.actor), commandId: row.command_id, payload: JSON.parse(row.payload) } as StoredEvent;
}

/**
 * The embedded store: one SQLite file in WAL mode with synchronous=FULL, so a commit
 * is on disk (fsync of the WAL) before append() resolves and the hub acks.
 */
export function openSqliteEventStore(db: Database.Database): EventStore {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);
  const q = {
    last: db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM events WHERE conference_id = ?'),
    command: db.prepare<[string, string], { first_seq: number; last_seq: number }>('SELECT first_seq, last_seq FROM commands WHERE conference_id = ? AND command_id = ?'),
    insertEvent: db.prepare('INSERT INTO events (conference_id, seq, type, at, actor, command_id, payload) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    insertCommand: db.prepare('INSERT INTO commands (conference_id, command_id, first_seq, last_seq) VALUES (?, ?, ?, ?)'),
    since: db.prepare<[string, number, number], EventRow>('SELECT seq, type, at, actor, command_id, payload FROM events WHERE conference_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
    ids: db.prepare<[], { conference_id: string }>('SELECT DISTINCT conference_id FROM events ORDER BY conference_id'),
  };
  const lastSeq = (id: string) => q.last.get(id)?.seq ?? 0;

  const appendTx = db.transaction((conferenceId: string, expectedSeq: number, commandId: string, events: readonly NewEvent[]): AppendResult => {
    const dup = q.command.get(conferenceId, commandId);
    if (dup) return { status: 'duplicate', firstSeq: dup.first_seq, lastSeq: dup.last_seq };
    const last = lastSeq(conferenceId);
    if (last !== expectedSeq) return { status: 'conflict', lastSeq: last };
    const stored = events.map((e, i) => ({ ...e, seq: last + i + 1, commandId }) as StoredEvent);
    for (const e of stored) q.insertEvent.run(conferenceId, e.seq, e.type, e.at, JSON.stringify(e.actor), commandId, JSON.stringify(e.payload));
    q.insertCommand.run(conferenceId, commandId, last + 1, last + stored.length);
    return { status: 'appended', events: stored };
  });

  return {
    append: async (conferenceId, expectedSeq, commandId, events) => {
      if (events.length === 0) throw new Error('append() needs at least one event');
      return appendTx.immediate(conferenceId, expectedSeq, commandId, events);
    },
    readSince: async (conferenceId, afterSeq, limit = 1_000_000) => q.since.all(conferenceId, afterSeq, limit).map(toStored),
    lastSeq: async (conferenceId) => lastSeq(conferenceId),
    findCommand: async (conferenceId, commandId) => {
      const row = q.command.get(conferenceId, commandId);
      return row ? { firstSeq: row.first_seq, lastSeq: row.last_seq } : undefined;
    },
    conferenceIds: async () => q.ids.all().map((r) => r.conference_id),
    close: async () => {
      db.close();
    },
  };
}
