import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { EventStore, NewEvent } from './eventStore';
import { LOG_CHUNK_EVENTS } from './sqliteChunks';
import { openSqliteEventStore } from './sqliteEventStore';

const actor = { role: 'secretary' as const, sessionId: 's1', label: 'Thư ký Lan' };
const logged = (n: number): NewEvent => ({ type: 'comment.logged', at: n, actor, payload: { commentId: `c${n}`, articles: [{ article: 1 }], kind: 'agree', text: `Ý kiến "${n}" — Điều 5`, source: 'spoken' } });
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const N = 2 * LOG_CHUNK_EVENTS + 537;

/** A log of N events, appended as the hub does: each decided after the last, many in flight at once. */
async function fill(store: EventStore): Promise<void> {
  await Promise.all(Array.from({ length: N }, (_, i) => store.append('a', i, uuid(i + 1), [logged(i + 1)], undefined, i === 0 ? undefined : uuid(i))));
}

/** Reads the log row by row (limits under a chunk never use chunks): what every other read must equal. */
async function byRows(store: EventStore, afterSeq: number) {
  const out = [];
  for (let seq = afterSeq; ; ) {
    const page = await store.readSince('a', seq, LOG_CHUNK_EVENTS - 1);
    if (page.length === 0) return out;
    out.push(...page);
    seq = page.at(-1)!.seq;
  }
}

/** A file holding a filled log, closed; and what it reads. */
async function closedLog(): Promise<{ file: string; expected: Awaited<ReturnType<EventStore['readSince']>> }> {
  const file = join(mkdtempSync(join(tmpdir(), 'diem-cau-chunks-')), 'log.db');
  const store = openSqliteEventStore(new Database(file));
  await fill(store);
  const expected = await store.readSince('a', 0);
  await store.close();
  return { file, expected };
}

describe('S8: the SQLite log read in chunks', () => {
  it('S8: a read from any seq, with or without a limit, equals the rows; chunks exist for every full thousand', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'diem-cau-chunks-')), 'log.db');
    const store = openSqliteEventStore(new Database(file));
    await fill(store);
    for (const after of [0, 1, LOG_CHUNK_EVENTS - 1, LOG_CHUNK_EVENTS, LOG_CHUNK_EVENTS + 500, 2 * LOG_CHUNK_EVENTS, N - 3, N]) {
      expect(await store.readSince('a', after)).toEqual(await byRows(store, after));
    }
    expect(await store.readSince('a', 500, 1_200)).toEqual((await byRows(store, 500)).slice(0, 1_200));
    const all = await store.readSince('a', 0);
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    expect(all[1_234]).toMatchObject({ seq: 1_235, commandId: uuid(1_235), actor, payload: { text: 'Ý kiến "1235" — Điều 5' } });
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT chunk FROM event_chunks WHERE conference_id = 'a' ORDER BY chunk").pluck().all()).toEqual([0, 1]);
    db.close();
  });

  it('S8: a log written before chunks existed reads the same, and gets its chunks when the writer next starts', async () => {
    const { file, expected } = await closedLog();
    const db = new Database(file);
    db.exec('DELETE FROM event_chunks');
    db.close();
    const reopened = openSqliteEventStore(new Database(file));
    expect(await reopened.readSince('a', 0)).toEqual(expected);
    // The writer starts with the next append and backfills the missing chunks off the hub's thread.
    await reopened.append('a', N, uuid(N + 1), [logged(N + 1)], undefined, uuid(N));
    const check = new Database(file, { readonly: true });
    expect(check.prepare("SELECT COUNT(*) FROM event_chunks WHERE conference_id = 'a'").pluck().get()).toBe(2);
    check.close();
    expect((await reopened.readSince('a', 0)).slice(0, N)).toEqual(expected);
    await reopened.close();
  });

  it('S8: a chunk is a compressed BLOB; one that cannot be read is read from the rows, a chunk of JSON text (the older format) is read and written again as a BLOB', async () => {
    const { file, expected } = await closedLog();
    const db = new Database(file);
    expect(db.prepare("SELECT typeof(events) FROM event_chunks WHERE conference_id = 'a' ORDER BY chunk").pluck().all()).toEqual(['blob', 'blob']);
    // Chunk 0 garbled, chunk 1 in the older format: JSON text of its events.
    db.prepare("UPDATE event_chunks SET events = x'1f8b0800deadbeef' WHERE conference_id = 'a' AND chunk = 0").run();
    db.prepare("UPDATE event_chunks SET events = ? WHERE conference_id = 'a' AND chunk = 1").run(JSON.stringify(expected.slice(LOG_CHUNK_EVENTS, 2 * LOG_CHUNK_EVENTS)));
    db.close();
    const reopened = openSqliteEventStore(new Database(file));
    expect(await reopened.readSince('a', 0)).toEqual(expected);
    expect(await reopened.readSince('a', LOG_CHUNK_EVENTS)).toEqual(expected.slice(LOG_CHUNK_EVENTS));
    await reopened.append('a', N, uuid(N + 1), [logged(N + 1)], undefined, uuid(N));
    const check = new Database(file, { readonly: true });
    expect(check.prepare("SELECT typeof(events) FROM event_chunks WHERE conference_id = 'a' ORDER BY chunk").pluck().all()).toEqual(['blob', 'blob']);
    check.close();
    expect((await reopened.readSince('a', 0)).slice(0, N)).toEqual(expected);
    await reopened.close();
  });
});
