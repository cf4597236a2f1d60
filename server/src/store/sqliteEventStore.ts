import type Database from 'better-sqlite3';
import type { StoredEvent } from '@diem-cau/shared';
import type { AppendResult, EventStore, NewEvent } from './eventStore';
import { CHUNK_SCHEMA, LOG_CHUNK_EVENTS, chunkReader } from './sqliteChunks';
import { GENESIS_HASH, canonicalJson, eventHash, type ChainedEvent } from './eventChain';
import { LOG_SCHEMA, addChainColumn } from './sqliteLog';
import { SqliteWriter } from './sqliteWriter';

/**
 * The embedded store: one SQLite file in WAL mode. Appends go to a writer thread that commits them in groups
 * with synchronous=FULL, so a commit is on disk (fsync of the WAL) before append() resolves and the hub acks,
 * and the event loop never waits on the disk. Reads run here, on their own connection (WAL: readers never
 * wait for the writer).
 */
/** An event's row as SQLite returns it in raw mode. */
type EventRow = [seq: number, type: string, at: number, actor: string, commandId: string, payload: string];
const ALL = Number.MAX_SAFE_INTEGER;

export function openSqliteEventStore(db: Database.Database): EventStore {
  db.pragma('journal_mode = WAL');
  db.exec(LOG_SCHEMA + CHUNK_SCHEMA);
  addChainColumn(db);
  const chunks = chunkReader(db);
  const writer = new SqliteWriter(db.name);
  const q = {
    last: db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM events WHERE conference_id = ?'),
    // Rows as arrays (raw): a 100,000-event conference is read for a recovery, where row objects cost a third more.
    since: db.prepare<[string, number, number], EventRow>('SELECT seq, type, at, actor, command_id, payload FROM events WHERE conference_id = ? AND seq > ? ORDER BY seq LIMIT ?').raw(true),
    ids: db.prepare<[], { conference_id: string }>('SELECT DISTINCT conference_id FROM events ORDER BY conference_id'),
    chained: db.prepare<[string], [...EventRow, string | null]>('SELECT seq, type, at, actor, command_id, payload, prev_hash FROM events WHERE conference_id = ? ORDER BY seq').raw(true),
    at: db.prepare<[string, number], [...EventRow, string | null]>('SELECT seq, type, at, actor, command_id, payload, prev_hash FROM events WHERE conference_id = ? AND seq = ?').raw(true),
  };

  /** Rows with their links; a row the writer has not chained yet (an old log, HC3) gets the link it will get. */
  const readChained = (conferenceId: string): ChainedEvent[] => {
    const log: ChainedEvent[] = [];
    const actors = new Map<string, unknown>();
    for (const [seq, type, at, actorJson, commandId, payload, stored] of q.chained.all(conferenceId)) {
      const actor = actors.get(actorJson) ?? actors.set(actorJson, JSON.parse(actorJson)).get(actorJson);
      const before = log.at(-1);
      // Hashed only where a link is missing: reading a chained log costs its parsing, nothing more.
      const prevHash = stored ?? (before ? eventHash(before.prevHash, before) : GENESIS_HASH);
      log.push({ seq, type, at, actor, commandId, payload: JSON.parse(payload), prevHash } as ChainedEvent);
    }
    return log;
  };

  const rowsSince = (conferenceId: string, afterSeq: number, limit: number): StoredEvent[] => {
    if (limit <= 0) return [];
    // A log has a handful of actors (its sessions): each is parsed once per read, not once per event.
    const actors = new Map<string, unknown>();
    const actorOf = (json: string) => actors.get(json) ?? actors.set(json, JSON.parse(json)).get(json);
    return q.since.all(conferenceId, afterSeq, limit).map(([seq, type, at, actor, commandId, payload]) =>
      ({ seq, type, at, actor: actorOf(actor), commandId, payload: JSON.parse(payload) }) as StoredEvent);
  };

  return {
    append: async (conferenceId, expectedSeq, commandId, events: readonly NewEvent[], _fence, after): Promise<AppendResult> => {
      if (events.length === 0) throw new Error('append() needs at least one event');
      // Canonical texts (HC1): the writer hashes them as they are, without parsing them again.
      const rows = events.map((e) => ({ type: e.type, at: e.at, actor: canonicalJson(e.actor), payload: canonicalJson(e.payload) }));
      const outcome = await writer.append({ conferenceId, expectedSeq, commandId, rows, ...(after !== undefined ? { after } : {}) });
      if (outcome.status === 'duplicate') return { status: 'duplicate', firstSeq: outcome.firstSeq, lastSeq: outcome.lastSeq };
      if (outcome.status === 'conflict') return { status: 'conflict', lastSeq: outcome.lastSeq };
      return { status: 'appended', events: events.map((e, i) => ({ ...e, seq: outcome.last + i + 1, commandId }) as StoredEvent) };
    },
    readSince: async (conferenceId, afterSeq, limit = ALL) => {
      if (limit < LOG_CHUNK_EVENTS) return rowsSince(conferenceId, afterSeq, limit);
      // Rows up to the next chunk boundary, whole chunks while they follow on, rows after them (a recovery).
      const boundary = Math.ceil(afterSeq / LOG_CHUNK_EVENTS) * LOG_CHUNK_EVENTS;
      const head = rowsSince(conferenceId, afterSeq, boundary - afterSeq);
      if (head.length < boundary - afterSeq) return head;
      const middle = chunks(conferenceId, boundary);
      const tail = rowsSince(conferenceId, middle.through, limit - head.length - middle.events.length);
      const all = head.concat(middle.events, tail);
      return all.length > limit ? all.slice(0, limit) : all;
    },
    lastSeq: async (conferenceId) => q.last.get(conferenceId)?.seq ?? 0,
    // S9: the writer knows each log's commands (no index by commandId is stored).
    findCommand: (conferenceId, commandId) => writer.findCommand(conferenceId, commandId),
    conferenceIds: async () => q.ids.all().map((r) => r.conference_id),
    readChained: async (conferenceId) => readChained(conferenceId),
    chainHead: async (conferenceId, seq) => {
      const at = seq ?? q.last.get(conferenceId)?.seq ?? 0;
      if (at === 0) return { seq: 0, hash: GENESIS_HASH };
      const row = q.at.get(conferenceId, at);
      if (!row) throw new Error(`${conferenceId} has no event ${at}`);
      const [, type, time, actor, commandId, payload, prevHash] = row;
      if (prevHash === null) {
        const log = readChained(conferenceId);
        const e = log[at - 1];
        return { seq: at, hash: e ? eventHash(e.prevHash, e) : GENESIS_HASH };
      }
      return { seq: at, hash: eventHash(prevHash, { seq: at, type, at: time, actor: JSON.parse(actor), commandId, payload: JSON.parse(payload) }) };
    },
    close: async () => {
      await writer.close();
      db.close();
    },
  };
}
