import { GENESIS_HASH, eventHash, withoutLink } from './eventChain';
import type { NewEvent, EventStore } from './eventStore';
import { LOG_CHUNK_EVENTS } from './logChunks';

/**
 * The one contract every EventStore adapter passes (SQLite now, Redis next).
 * Call it from an adapter's test file with a factory that gives a fresh, empty store.
 */
export function describeEventStoreContract(name: string, open: () => Promise<EventStore>): void {
  const actor = { role: 'secretary' as const, sessionId: 's1' };
  const logged = (text: string, at = 1): NewEvent => ({ type: 'comment.logged', at, actor, payload: { commentId: text, articles: [], kind: 'agree', text, source: 'spoken' } });
  const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('S1: appends get seq 1, 2, 3 … without gaps, per conference', async () => {
      await store.append('a', 0, uuid(1), [logged('x'), logged('y')]);
      await store.append('b', 0, uuid(2), [logged('z')]);
      const r = await store.append('a', 2, uuid(3), [logged('w')]);
      expect(r).toMatchObject({ status: 'appended', events: [{ seq: 3, commandId: uuid(3) }] });
      expect((await store.readSince('a', 0)).map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(await store.lastSeq('b')).toBe(1);
      expect(await store.conferenceIds()).toEqual(['a', 'b']);
    });

    it('S2: a duplicate commandId stores nothing and returns the original seq range', async () => {
      await store.append('a', 0, uuid(1), [logged('x'), logged('y')]);
      const again = await store.append('a', 2, uuid(1), [logged('x'), logged('y')]);
      expect(again).toEqual({ status: 'duplicate', firstSeq: 1, lastSeq: 2 });
      expect(await store.lastSeq('a')).toBe(2);
      expect(await store.findCommand('a', uuid(1))).toEqual({ firstSeq: 1, lastSeq: 2 });
    });

    it('S3: a stale expected seq is a conflict and stores nothing', async () => {
      await store.append('a', 0, uuid(1), [logged('x')]);
      expect(await store.append('a', 0, uuid(2), [logged('y')])).toEqual({ status: 'conflict', lastSeq: 1 });
      expect(await store.findCommand('a', uuid(2))).toBeUndefined();
      expect(await store.lastSeq('a')).toBe(1);
    });

    it('S4: events read back equal what was appended, from any seq, with a limit', async () => {
      const r = await store.append('a', 0, uuid(1), [logged('Góp ý Điều 5', 42), logged('y', 43)]);
      const read = await store.readSince('a', 0);
      expect(r.status === 'appended' && r.events).toEqual(read);
      expect(read[0]).toMatchObject({ seq: 1, at: 42, actor, type: 'comment.logged', payload: { text: 'Góp ý Điều 5' } });
      expect((await store.readSince('a', 1)).map((e) => e.seq)).toEqual([2]);
      expect((await store.readSince('a', 0, 1)).map((e) => e.seq)).toEqual([1]);
      // A client already up to date asks for nothing: an empty answer, never an error.
      expect(await store.readSince('a', 2, 0)).toEqual([]);
      expect(await store.readSince('a', 2)).toEqual([]);
    });

    it('S7: an append that names the command it follows is a conflict when another command stands there', async () => {
      await store.append('a', 0, uuid(1), [logged('x')]);
      expect(await store.append('a', 1, uuid(2), [logged('y')], undefined, uuid(9))).toEqual({ status: 'conflict', lastSeq: 1 });
      expect(await store.append('a', 1, uuid(3), [logged('z')], undefined, uuid(1))).toMatchObject({ status: 'appended', events: [{ seq: 2 }] });
      expect((await store.readSince('a', 0)).map((e) => e.commandId)).toEqual([uuid(1), uuid(3)]);
    });

    it('S8: a log longer than two chunks reads the same from any seq, with or without a limit, as page by page', async () => {
      const n = 2 * LOG_CHUNK_EVENTS + 37;
      await Promise.all(Array.from({ length: n }, (_, i) => store.append('a', i, uuid(i + 1), [logged(`c${i + 1}`, i)], undefined, i === 0 ? undefined : uuid(i))));
      const pages = async (after: number) => {
        const out = [];
        for (let seq = after, page = await store.readSince('a', seq, 999); page.length > 0; seq = page.at(-1)!.seq, page = await store.readSince('a', seq, 999)) out.push(...page);
        return out;
      };
      for (const after of [0, 1, LOG_CHUNK_EVENTS, LOG_CHUNK_EVENTS + 1, 2 * LOG_CHUNK_EVENTS, n]) expect(await store.readSince('a', after)).toEqual(await pages(after));
      expect(await store.readSince('a', 10, 1_500)).toEqual((await pages(10)).slice(0, 1_500));
      expect((await store.readSince('a', 0)).map((e) => e.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    });

    it('S5: concurrent appends with the same expected seq: exactly one wins', async () => {
      const results = await Promise.all([1, 2, 3, 4].map((n) => store.append('a', 0, uuid(n), [logged(`c${n}`)])));
      expect(results.filter((r) => r.status === 'appended')).toHaveLength(1);
      expect(await store.lastSeq('a')).toBe(1);
    });

    it('HC2: each event stores the hash of the one before it, pipelined appends included, and the head is the last one\'s', async () => {
      // Two events per command, sent without waiting for the one before (the room's pipeline).
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => store.append('a', 2 * i, uuid(i + 1), [logged(`c${i + 1}`, i), logged(`d${i + 1}`, i)], undefined, i === 0 ? undefined : uuid(i))));
      expect(results.every((r) => r.status === 'appended')).toBe(true);
      const chained = await store.readChained('a');
      expect(chained.map(withoutLink)).toEqual(await store.readSince('a', 0));
      let prev = GENESIS_HASH;
      for (const e of chained) {
        expect(e.prevHash).toBe(prev);
        prev = eventHash(prev, e);
      }
      expect(await store.chainHead('a')).toEqual({ seq: chained.length, hash: prev });
      const third = chained[3];
      expect(await store.chainHead('a', 3)).toEqual({ seq: 3, hash: third?.prevHash });
      expect(await store.chainHead('none')).toEqual({ seq: 0, hash: GENESIS_HASH });
    });

    it('HC2: the same appends give the same head hash on every store (fixed expected value)', async () => {
      await store.append('a', 0, uuid(1), [logged('Góp ý Điều 5', 42), logged('y', 43)]);
      await store.append('a', 2, uuid(2), [{ type: 'conference.started', at: 44, actor: { role: 'chair', sessionId: 'c' }, payload: {} }], undefined, uuid(1));
      expect(await store.chainHead('a')).toEqual({ seq: 3, hash: SAME_LOG_HEAD });
    });
  });
}

/** The head hash of the log HC2's second test appends, computed once (SQLite and Redis must both give it). */
const SAME_LOG_HEAD = '372f8eee4efdbbb9d6a89bae4f72ec5e74fccc2e46a0fd2a048d394a4cd128ba';
