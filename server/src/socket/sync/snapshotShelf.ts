import { promisify } from 'node:util';
import { gzip as gzipCallback, constants } from 'node:zlib';
import { SYNC_SNAPSHOT_THRESHOLD, type ConferenceState } from '@diem-cau/shared';

const gzip = promisify(gzipCallback);

export interface ShelfSettings {
  /** A snapshot is shared while the state is at most this many events ahead of it… */
  reuseEvents: number;
  /** …or for this long after it was built, while it is at most `reuseEventsWithinMs` events behind. */
  reuseMs: number;
  reuseEventsWithinMs: number;
  /** Conferences whose last snapshot is kept (the least recently built go first). */
  conferences: number;
}

/** Shared while within 500 events, or for a second while within 5,000; the last snapshots of 64 conferences. */
export const SHELF_DEFAULTS: ShelfSettings = { reuseEvents: SYNC_SNAPSHOT_THRESHOLD, reuseMs: 1_000, reuseEventsWithinMs: 5_000, conferences: 64 };

export interface ShelvedSnapshot {
  seq: number;
  gzip: Promise<Buffer>;
}

interface Held extends ShelvedSnapshot {
  builtAt: number;
}

/**
 * One compressed snapshot per conference, shared by every console that needs one (Q14): a display code opened
 * on sixteen screens that all ask for the whole log costs one serialisation, not sixteen. The JSON is made on
 * the event loop (once per `reuseEvents` events or `reuseMs`, whichever is later); compression runs in
 * libuv's thread pool.
 */
export class SnapshotShelf {
  private readonly held = new Map<string, Held>();

  constructor(private readonly settings: ShelfSettings, private readonly now: () => number) {}

  take(conferenceId: string, state: ConferenceState): ShelvedSnapshot {
    const t = this.now();
    const held = this.held.get(conferenceId);
    if (held && this.stillServes(held, state.seq, t)) return held;
    const built: Held = { seq: state.seq, builtAt: t, gzip: gzip(JSON.stringify(state), { level: constants.Z_BEST_SPEED }) };
    // A failed compression is not kept: the next asker builds again.
    built.gzip.catch(() => this.held.get(conferenceId) === built && this.held.delete(conferenceId));
    this.held.delete(conferenceId);
    this.held.set(conferenceId, built);
    for (const id of this.held.keys()) {
      if (this.held.size <= this.settings.conferences) break;
      this.held.delete(id);
    }
    return built;
  }

  size(): number {
    return this.held.size;
  }

  private stillServes(held: Held, seq: number, t: number): boolean {
    if (held.seq > seq) return false; // the log was reset under it (a store restored, a test's fresh hub)
    const behind = seq - held.seq;
    return behind <= this.settings.reuseEvents || (t - held.builtAt < this.settings.reuseMs && behind <= this.settings.reuseEventsWithinMs);
  }
}
