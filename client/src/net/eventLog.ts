import { apply, type ConferenceState, type StoredEvent } from '@diem-cau/shared';

/**
 * The client's copy of a conference: the shared reducer fed strictly in seq order.
 * Events that arrive after a gap wait here until a sync fills it; duplicates are ignored.
 */
export class EventLog {
  private current: ConferenceState | null;
  private readonly early = new Map<number, StoredEvent>();

  constructor(initial: ConferenceState | null = null) {
    this.current = initial;
  }

  get state(): ConferenceState | null {
    return this.current;
  }

  get seq(): number {
    return this.current?.seq ?? 0;
  }

  /** True while events are held back behind a missing seq: the caller should sync. */
  get hasGap(): boolean {
    return this.early.size > 0;
  }

  /** Returns true when the state changed. */
  receive(events: readonly StoredEvent[]): boolean {
    for (const e of events) if (e.seq > this.seq) this.early.set(e.seq, e);
    return this.drain();
  }

  /** A snapshot replaces everything up to its seq; held events after it still apply. */
  reset(state: ConferenceState | null): void {
    this.current = state;
    if (state === null) this.early.clear();
    this.drain();
  }

  private drain(): boolean {
    let changed = false;
    for (let next = this.early.get(this.seq + 1); next; next = this.early.get(this.seq + 1)) {
      this.early.delete(next.seq);
      this.current = apply(this.current, next);
      changed = true;
    }
    for (const seq of this.early.keys()) if (seq <= this.seq) this.early.delete(seq);
    return changed;
  }
}
