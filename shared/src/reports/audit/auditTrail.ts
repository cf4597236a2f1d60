import type { ConferenceState } from '../../conference/state';
import type { Actor } from '../../protocol/actor';
import type { StoredEvent } from '../../protocol/events';
import { formatDateTime } from '../vnTime';
import { factsOf } from './auditFacts';
import { pointNameOf } from './auditNames';
import type { AuditRow, AuditWho } from './auditRow';
import { AUDIT_ROLE_LABELS, AUDIT_TEXT_VI } from './auditWords';

/** Labels a session gets from its join code; only a label other than these is a person's name. */
const CODE_LABELS = new Set(Object.values(AUDIT_ROLE_LABELS));

/**
 * Who did it: the role in words, the session's point, and the person's name when the session was given
 * one (C12). The actor's label is the code's label ("Thư ký", a point's name) until then, which says
 * nothing the role and the point do not already say.
 */
export function whoOf(actor: Actor, state: ConferenceState): AuditWho {
  const roleLabel = AUDIT_ROLE_LABELS[actor.role] ?? actor.role;
  const point = actor.pointId === undefined ? undefined : pointNameOf(state, actor.pointId);
  const label = actor.label?.trim();
  const named = label !== undefined && label !== '' && label !== point && !CODE_LABELS.has(label);
  return {
    role: actor.role, roleLabel,
    ...(actor.pointId !== undefined ? { pointId: actor.pointId, point } : {}),
    ...(named ? { name: label } : {}),
  };
}

/** One event in words; names (points, delegates, agenda items, comments) are read from `state`. */
export function auditRow(e: StoredEvent, state: ConferenceState): AuditRow {
  const facts = factsOf(e, state);
  return {
    seq: e.seq, at: e.at, time: formatDateTime(e.at, state.timeZone), who: whoOf(e.actor, state), area: facts.area, action: e.type,
    ...(facts.pointId !== undefined ? { pointId: facts.pointId, point: pointNameOf(state, facts.pointId) } : {}),
    params: facts.params, text: AUDIT_TEXT_VI[e.type](facts.params),
  };
}

/**
 * The log made readable (H8): one row per event, in log order. `state` is the conference as of the last
 * event or later (every request, speech and comment of the log stays in it), so rows for any window of
 * the log — the whole of it, or what came since a console last asked — say the same thing.
 */
export function auditTrail(events: readonly StoredEvent[], state: ConferenceState): AuditRow[] {
  return events.map((e) => auditRow(e, state));
}
