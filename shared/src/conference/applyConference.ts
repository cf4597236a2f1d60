import { pruneBudgets } from '../budget/pruneBudgets';
import type { StoredEvent } from '../protocol/events';
import type { ConferenceSetup } from './setup';
import { normalise, type ConferenceState } from './state';
import { DEFAULT_TIME_ZONE } from './timeZone';

type ConferenceEvent = Extract<
  StoredEvent,
  {
    type: 'conference.started' | 'conference.ended' | 'conference.configured' | 'conference.archived' | 'discussion.modeSet' | 'settings.updated'
      | 'agenda.activated' | 'point.readied';
  }
>;

export function createdState(e: Extract<StoredEvent, { type: 'conference.created' }>): ConferenceState {
  const { setup, conferenceId } = e.payload;
  return {
    id: conferenceId,
    seq: e.seq,
    title: setup.title,
    ...(setup.scheduledAt ? { scheduledAt: setup.scheduledAt } : {}),
    ...(setup.venue ? { venue: setup.venue } : {}),
    // Logs written before conferences had a zone were all run in Vietnam time.
    timeZone: setup.timeZone ?? DEFAULT_TIME_ZONE,
    status: 'scheduled',
    archived: false,
    settings: setup.settings,
    draft: setup.draft,
    agenda: normalise(setup.agenda),
    points: normalise(setup.points),
    queueOpen: true,
    requests: normalise([]),
    queue: [],
    speeches: normalise([]),
    comments: normalise([]),
    budgetGroups: normalise([]),
    budgets: normalise([]),
    consultations: normalise([]),
    positions: normalise([]),
  };
}

export function applyConference(state: ConferenceState, e: ConferenceEvent): ConferenceState {
  switch (e.type) {
    case 'conference.started':
      return { ...state, status: 'live', startedAt: e.at };
    case 'conference.ended': {
      // Ending the conference ends its active agenda item too (K10).
      const { activeAgendaItemId: _ended, ...rest } = state;
      return { ...rest, status: 'ended', endedAt: e.at, queueOpen: false };
    }
    case 'conference.archived':
      return { ...state, archived: true };
    case 'conference.configured':
      return pruneBudgets(configured(state, e.payload.setup));
    case 'discussion.modeSet':
      return { ...state, settings: { ...state.settings, discussionMode: e.payload.mode } };
    case 'settings.updated':
      return { ...state, settings: { ...state.settings, ...e.payload.settings } };
    case 'agenda.activated':
      return { ...state, activeAgendaItemId: e.payload.itemId };
    case 'point.readied': {
      const { pointId, ...checkIn } = e.payload;
      const point = state.points.get(pointId);
      if (!point) return state;
      return { ...state, points: state.points.put(pointId, { ...point, checkIn: { ...checkIn, at: e.at } }) };
    }
  }
}

/** A new setup keeps the check-ins of the points that stay, and forgets an agenda item that went away. */
function configured(state: ConferenceState, setup: ConferenceSetup): ConferenceState {
  const points = normalise(setup.points.map((p) => {
    const was = state.points.get(p.id);
    return { ...p, ...(was?.checkIn ? { checkIn: was.checkIn } : {}), ...(was?.written ? { written: was.written } : {}) };
  }));
  const agenda = normalise(setup.agenda);
  const { scheduledAt: _s, venue: _v, activeAgendaItemId, ...rest } = state;
  return {
    ...rest,
    title: setup.title,
    ...(setup.scheduledAt ? { scheduledAt: setup.scheduledAt } : {}),
    ...(setup.venue ? { venue: setup.venue } : {}),
    timeZone: setup.timeZone ?? DEFAULT_TIME_ZONE,
    ...(activeAgendaItemId && agenda.get(activeAgendaItemId) ? { activeAgendaItemId } : {}),
    settings: setup.settings,
    draft: setup.draft,
    agenda,
    points,
  };
}
