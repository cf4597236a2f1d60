import { gunzipSync } from 'node:zlib';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, SYNC_SNAPSHOT_THRESHOLD, apply, stateFromJson, type ConferenceState, type StoredEvent } from '@diem-cau/shared';
import { TestHub, type JoinCodeInfo } from '../../testing/testHub';
import type { TestClient } from '../../testing/testClient';
import type { QuotaSettings } from '../quotas/quotaSettings';
import { SHELF_DEFAULTS } from './snapshotShelf';
import { systemClock, type Clock } from '../../hub/clock';

/** A clock that stands still until the test moves it: the shelf's second is the test's, not the machine's load's. */
function stillClock(): Clock & { advance(ms: number): void } {
  let at = Date.now();
  return { now: () => at, setTimeout: (fn, ms) => systemClock.setTimeout(fn, ms), advance: (ms) => void (at += ms) };
}

type SnapshotAnswer = { ok: true; snapshot: { seq: number; gzip: Buffer }; events: StoredEvent[] };
type Answer = SnapshotAnswer | { ok: true; events: StoredEvent[] } | { ok: false; error: { code: string; reason?: string } };

const generous: Partial<QuotaSettings> = { sessionCommands: { perS: 10_000, burst: 10_000 }, codeCommands: { perS: 10_000, burst: 10_000 } };
const sync = (c: TestClient, sinceSeq: number) => c.socket.timeout(10_000).emitWithAck('sync', { sinceSeq }) as Promise<Answer>;

/** The state a snapshot answer leads to: the inflated snapshot, then the events after it. */
function folded(answer: SnapshotAnswer): ConferenceState | null {
  let state: ConferenceState | null = stateFromJson(JSON.parse(gunzipSync(answer.snapshot.gzip).toString('utf8')));
  for (const e of answer.events) state = apply(state, e);
  return state;
}

/** A started conference whose log is longer than SYNC_SNAPSHOT_THRESHOLD (comments its secretary logged). */
async function longConference(quotas: Partial<QuotaSettings>, clock?: Clock) {
  const hub = await TestHub.start({ quotas: { ...generous, ...quotas }, ...(clock ? { clock } : {}) });
  const { conferenceId, joinCodes } = await hub.createConference();
  const chair = await hub.join(joinCodes, { role: 'chair' });
  await chair.command({ type: 'conference.start' });
  const secretary = await hub.join(joinCodes, { role: 'secretary' });
  await grow(secretary, SYNC_SNAPSHOT_THRESHOLD + 20);
  return { hub, conferenceId, joinCodes, secretary };
}

async function grow(secretary: TestClient, events: number, text = (i: number) => `Ý kiến số ${i}`): Promise<void> {
  const target = secretary.seq + events;
  const acks = await Promise.all(Array.from({ length: events }, (_, i) => secretary.command({ type: 'comment.log', kind: 'agree', text: text(i) })));
  expect(acks.every((a) => a.ok)).toBe(true);
  await secretary.waitForSeq(target);
}

const displays = (hub: TestHub, codes: JoinCodeInfo[], n: number) => Promise.all(Array.from({ length: n }, () => hub.join(codes, { role: 'display' })));

