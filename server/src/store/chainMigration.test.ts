import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RedisServer } from '../testing/redisServer';
import { GENESIS_HASH, chainOf, eventHash } from './eventChain';
import { openRedisEventStore } from './redisEventStore';
import { openSqliteEventStore } from './sqliteEventStore';

const actor = { role: 'secretary', sessionId: 's1' };
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
/** A log as the release before the chain wrote it: no prevHash anywhere. */
const OLD_LOG = Array.from({ length: 1_205 }, (_, i) => ({
  seq: i + 1, type: 'comment.logged', at: 1_000 + i, actor, commandId: uuid(i + 1),
  payload: { commentId: `c${i + 1}`, articles: [], kind: 'agree', text: `Ý kiến ${i + 1}`, source: 'spoken' },
}));
const next = { type: 'comment.logged' as const, at: 9_999, actor: { role: 'secretary' as const, sessionId: 's1' }, payload: { commentId: 'new', articles: [], kind: 'agree' as const, text: 'mới', source: 'spoken' as const } };

describe('the migration chains old logs (HC3)', () => {
  it('HC3: a SQLite store of the release before the chain (no prev_hash column) is chained when its writer starts', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'diem-cau-chain-')), 'events.db');
    const old = new Database(file);
    old.exec(`CREATE TABLE events (conference_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, at INTEGER NOT NULL,
      actor TEXT NOT NULL, command_id TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (conference_id, seq)) WITHOUT ROWID;
      CREATE TABLE commands (conference_id TEXT NOT NULL, command_id TEXT NOT NULL, first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL,
      PRIMARY KEY (conference_id, command_id)) WITHOUT ROWID;`);
    const insert = old.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)');
    const command = old.prepare('INSERT INTO commands VALUES (?, ?, ?, ?)');
    old.transaction(() => OLD_LOG.forEach((e) => {
      insert.run('old', e.seq, e.type, e.at, JSON.stringify(e.actor), e.commandId, JSON.stringify(e.payload));
      command.run('old', e.commandId, e.seq, e.seq);
    }))();
    old.close();

    const store = openSqliteEventStore(new Database(file));
    const { prevHashes, head } = chainOf(OLD_LOG);
    // Read before the writer ran: the links it will store.
    expect((await store.readChained('old')).map((e) => e.prevHash)).toEqual(prevHashes);
    expect(await store.chainHead('old')).toEqual({ seq: OLD_LOG.length, hash: head });
    await store.append('old', OLD_LOG.length, uuid(99_999), [next]);
    const stored = new Database(file, { readonly: true }).prepare('SELECT prev_hash FROM events WHERE conference_id = ? ORDER BY seq').pluck().all('old');
    expect(stored).toEqual([...prevHashes, head]);
    expect((await store.readChained('old')).at(-1)?.prevHash).toBe(head);
    await store.close();
  });

  it('HC3: a Redis log of the release before the chain (entries without h) is chained at its first append, to the same links, and again after that release appended to it', async () => {
    const server = await RedisServer.start();
    try {
      const redis = server.client();
      for (const e of OLD_LOG) {
        const { seq, ...body } = e;
        await redis.xadd('dc:{old}:log', `0-${seq}`, 'e', JSON.stringify({ type: body.type, at: body.at, actor: body.actor, commandId: body.commandId, payload: body.payload }));
      }
      const store = openRedisEventStore(server.client());
      const { prevHashes, head } = chainOf(OLD_LOG);
      expect((await store.readChained('old')).map((e) => e.prevHash)).toEqual(prevHashes);
      expect(await store.append('old', OLD_LOG.length, uuid(99_999), [next])).toMatchObject({ status: 'appended', events: [{ seq: OLD_LOG.length + 1 }] });
      const entries = (await redis.xrange('dc:{old}:log', '-', '+')) as Array<[string, string[]]>;
      expect(entries.map(([, fields]) => fields[3])).toEqual([...prevHashes, head]);
      const last = (await store.readChained('old')).at(-1);
      expect(await store.chainHead('old')).toEqual({ seq: OLD_LOG.length + 1, hash: last && eventHash(head, last) });
      expect(prevHashes[0]).toBe(GENESIS_HASH);
      // A node of the release before appends again (a rolling upgrade's mixed cluster, or a rollback): no h, the head left behind.
      const seq = OLD_LOG.length + 2;
      await redis.xadd('dc:{old}:log', `0-${seq}`, 'e', JSON.stringify({ type: next.type, at: 1, actor: next.actor, commandId: uuid(99_998), payload: { ...next.payload, commentId: 'old-again' } }));
      const fresh = openRedisEventStore(server.client());
      expect(await fresh.append('old', seq, uuid(99_997), [next], undefined, uuid(99_998))).toMatchObject({ status: 'appended', events: [{ seq: seq + 1 }] });
      const relinked = await fresh.readChained('old');
      expect(relinked.map((e) => e.prevHash)).toEqual(chainOf(relinked).prevHashes);
      const again = (await redis.xrange('dc:{old}:log', '-', '+')) as Array<[string, string[]]>;
      expect(again.every(([, fields]) => fields[2] === 'h')).toBe(true);
      await fresh.close();
      await store.close();
      redis.disconnect();
    } finally {
      await server.stop();
    }
  });
});
