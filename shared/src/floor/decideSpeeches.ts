import { centralPointId, currentSpeech, type ConferenceState } from '../conference/state';
import type { CommandOf } from '../protocol/commands';
import { accept, ownsPoint, requireLive, type DecideContext, type Decision } from '../protocol/decision';
import { refuse } from '../protocol/errors';
import type { DomainEvent } from '../protocol/events';
import type { ArticleRef, DelegateRef } from '../protocol/fields';
import { deadlineOf } from './speechClock';

interface Grantee {
  requestId?: string;
  pointId: string;
  delegate: DelegateRef;
  articles: ArticleRef[];
  topic: string;
}

function chairGrantee(state: ConferenceState, ctx: DecideContext): Grantee | undefined {
  const pointId = ctx.actor.pointId ?? centralPointId(state);
  const point = pointId === undefined ? undefined : state.points.get(pointId);
  if (!point) return undefined;
  const first = point.delegates[0];
  const delegate = first ? { delegateId: first.id, name: first.name, position: first.position } : { name: ctx.actor.label ?? 'Chủ trì', position: 'Chủ trì hội nghị' };
  return { pointId: point.id, delegate, articles: [], topic: '' };
}

function granteeOf(state: ConferenceState, c: CommandOf<'floor.grant'>, ctx: DecideContext): Grantee | Decision {
  if (c.self) return chairGrantee(state, ctx) ?? refuse('CHAIR_POINT_UNKNOWN');
  if (!c.requestId) return refuse('GRANT_NEEDS_REQUEST');
  const r = state.requests.get(c.requestId);
  if (!r) return refuse('REQUEST_UNKNOWN');
  if (r.status !== 'pending' && r.status !== 'accepted') return refuse('REQUEST_NOT_GRANTABLE');
  return { requestId: r.id, pointId: r.pointId, delegate: r.delegate, articles: r.articles, topic: r.topic };
}

export function decideGrant(state: ConferenceState, c: CommandOf<'floor.grant'>, ctx: DecideContext): Decision {
  const notLive = requireLive(state);
  if (notLive) return notLive;
  const grantee = granteeOf(state, c, ctx);
  if ('ok' in grantee) return grantee;
  const events: DomainEvent[] = [];
  const current = currentSpeech(state);
  if (current) events.push({ type: 'floor.released', payload: { speechId: current.id, reason: 'next' } });
  events.push({
    type: 'floor.granted',
    payload: { speechId: c.commandId, ...grantee, limitS: c.limitS ?? state.settings.defaultSpeechS },
  });
  return accept(...events);
}

function requireCurrent(state: ConferenceState, speechId: string) {
  const speech = currentSpeech(state);
  if (!speech || speech.id !== speechId) return refuse('SPEECH_NOT_CURRENT');
  return speech;
}

export function decideRelease(state: ConferenceState, c: CommandOf<'floor.release'>, ctx: DecideContext): Decision {
  const speech = requireCurrent(state, c.speechId);
  if ('ok' in speech) return speech;
  if (!ownsPoint(ctx, speech.pointId)) return refuse('RELEASE_OWN_SPEECH');
  return accept({ type: 'floor.released', payload: { speechId: speech.id, reason: 'released' } });
}

export function decideRevoke(state: ConferenceState, c: CommandOf<'floor.revoke'>): Decision {
  const speech = requireCurrent(state, c.speechId);
  if ('ok' in speech) return speech;
  return accept({ type: 'floor.revoked', payload: { speechId: speech.id, reason: c.reason } });
}

export function decideExtend(state: ConferenceState, c: CommandOf<'floor.extend'>): Decision {
  const speech = requireCurrent(state, c.speechId);
  if ('ok' in speech) return speech;
  return accept({ type: 'floor.extended', payload: { speechId: speech.id, seconds: c.seconds } });
}

export function decidePause(state: ConferenceState, c: CommandOf<'floor.pause' | 'floor.resume'>): Decision {
  const speech = requireCurrent(state, c.speechId);
  if ('ok' in speech) return speech;
  if (c.type === 'floor.pause') {
    if (speech.status.kind !== 'running') return refuse('SPEECH_PAUSED');
    return accept({ type: 'floor.paused', payload: { speechId: speech.id } });
  }
  if (speech.status.kind !== 'paused') return refuse('SPEECH_NOT_PAUSED');
  return accept({ type: 'floor.resumed', payload: { speechId: speech.id } });
}

/** The hub's timer: warn once per deadline, and end the speech when the conference asks for it. */
export function decideTimeUp(state: ConferenceState, c: CommandOf<'floor.timeUp'>, ctx: DecideContext): Decision {
  const speech = requireCurrent(state, c.speechId);
  if ('ok' in speech) return speech;
  const deadline = deadlineOf(speech);
  if (deadline !== c.deadline) return refuse('DEADLINE_MOVED');
  if (ctx.now < deadline) return refuse('DEADLINE_NOT_REACHED');
  if (speech.warnedDeadlines.includes(deadline)) return refuse('ALREADY_WARNED');
  const warned: DomainEvent = { type: 'floor.timeWarned', payload: { speechId: speech.id, deadline } };
  if (!state.settings.autoEndSpeech) return accept(warned);
  return accept(warned, { type: 'floor.released', payload: { speechId: speech.id, reason: 'timeout' } });
}
