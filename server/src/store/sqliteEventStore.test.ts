import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from './eventStoreContract';
import { openSqliteEventStore } from './sqliteEventStore';

describeEventStoreContract('sqlite (file, WAL)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'diem-cau-store-'));
  return openSqliteEventStore(new Database(join(dir, 'events.db')));
});

describe('sqlite event store', () => {
  it('S6: the log survives closing and reopening the file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'diem-cau-store-')), 'events.db');
    const store = openSqliteEventStore(new Database(file));
    await store.append('a', 0, '00000000-0000-4000-8000-000000000001', [{ type: 'conference.started', at: 1, actor: { role: 'chair', sessionId: 'c' }, payload: {} }]);
    await store.close();
    const reopened = openSqliteEventStore(new Database(file));
    expect(await reopened.readSince('a', 0)).toHaveLength(1);
    expect(new Database(file).pragma('journal_mode', { simple: true })).toBe('wal');
    await reopened.close();
  });
});
