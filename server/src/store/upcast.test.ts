import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DomainEventSchema, replay, stateFromJson, upcast, UPCASTERS, type ConferenceState, type StoredEvent, type Upcasters } from '@diem-cau/shared';
import { openSqliteEventStore } from './sqliteEventStore';
import { upcastingStore } from './upcastingStore';

/** What a console shows and the reports read. */
function essentials(state: ConferenceState | null) {
  if (!state) return undefined;
  const { seq, status, currentSpeechId, queue, queueOpen, activeAgendaItemId } = state;
  return { seq, status, currentSpeechId, queue, queueOpen, activeAgendaItemId, requests: [...state.requests], speeches: [...state.speeches], comments: [...state.comments], budgets: [...state.budgets], budgetGroups: [...state.budgetGroups] };
}

const FIXTURES = join(__dirname, 'fixtures');

/** U4: logs written by earlier releases (scripts/upgrade/recordReleaseLog.ts), read by this one. */
describe.each(readdirSync(FIXTURES).filter((f) => f.startsWith('release-')))('the log %s, written by an earlier release', (file) => {
  const fixture = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { events: StoredEvent[]; shown: unknown };
  const events = fixture.events.map((e) => upcast(e));

  it('U4: every event is an event of this release once upcast (type and payload valid)', () => {
    expect(events.length).toBeGreaterThan(20);
    for (const e of events) expect(DomainEventSchema.safeParse(e).success).toBe(true);
  });

  it('U4: this release folds it to what that release\'s consoles showed', () => {
    expect(essentials(replay(events))).toEqual(essentials(stateFromJson(fixture.shown)));
  });
});

describe('upcasting on the read path (U4)', () => {
  /** An imagined earlier shape: a comment naming one article (`article: 2`) where this release has a list. */
  const upcasters: Upcasters = {
    'comment.logged': (p) => ('article' in p ? (({ article, ...rest }) => ({ ...rest, articles: [{ article }] }))(p) : p),
  };

  it('brings an old shape to the new one, leaves the new shape as it is, and touches no other event', () => {
    const old = { seq: 3, type: 'comment.logged', at: 1, actor: { role: 'secretary' }, commandId: 'c', payload: { commentId: 'k', article: 2, kind: 'agree', text: 'x' } } as unknown as StoredEvent;
    const upcast1 = upcast(old, upcasters);
    expect(upcast1.payload).toEqual({ commentId: 'k', articles: [{ article: 2 }], kind: 'agree', text: 'x' });
    expect(upcast(upcast1, upcasters)).toBe(upcast1);
    const other = { ...old, type: 'queue.closed', payload: {} } as unknown as StoredEvent;
    expect(upcast(other, upcasters)).toBe(other);
    expect(UPCASTERS).toEqual({});
  });

  it('a store read through upcastingStore answers every event in the new shape; appends are untouched', async () => {
    const db = new Database(join(mkdtempSync(join(tmpdir(), 'diem-cau-upcast-')), 'log.db'));
    const store = openSqliteEventStore(db);
    const old = { type: 'comment.logged', at: 1, actor: { role: 'secretary' }, payload: { commentId: 'k', article: 2, kind: 'agree', text: 'x' } };
    expect((await store.append('hn', 0, 'c1', [old as never])).status).toBe('appended');
    const read = await upcastingStore(store, upcasters).readSince('hn', 0);
    expect(read[0]?.payload).toMatchObject({ articles: [{ article: 2 }] });
    expect((await store.readSince('hn', 0))[0]?.payload).toMatchObject({ article: 2 });
    expect(upcastingStore(store)).toBe(store);
  });
});
