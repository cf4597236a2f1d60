import { auditTrail, type AuditAnswer } from '@diem-cau/shared';
import type { ConferenceHub } from '../../hub/conferenceHub';

/**
 * The audit rows of the events after `sinceSeq`, from the log as this node knows it brought up to date
 * first. The state the rows read names from is taken once, so rows and `seq` agree even while commands
 * keep arriving; a console passes `seq` back as its next `sinceSeq` and gets only what is new.
 */
export async function loadAudit(hub: ConferenceHub, conferenceId: string, sinceSeq = 0): Promise<AuditAnswer | undefined> {
  const room = await hub.room(conferenceId);
  if (!room) return undefined;
  await room.catchUp();
  const state = room.state;
  const events = sinceSeq < state.seq ? await hub.eventsSince(conferenceId, sinceSeq, state.seq) : [];
  return { seq: state.seq, timeZone: state.timeZone, rows: auditTrail(events, state) };
}
