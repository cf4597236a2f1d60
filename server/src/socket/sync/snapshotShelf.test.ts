import { gunzipSync } from 'node:zlib';
import { replay, stateFromJson, type ConferenceState } from '@diem-cau/shared';
import { createdEvent } from '@diem-cau/shared/testing';
import { SnapshotShelf } from './snapshotShelf';

const settings = { reuseEvents: 10, reuseMs: 1_000, reuseEventsWithinMs: 50, conferences: 2 };
/** A state that says it is at `seq` (the shelf looks at seq only; its bytes are the state's JSON). */
const at = (state: ConferenceState, seq: number): ConferenceState => ({ ...state, seq });

describe('SnapshotShelf (Q14)', () => {
  const state = replay([createdEvent()])!;
  let t = 0;
  const shelf = () => new SnapshotShelf(settings, () => t);
  beforeEach(() => {
    t = 0;
  });

  it('shares one compressed snapshot while the state is within reuseEvents of it; the bytes are the state', async () => {
    const s = shelf();
    const first = s.take('c1', at(state, 100));
    t = 5_000;
    expect(s.take('c1', at(state, 110))).toBe(first);
    const inflated = stateFromJson(JSON.parse(gunzipSync(await first.gzip).toString('utf8')));
    expect(inflated).toEqual(at(state, 100));
    const next = s.take('c1', at(state, 111));
    expect(next).not.toBe(first);
    expect(next.seq).toBe(111);
  });

  it('within reuseMs of its build it is shared further behind, up to reuseEventsWithinMs', () => {
    const s = shelf();
    const first = s.take('c1', at(state, 100));
    t = 999;
    expect(s.take('c1', at(state, 150))).toBe(first);
    expect(s.take('c1', at(state, 151)).seq).toBe(151);
    const again = s.take('c1', at(state, 160));
    t = 999 + 1_000;
    expect(s.take('c1', at(state, 171))).not.toBe(again);
  });

  it('builds anew when the log went back under it, and keeps the last snapshots of a few conferences only', () => {
    const s = shelf();
    s.take('c1', at(state, 100));
    expect(s.take('c1', at(state, 40)).seq).toBe(40);
    s.take('c2', at(state, 5));
    const c3 = s.take('c3', at(state, 7));
    expect(s.size()).toBe(2);
    expect(s.take('c3', at(state, 7))).toBe(c3);
    expect(s.take('c1', at(state, 40)).seq).toBe(40); // c1 was the oldest: built again
  });
});
