import type Database from 'better-sqlite3';
import type { StoredEvent } from '@diem-cau/shared';

import { LOG_CHUNK_EVENTS } from './logChunks';

export { LOG_CHUNK_EVENTS };

/*
 * SQLite's chunks (S8): written by the writer thread, in the append's transaction, when a conference's log
 * fills one; read instead of a thousand rows whose actor and payload would each be parsed apart. A range
 * with no chunk (a log written before chunks existed, the last partial chunk) is read from the rows.
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
      const text = rows.all(conferenceId, from, from + LOG_CHUNK_EVENTS).map(([seq, type, at, actor, commandId, payload]) =>
        `{"seq":${seq},"type":${JSON.stringify(type)},"at":${at},"actor":${actor},"commandId":${JSON.stringify(commandId)},"payload":${payload}}`);
      insert.run(conferenceId, chunk, `[${text.join(',')}]`);
    }
  };
}

/** For the writer at its start: the whole chunks a log written before chunks existed is missing. */
export function backfillChunks(db: Database.Database): void {
  const write = chunkWriter(db);
  const logs = db.prepare<[], [string, number]>('SELECT conference_id, MAX(seq) FROM events GROUP BY conference_id').raw(true).all();
  const have = db.prepare<[string], [number]>('SELECT chunk FROM event_chunks WHERE conference_id = ?').raw(true).pluck();
  for (const [conferenceId, last] of logs) {
    const present = new Set(have.all(conferenceId) as unknown as number[]);
    for (let chunk = 0; chunk < Math.floor(last / LOG_CHUNK_EVENTS); chunk += 1) {
      if (!present.has(chunk)) write(conferenceId, chunk * LOG_CHUNK_EVENTS, (chunk + 1) * LOG_CHUNK_EVENTS);
    }
  }
}

/** For readers: the events of whole chunks from the one starting after `afterSeq`, while they follow on; where they stop. */
export function chunkReader(db: Database.Database): (conferenceId: string, afterSeq: number) => { events: StoredEvent[]; through: number } {
  const chunks = db.prepare<[string, number], [number, string]>('SELECT chunk, events FROM event_chunks WHERE conference_id = ? AND chunk >= ? ORDER BY chunk').raw(true);
  return (conferenceId, afterSeq) => {
    const events: StoredEvent[] = [];
    if (afterSeq % LOG_CHUNK_EVENTS !== 0) return { events, through: afterSeq };
    let next = afterSeq / LOG_CHUNK_EVENTS;
    for (const [chunk, text] of chunks.iterate(conferenceId, next)) {
      if (chunk !== next) break;
      for (const e of JSON.parse(text) as StoredEvent[]) events.push(e);
      next += 1;
    }
    return { events, through: afterSeq + events.length };
  };
}
