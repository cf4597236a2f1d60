import { buildMinutes, buildSynthesis, type CommentResponses, type Numbering } from '@diem-cau/shared';
import type { ConferenceHub } from '../hub/conferenceHub';
import type { ReportKind, ReportModel } from './reportFormats';

export interface LoadOptions {
  now: number;
  /** The drafting team's responses; the domain has no event for them yet, so none by default. */
  responses?: CommentResponses;
  /** The synthesis's numbering once a revision is confirmed (DA15). */
  numbering?: Numbering;
}

/** Builds a report model from the conference's log as this node knows it, brought up to date first. */
export async function loadReport(hub: ConferenceHub, conferenceId: string, kind: ReportKind, o: LoadOptions): Promise<ReportModel | undefined> {
  const room = await hub.room(conferenceId);
  if (!room) return undefined;
  await room.catchUp();
  const responses = o.responses ?? {};
  const head = await hub.chainHead(conferenceId, room.state.seq);
  const seal = { events: head.seq, headHash: head.hash };
  if (kind === 'synthesis') return { kind, report: buildSynthesis(room.state, { responses, ...(o.numbering ? { numbering: o.numbering } : {}) }), seal };
  const events = await hub.eventsSince(conferenceId, 0, room.state.seq);
  const report = buildMinutes(events, { now: o.now, responses });
  return report ? { kind, report, seal } : undefined;
}
