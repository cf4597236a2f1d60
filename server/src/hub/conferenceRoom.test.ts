import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CommandSchema, replay, type Actor, type Command } from '@diem-cau/shared';
import { FIXTURE_SETUP, createdEvent } from '@diem-cau/shared/testing';
import type { EventStore, NewEvent } from '../store/eventStore';
import { openSqliteEventStore } from '../store/sqliteEventStore';
import { systemClock } from './clock';
import { ConferenceRoom } from './conferenceRoom';

const CONF = 'hn-test';
const SECRETARY: Actor = { role: 'secretary', sessionId: 's-sec' };
const CHAIR: Actor = { role: 'chair', pointId: 'tw', sessionId: 's-chair' };

const comment = (text: string): Command => CommandSchema.parse({ commandId: randomUUID(), conferenceId: CONF, type: 'comment.log', kind: 'agree', text });
const logged = (text: string): NewEvent => ({ type: 'comment.logged', at: 1, actor: SECRETARY, payload: { commentId: randomUUID(), articles: [], kind: 'agree', text, source: 'spoken' } });

/** A started conference in a fresh SQLite file. */
async function startedStore(): Promise<EventStore> {
  const store = openSqliteEventStore(new Database(join(mkdtempSync(join(tmpdir(), 'diem-cau-room-')), 'log.db')));
  const created = createdEvent(FIXTURE_SETUP);
  await store.append(CONF, 0, randomUUID(), [{ type: created.type, at: created.at, actor: created.actor, payload: created.payload } as NewEvent]);
  await store.append(CONF, 1, randomUUID(), [{ type: 'conference.started', at: 2, actor: CHAIR, payload: {} }]);
  return store;
}

/** Every commandId of the log, and whether any appears twice. */
async function logOf(store: EventStore) {
  const events = await store.readSince(CONF, 0);
  return { events, commands: events.map((e) => e.commandId), seqs: events.map((e) => e.seq) };
}

