import { SYNC_SNAPSHOT_THRESHOLD, type Ack, type DomainError, type SyncResult } from '@diem-cau/shared';
import type { ConferenceHub } from '../../hub/conferenceHub';
import type { SnapshotShelf } from './snapshotShelf';

export interface SyncDeps {
  hub: Pick<ConferenceHub, 'room' | 'eventsSince'>;
  shelf: SnapshotShelf;
  /** Asked only when the answer would be a snapshot: the requester's snapshot quota and line (Q4, Q14). */
  maySendSnapshot: () => { ok: true } | { ok: false; error: DomainError };
}

/**
 * The answer to `sync {sinceSeq}`: the events after it, or, when the console is more than
 * SYNC_SNAPSHOT_THRESHOLD events behind, the conference's shared snapshot and the events after that.
 */
export async function answerSync(deps: SyncDeps, conferenceId: string, sinceSeq: number): Promise<Ack<SyncResult>> {
  const conf = await deps.hub.room(conferenceId);
  if (!conf) return { ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy hội nghị' } };
  await conf.catchUp();
  const state = conf.state;
  if (sinceSeq > state.seq) return { ok: false, error: { code: 'CONFLICT', message: 'sinceSeq vượt quá nhật ký' } };
  if (state.seq - sinceSeq <= SYNC_SNAPSHOT_THRESHOLD) return { ok: true, events: await deps.hub.eventsSince(conferenceId, sinceSeq, state.seq) };
  const allowed = deps.maySendSnapshot();
  if (!allowed.ok) return allowed;
  const shelved = deps.shelf.take(conferenceId, state);
  // A shared snapshot older than the console's own copy would move it back: the events are all it needs.
  if (shelved.seq <= sinceSeq) return { ok: true, events: await deps.hub.eventsSince(conferenceId, sinceSeq, state.seq) };
  const [gzip, events] = await Promise.all([shelved.gzip, deps.hub.eventsSince(conferenceId, shelved.seq, state.seq)]);
  return { ok: true, snapshot: { seq: shelved.seq, gzip }, events };
}
