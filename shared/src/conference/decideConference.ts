import type { CommandOf } from '../protocol/commands';
import { accept, ownsPoint, requireNotEnded, type DecideContext, type Decision } from '../protocol/decision';
import { refuse } from '../protocol/errors';
import type { DomainEvent } from '../protocol/events';
import { currentSpeech, type ConferenceState } from './state';

export function decideStart(state: ConferenceState): Decision {
  if (state.status !== 'scheduled') return refuse(state.status === 'live' ? 'CONFERENCE_LIVE' : 'CONFERENCE_ENDED');
  return accept({ type: 'conference.started', payload: {} });
}

export function decideEnd(state: ConferenceState): Decision {
  if (state.status !== 'live') return refuse(state.status === 'ended' ? 'CONFERENCE_ENDED' : 'CONFERENCE_NOT_STARTED');
  const events: DomainEvent[] = [];
  const speech = currentSpeech(state);
  if (speech) events.push({ type: 'floor.released', payload: { speechId: speech.id, reason: 'ended' } });
  events.push({ type: 'conference.ended', payload: {} });
  return accept(...events);
}

export function decideSetMode(state: ConferenceState, c: CommandOf<'discussion.setMode'>): Decision {
  const ended = requireNotEnded(state);
  if (ended) return ended;
  if (state.settings.discussionMode === c.mode) return refuse('MODE_UNCHANGED');
  return accept({ type: 'discussion.modeSet', payload: { mode: c.mode } });
}

export function decideSettings(state: ConferenceState, c: CommandOf<'settings.update'>): Decision {
  const ended = requireNotEnded(state);
  if (ended) return ended;
  const { type: _t, commandId: _c, conferenceId: _f, ...changes } = c;
  const settings = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  if (Object.keys(settings).length === 0) return refuse('NOTHING_TO_CHANGE');
  return accept({ type: 'settings.updated', payload: { settings } });
}

export function decideActivate(state: ConferenceState, c: CommandOf<'agenda.activate'>): Decision {
  const ended = requireNotEnded(state);
  if (ended) return ended;
  if (!state.agenda.get(c.itemId)) return refuse('AGENDA_ITEM_UNKNOWN');
  if (state.activeAgendaItemId === c.itemId) return refuse('AGENDA_ITEM_ACTIVE');
  return accept({ type: 'agenda.activated', payload: { itemId: c.itemId } });
}

export function decideReady(state: ConferenceState, c: CommandOf<'point.ready'>, ctx: DecideContext): Decision {
  const ended = requireNotEnded(state);
  if (ended) return ended;
  if (!ownsPoint(ctx, c.pointId)) return refuse('CHECK_IN_OWN_POINT');
  const point = state.points.get(c.pointId);
  if (!point) return refuse('POINT_UNKNOWN', { point: c.pointId });
  const unknown = c.delegatesPresent.filter((id) => !point.delegates.some((d) => d.id === id));
  if (unknown.length > 0) return refuse('DELEGATES_NOT_OF_POINT', { delegates: unknown.join(', ') });
  const { type: _t, commandId: _c, conferenceId: _f, ...checkIn } = c;
  return accept({ type: 'point.readied', payload: checkIn });
}