describe('a conference room decides on its head and acknowledges what is durable (H11)', () => {
  let store: EventStore;
  afterEach(async () => store.close());

  it('H11: a command accepted with nothing to write (PO7: names shown again) is acked with the log’s seq once the appends before it are durable, and stores nothing', async () => {
    store = await startedStore();
    const room = (await ConferenceRoom.load(CONF, store, systemClock))!;
    const open = CommandSchema.parse({ commandId: randomUUID(), conferenceId: CONF, type: 'consultation.open', kind: 'approval', article: 1 });
    expect(await room.execute(open, CHAIR)).toMatchObject({ ok: true, seq: 3 });
    const comments = Array.from({ length: 5 }, (_, i) => room.execute(comment(`Ý kiến ${i}`), SECRETARY));
    const again = CommandSchema.parse({ commandId: randomUUID(), conferenceId: CONF, type: 'consultation.showNames', consultationId: open.commandId, shown: true });
    const [answer] = await Promise.all([room.execute(again, CHAIR), ...comments]);
    expect(answer).toEqual({ ok: true, seq: 8, events: [], duplicate: false });
    const log = await logOf(store);
    expect([log.seqs.length, log.commands.includes(again.commandId)]).toEqual([8, false]);
  });

  it('H11: a command with nothing to write on a head whose append in flight then fails is decided again on the log as stored', async () => {
    store = await startedStore();
    const room0 = (await ConferenceRoom.load(CONF, store, systemClock))!;
    const open = CommandSchema.parse({ commandId: randomUUID(), conferenceId: CONF, type: 'consultation.open', kind: 'approval', article: 1 });
    expect(await room0.execute(open, CHAIR)).toMatchObject({ ok: true, seq: 3 });
    const hide = (commandId: string) => CommandSchema.parse({ commandId, conferenceId: CONF, type: 'consultation.showNames', consultationId: open.commandId, shown: false });
    const first = hide(randomUUID());
    // The store loses the first hide (a disk error): the second hide, decided on the head holding the first, has nothing
    // to write there — but nothing hid the names in the log, so it must write the hide itself.
    const failing: EventStore = { ...store, append: (id, seq, commandId, ...rest) => (commandId === first.commandId ? new Promise<never>((_, reject) => setTimeout(() => reject(new Error('disk')), 50)) : store.append(id, seq, commandId, ...rest)) };
    const room = (await ConferenceRoom.load(CONF, failing, systemClock))!;
    const second = hide(randomUUID());
    const [a, b] = await Promise.allSettled([room.execute(first, CHAIR), room.execute(second, CHAIR)]);
    expect(a.status).toBe('rejected');
    expect(b).toMatchObject({ status: 'fulfilled', value: { ok: true, seq: 4 } });
    const log = await logOf(store);
    expect(log.commands.at(-1)).toBe(second.commandId);
    expect(replay(log.events)?.consultations.list().map((c) => c.hideNames)).toEqual([true]);
  });

  it('H11: sixty comments sent at once are all acknowledged, stored once each, in seq order, and the state equals the replayed log', async () => {
    store = await startedStore();
    const room = (await ConferenceRoom.load(CONF, store, systemClock))!;
    const commands = Array.from({ length: 60 }, (_, i) => comment(`Ý kiến ${i}`));
    const outcomes = await Promise.all(commands.map((c) => room.execute(c, SECRETARY)));
    expect(outcomes.every((o) => o.ok && !o.duplicate)).toBe(true);
    expect(outcomes.map((o) => (o.ok ? o.seq : 0))).toEqual(Array.from({ length: 60 }, (_, i) => i + 3));
    const log = await logOf(store);
    expect(log.seqs).toEqual(Array.from({ length: 62 }, (_, i) => i + 1));
    expect(new Set(log.commands).size).toBe(62);
    expect(room.state).toEqual(replay(log.events));
  });

  it('H11: a command decided on a copy the store has moved past is decided again, and the ones sent behind it never land in its place (S7)', async () => {
    store = await startedStore();
    const room = (await ConferenceRoom.load(CONF, store, systemClock))!;
    // Another writer (a previous owner in its last moment) appends two events this copy has not folded.
    await store.append(CONF, 2, randomUUID(), [logged('của nút cũ 1')]);
    await store.append(CONF, 3, randomUUID(), [logged('của nút cũ 2')]);
    // The third command is decided at seq 4 on a head holding the first two: only S7 tells its append apart.
    const commands = Array.from({ length: 5 }, (_, i) => comment(`Sau khi tiếp quản ${i}`));
    const outcomes = await Promise.all(commands.map((c) => room.execute(c, SECRETARY)));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    await room.catchUp();
    const log = await logOf(store);
    expect(log.events).toHaveLength(9);
    for (const c of commands) expect(log.commands.filter((id) => id === c.commandId)).toHaveLength(1);
    expect(room.state).toEqual(replay(log.events));
    expect(room.state.comments.size).toBe(7);
  });

  it('H11: a command about an effect still in flight is decided on the head (an edit right behind its comment), and a retry of a stored command answers with the original seq', async () => {
    store = await startedStore();
    const room = (await ConferenceRoom.load(CONF, store, systemClock))!;
    const first = comment('Bản đầu');
    const edit = CommandSchema.parse({ commandId: randomUUID(), conferenceId: CONF, type: 'comment.edit', commentId: first.commandId, text: 'Bản sửa' });
    const [logged1, edited] = await Promise.all([room.execute(first, SECRETARY), room.execute(edit, SECRETARY)]);
    expect(logged1).toMatchObject({ ok: true, seq: 3 });
    expect(edited).toMatchObject({ ok: true, seq: 4 });
    expect(await room.execute(first, SECRETARY)).toEqual({ ok: true, seq: 3, events: [], duplicate: true });
    expect(room.state.comments.get(first.commandId)?.text).toBe('Bản sửa');
  });
});
