import type { ConferenceState } from '../conference/state';
import type { Actor } from './actor';
import { refuse, type DomainError } from './errors';
import type { DomainEvent } from './events';

/** Time and actor come in from outside: decide() itself stays pure. */
/** Limits the hub is configured with that the domain enforces (Q6); absent, nothing is limited. */
export interface DomainLimits {
  writtenCommentsPerPoint: number;
  writtenCharsPerPoint: number;
}

export interface DecideContext {
  actor: Actor;
  now: number;
  limits?: DomainLimits;
}

export type Decision = { ok: true; events: DomainEvent[] } | { ok: false; error: DomainError };

export function accept(...events: DomainEvent[]): Decision {
  return { ok: true, events };
}

/** Ownership check for commands a point may issue only for itself. */
export function ownsPoint(ctx: DecideContext, pointId: string | undefined): boolean {
  return ctx.actor.role !== 'point' || (pointId !== undefined && ctx.actor.pointId === pointId);
}

export function requireLive(state: ConferenceState): Decision | undefined {
  if (state.status === 'live') return undefined;
  return refuse(state.status === 'ended' ? 'CONFERENCE_ENDED' : 'CONFERENCE_NOT_STARTED');
}

export function requireNotEnded(state: ConferenceState): Decision | undefined {
  return state.status === 'ended' ? refuse('CONFERENCE_ENDED') : undefined;
}
