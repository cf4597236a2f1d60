import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandIndex } from './commandIndex';
import { openSqliteEventStore } from './sqliteEventStore';
import { SqliteWriter } from './sqliteWriter';
import { CHUNK_SCHEMA } from './sqliteChunks';
import { LOG_SCHEMA } from './sqliteLog';

const actor = { role: 'secretary' as const, sessionId: 's1' };
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const logged = (text: string) => ({ type: 'comment.logged' as const, at: 1, actor, payload: { commentId: text, articles: [], kind: 'agree' as const, text, source: 'spoken' as const } });
const newFile = () => join(mkdtempSync(join(tmpdir(), 'diem-cau-commands-')), 'events.db');

describe('the SQLite writer keeps each log\'s commands in memory (S9)', () => {
  it('S9: after the writer starts again, a retried command is found from the log alone: duplicate, with its range', async () => {
    const file = newFile();
    const first = openSqliteEventStore(new Database(file));
    await first.append('a', 0, uuid(1), [logged('x'), logged('y')]);
    await first.append('a', 2, uuid(2), [logged('z')]);
    await first.close();
    const again = openSqliteEventStore(new Database(file));
    expect(await again.findCommand('a', uuid(1))).toEqual({ firstSeq: 1, lastSeq: 2 });
    expect(await again.append('a', 3, uuid(2), [logged('z')])).toEqual({ status: 'duplicate', firstSeq: 3, lastSeq: 3 });
    expect(await again.findCommand('a', uuid(3))).toBeUndefined();
    expect(await again.lastSeq('a')).toBe(3);
    await again.close();
  });

  it('S9: a store made with a commands table loses the table when its writer starts, and still refuses duplicates', async () => {
    const file = newFile();
    const old = new Database(file);
    old.exec(LOG_SCHEMA + 'CREATE TABLE commands (conference_id TEXT NOT NULL, command_id TEXT NOT NULL, first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL, PRIMARY KEY (conference_id, command_id)) WITHOUT ROWID;');
    old.close();
    const store = openSqliteEventStore(new Database(file));
    await store.append('a', 0, uuid(1), [logged('x')]);
    expect(await store.append('a', 1, uuid(1), [logged('x')])).toEqual({ status: 'duplicate', firstSeq: 1, lastSeq: 1 });
    await store.close();
    const tables = new Database(file).prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).not.toContain('commands');
    expect(tables).toContain('events');
  });

  it('S9: a question about a command is answered after the appends handed over before it', async () => {
    const store = openSqliteEventStore(new Database(newFile()));
    const appended = store.append('a', 0, uuid(1), [logged('x')]);
    const found = store.findCommand('a', uuid(1));
    expect(await found).toEqual({ firstSeq: 1, lastSeq: 1 });
    await appended;
    await store.close();
  });

  it('S9: a group commit that rolls back leaves no command behind: the same command is appended when sent again', async () => {
    const file = newFile();
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec(LOG_SCHEMA + CHUNK_SCHEMA);
    db.close();
    const writer = new SqliteWriter(file);
    const row = { type: 'comment.logged', at: 1, actor: '{"role":"secretary"}', payload: '{}' };
    // Handed over in one turn, so committed in one transaction: the second's NULL type fails it, and the first with it.
    const good = writer.append({ conferenceId: 'a', expectedSeq: 0, commandId: uuid(1), rows: [row] });
    const bad = writer.append({ conferenceId: 'b', expectedSeq: 0, commandId: uuid(2), rows: [{ ...row, type: null as unknown as string }] });
    await Promise.all([expect(good).rejects.toThrow(/not stored/), expect(bad).rejects.toThrow(/not stored/)]);
    expect(await writer.findCommand('a', uuid(1))).toBeUndefined();
    expect(await writer.append({ conferenceId: 'a', expectedSeq: 0, commandId: uuid(1), rows: [row] })).toMatchObject({ status: 'appended', last: 0 });
    expect(await writer.findCommand('a', uuid(1))).toEqual({ firstSeq: 1, lastSeq: 1 });
    await writer.close();
  });

  it('S9: a log nobody used for the idle time is forgotten and read again from the events when next asked', () => {
    const db = new Database(':memory:');
    db.exec(LOG_SCHEMA);
    const insert = db.prepare("INSERT INTO events (conference_id, seq, type, at, actor, command_id, payload) VALUES (?, ?, 'x', 1, '{}', ?, '{}')");
    [[1, uuid(1)], [2, uuid(1)], [3, uuid(2)]].forEach(([seq, id]) => insert.run('a', seq, id));
    insert.run('b', 1, uuid(3));
    let now = 0;
    const index = new CommandIndex(db, () => now);
    expect(index.find('a', uuid(1))).toEqual({ firstSeq: 1, lastSeq: 2 });
    now = 5_000;
    expect(index.find('b', uuid(3))).toEqual({ firstSeq: 1, lastSeq: 1 });
    expect(index.sweep(1_000)).toBe(1); // a went, b stays
    insert.run('a', 4, uuid(4)); // written behind the index's back: seen only because a is read again
    expect(index.find('a', uuid(4))).toEqual({ firstSeq: 4, lastSeq: 4 });
    expect(index.find('b', uuid(4))).toBeUndefined();
  });
});
