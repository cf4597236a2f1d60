import { deserialize, serialize } from 'node:v8';
import { gunzipSync, gzipSync, constants } from 'node:zlib';
import type Database from 'better-sqlite3';
import type { StoredEvent } from '@diem-cau/shared';

import { LOG_CHUNK_EVENTS } from './logChunks';

export { LOG_CHUNK_EVENTS };

/*
 * SQLite's chunks (S8): written by the writer thread, in the append's transaction, when a conference's log
 * fills one; read instead of a thousand rows whose actor and payload would each be parsed apart. A range
 * with no chunk (a log written before chunks existed, the last partial chunk) is read from the rows.
 *
 * A chunk is its events in V8's serialisation format, gzip-compressed (a BLOB): a recovery then never builds
 * the 40 MB of JSON text a 100,000-event log is (decoding UTF-8 into strings cost more than parsing them).
 * Node documents the format as backward-compatible, safe to store; chunks are a copy of the rows anyway, and
 * one that cannot be read is read from the rows. Chunks of JSON text (written before) are still read.
 */

export const CHUNK_SCHEMA = `
CREATE TABLE IF NOT EXISTS event_chunks (
  conference_id TEXT NOT NULL, chunk INTEGER NOT NULL, events TEXT NOT NULL,
  PRIMARY KEY (conference_id, chunk)
) WITHOUT ROWID;
`;

type Row = [seq: number, type: string, at: number, actor: string, commandId: string, payload: string];

/** For the writer: after an append took a log from `before` to `after` events, writes the chunks it filled. */
export function chunkWriter(db: Database.Database): (conferenceId: string, before: number, after: number) => void {
  const rows = db.prepare<[string, number, number], Row>('SELECT seq, type, at, actor, command_id, payload FROM events WHERE conference_id = ? AND seq > ? AND seq <= ? ORDER BY seq').raw(true);
  const insert = db.prepare('INSERT OR REPLACE INTO event_chunks (conference_id, chunk, events) VALUES (?, ?, ?)');
  return (conferenceId, before, after) => {
    for (let chunk = Math.floor(before / LOG_CHUNK_EVENTS); chunk < Math.floor(after / LOG_CHUNK_EVENTS); chunk += 1) {
      const from = chunk * LOG_CHUNK_EVENTS;
      const actors = new Map<string, unknown>();
      const events = rows.all(conferenceId, from, from + LOG_CHUNK_EVENTS).map(([seq, type, at, actor, commandId, payload]) =>
        ({ seq, type, at, actor: actors.get(actor) ?? actors.set(actor, JSON.parse(actor)).get(actor), commandId, payload: JSON.parse(payload) }));
      insert.run(conferenceId, chunk, gzipSync(serialize(events), { level: constants.Z_BEST_SPEED }));
    }
  };
}

/** For the writer at its start: the whole chunks a log written before chunks existed is missing, and those of an older format. */
export function backfillChunks(db: Database.Database): void {
  const write = chunkWriter(db);
  const logs = db.prepare<[], [string, number]>('SELECT conference_id, MAX(seq) FROM events GROUP BY conference_id').raw(true).all();
  // Chunks of JSON text (the format before) are written again in the current one.
  const have = db.prepare<[string], [number]>("SELECT chunk FROM event_chunks WHERE conference_id = ? AND typeof(events) = 'blob'").raw(true).pluck();
  for (const [conferenceId, last] of logs) {
    const present = new Set(have.all(conferenceId) as unknown as number[]);
    for (let chunk = 0; chunk < Math.floor(last / LOG_CHUNK_EVENTS); chunk += 1) {
      if (!present.has(chunk)) write(conferenceId, chunk * LOG_CHUNK_EVENTS, (chunk + 1) * LOG_CHUNK_EVENTS);
    }
  }
}

/** For readers: the events of whole chunks from the one starting after `afterSeq`, while they follow on; where they stop. */
export function chunkReader(db: Database.Database): (conferenceId: string, afterSeq: number) => { events: StoredEvent[]; through: number } {
  const chunks = db.prepare<[string, number], [number, string | Buffer]>('SELECT chunk, events FROM event_chunks WHERE conference_id = ? AND chunk >= ? ORDER BY chunk').raw(true);
  return (conferenceId, afterSeq) => {
    const events: StoredEvent[] = [];
    if (afterSeq % LOG_CHUNK_EVENTS !== 0) return { events, through: afterSeq };
    let next = afterSeq / LOG_CHUNK_EVENTS;
    for (const [chunk, stored] of chunks.iterate(conferenceId, next)) {
      const held = chunk === next ? chunkEvents(stored) : undefined;
      if (!held) break; // the rows take over from here
      for (const e of held) events.push(e);
      next += 1;
    }
    return { events, through: afterSeq + events.length };
  };
}

/** A chunk's events, or undefined when it cannot be read (the rows are read instead). */
function chunkEvents(stored: string | Buffer): StoredEvent[] | undefined {
  try {
    const events: unknown = typeof stored === 'string' ? JSON.parse(stored) : deserialize(gunzipSync(stored));
    return Array.isArray(events) && events.length === LOG_CHUNK_EVENTS ? (events as StoredEvent[]) : undefined;
  } catch {
    return undefined;
  }
}
