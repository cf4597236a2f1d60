import { OPEN_REQUEST_STATUSES, type ConferenceState } from '../conference/state';
import type { CommandOf } from '../protocol/commands';
import { accept, ownsPoint, requireNotEnded, type DecideContext, type Decision } from '../protocol/decision';
import { refuse } from '../protocol/errors';
import { unknownArticles } from '../comments/articleRefs';
import { entryPosition, moveInQueue } from './queueOrder';

function openRequestsOf(state: ConferenceState, pointId: string): number {
  return state.requests.ids.filter((id) => {
    const r = state.requests.get(id);
    return r?.pointId === pointId && OPEN_REQUEST_STATUSES.includes(r.status);
  }).length;
}

export function decideRequest(state: ConferenceState, c: CommandOf<'floor.request'>, ctx: DecideContext): Decision {
  const ended = requireNotEnded(state);
  if (ended) return ended;
  if (!ownsPoint(ctx, c.pointId)) return refuse('REQUEST_OWN_POINT');
  const point = state.points.get(c.pointId);
  if (!point) return refuse('POINT_UNKNOWN', { point: c.pointId });
  if (state.requests.get(c.commandId)) return refuse('REQUEST_EXISTS');
  if (!state.queueOpen && ctx.actor.role !== 'chair') return refuse('QUEUE_CLOSED');
  if (c.delegate.delegateId && !point.delegates.some((d) => d.id === c.delegate.delegateId)) {
    return refuse('DELEGATE_NOT_OF_POINT', { delegate: c.delegate.delegateId ?? '', point: point.name });
  }
  const unknown = unknownArticles(state.draft, c.articles);
  if (unknown.length > 0) return refuse('ARTICLES_UNKNOWN', { articles: unknown.join(', ') });
  const limit = state.settings.maxOpenRequestsPerPoint;
  if (openRequestsOf(state, c.pointId) >= limit) return refuse('TOO_MANY_OPEN_REQUESTS', { limit });
  const requestId = c.commandId;
  const requested = {
    type: 'floor.requested' as const,
    payload: {
      requestId, pointId: c.pointId, delegate: c.delegate, articles: c.articles, topic: c.topic,
      priority: c.priority, onBehalf: ctx.actor.role === 'chair' && ctx.actor.pointId !== c.pointId,
    },
  };
  if (state.settings.moderatedRequests && ctx.actor.role !== 'chair') return accept(requested);
  return accept(requested, { type: 'floor.accepted', payload: { requestId, position: entryPosition(state, c.priority) } });
}

export function decideAccept(state: ConferenceState, c: CommandOf<'floor.accept'>): Decision {
  const r = state.requests.get(c.requestId);
  if (!r) return refuse('REQUEST_UNKNOWN');
  if (r.status !== 'pending') return refuse('REQUEST_NOT_PENDING');
  return accept({ type: 'floor.accepted', payload: { requestId: r.id, position: entryPosition(state, r.priority) } });
}

export function decideWithdraw(state: ConferenceState, c: CommandOf<'floor.withdraw'>, ctx: DecideContext): Decision {
  const r = state.requests.get(c.requestId);
  if (!r) return refuse('REQUEST_UNKNOWN');
  if (!ownsPoint(ctx, r.pointId)) return refuse('WITHDRAW_OWN_REQUEST');
  if (r.status !== 'pending' && r.status !== 'accepted') return refuse('REQUEST_NOT_WITHDRAWABLE');
  return accept({ type: 'floor.withdrawn', payload: { requestId: r.id } });
}

export function decideDeny(state: ConferenceState, c: CommandOf<'floor.deny'>): Decision {
  const r = state.requests.get(c.requestId);
  if (!r) return refuse('REQUEST_UNKNOWN');
  if (r.status !== 'pending' && r.status !== 'accepted') return refuse('REQUEST_NOT_DENIABLE');
  return accept({ type: 'floor.denied', payload: { requestId: r.id, reason: c.reason } });
}

export function decideReorder(state: ConferenceState, c: CommandOf<'floor.reorder'>): Decision {
  if (!state.queue.includes(c.requestId)) return refuse('REQUEST_NOT_QUEUED');
  const toIndex = Math.min(c.toIndex, state.queue.length - 1);
  const moved = moveInQueue(state.queue, c.requestId, toIndex);
  if (moved.every((id, i) => state.queue[i] === id)) return refuse('ORDER_UNCHANGED');
  return accept({ type: 'floor.reordered', payload: { requestId: c.requestId, toIndex } });
}

export function decideQueueToggle(state: ConferenceState, open: boolean): Decision {
  if (state.queueOpen === open) return refuse(open ? 'QUEUE_ALREADY_OPEN' : 'QUEUE_ALREADY_CLOSED');
  return accept(open ? { type: 'queue.opened', payload: {} } : { type: 'queue.closed', payload: {} });
}