describe('shared snapshots (Q14)', () => {
  let hub: TestHub | undefined;
  afterEach(async () => {
    await hub?.stop();
    hub = undefined;
  });

  it('every display of a code asking for the whole log gets the same compressed snapshot and the events after it, and ends where the hub is', async () => {
    const clock = stillClock();
    const t = await longConference({}, clock);
    hub = t.hub;
    const screens = await displays(t.hub, t.joinCodes, 4);
    const answers = (await Promise.all(screens.map((s) => sync(s, 0)))) as SnapshotAnswer[];
    expect(answers.every((a) => a.ok && a.snapshot)).toBe(true);
    const [first] = answers;
    for (const a of answers) {
      expect(a.snapshot.seq).toBe(first!.snapshot.seq);
      expect(Buffer.compare(a.snapshot.gzip, first!.snapshot.gzip)).toBe(0);
      expect(folded(a)).toEqual(t.secretary.state);
    }
    // Within a second of its build the snapshot is shared even 500 events behind (the events make up the rest)…
    await grow(t.secretary, SYNC_SNAPSHOT_THRESHOLD + 1);
    const soon = (await sync(screens[1]!, 0)) as SnapshotAnswer;
    expect(soon.snapshot.seq).toBe(first!.snapshot.seq);
    expect(folded(soon)).toEqual(t.secretary.state);
    // …after that, 500 events behind, the hub folds again.
    clock.advance(SHELF_DEFAULTS.reuseMs + 50);
    const later = (await sync(screens[0]!, 0)) as SnapshotAnswer;
    expect(later.snapshot.seq).toBeGreaterThan(first!.snapshot.seq);
    expect(folded(later)).toEqual(t.secretary.state);
  });

  it('a join code’s snapshots are budgeted: past it SYNCS_TOO_FAST; short syncs and other codes are still answered', async () => {
    const t = await longConference({ codeSnapshots: { perS: 0.01, burst: 2 } });
    hub = t.hub;
    await displays(t.hub, t.joinCodes, 2); // their connects synced from seq 0: the code's two snapshots
    const { token } = await t.hub.session(t.joinCodes.find((c) => c.role === 'display')!.code);
    const third = io(t.hub.url, { auth: { token, protocol: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise((resolve) => third.once('connect', () => resolve(undefined)));
    const ask = (sinceSeq: number) => third.timeout(10_000).emitWithAck('sync', { sinceSeq }) as Promise<Answer>;
    expect(await ask(0)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', reason: 'SYNCS_TOO_FAST' } });
    const seq = t.secretary.seq;
    const short = await ask(seq - 5);
    expect(short).toMatchObject({ ok: true });
    expect((short as { events: StoredEvent[] }).events.map((e) => e.seq)).toEqual([seq - 4, seq - 3, seq - 2, seq - 1, seq]);
    third.close();
    // The chair's code has a budget of its own.
    const chair = await t.hub.join(t.joinCodes, { role: 'chair' });
    expect(chair.seq).toBe(seq);
  });

  it('Q15: a socket that stopped reading is not sent a snapshot until it has taken what it was sent (SYNCS_TOO_FAST)', async () => {
    // 520 comments of 10,000 characters: 500 missing events are ~13 MB, more than loopback buffers hold.
    const long = (i: number) => `${i} ${'Đề nghị làm rõ trách nhiệm của người đứng đầu cơ quan. '.repeat(200)}`.slice(0, 10_000);
    const t = await longConference({});
    hub = t.hub;
    await grow(t.secretary, SYNC_SNAPSHOT_THRESHOLD + 20, long);
    const [screen] = await displays(t.hub, t.joinCodes, 1);
    const tcp = (screen!.socket.io.engine.transport as unknown as { ws: { _socket: { pause(): void; resume(): void } } }).ws._socket;
    tcp.pause();
    const seq = t.secretary.seq;
    const many = sync(screen!, seq - SYNC_SNAPSHOT_THRESHOLD);
    await new Promise((r) => setTimeout(r, 1_000)); // the hub has written what the line takes and holds the rest
    const whole = sync(screen!, 0);
    await new Promise((r) => setTimeout(r, 300));
    tcp.resume();
    expect(((await many) as { events: StoredEvent[] }).events).toHaveLength(SYNC_SNAPSHOT_THRESHOLD);
    expect(await whole).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', reason: 'SYNCS_TOO_FAST' } });
    // Once it has read everything, it gets its snapshot.
    const again = (await sync(screen!, 0)) as SnapshotAnswer;
    expect(folded(again)).toEqual(t.secretary.state);
  }, 30_000);
});
