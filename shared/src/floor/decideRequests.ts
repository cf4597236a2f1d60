import { OPEN_REQUEST_STATUSES, type ConferenceState } from '../conference/state';
import type { CommandOf } from '../protocol/commands';
import { accept, ownsPoint, requireNotEnded, type DecideContext, type Decision } from '../protocol/decision';
import { fail } from '../protocol/errors';
import { unknownArticles } from '../comments/articleRefs';
import { entryPosition, moveInQueue } from './queueOrder';

function openRequestsOf(state: ConferenceState, pointId: string): number {
  return state.requests.ids.filter((id) => {
    const r = state.requests.byId[id];
    return r?.pointId === pointId && OPEN_REQUEST_STATUSES.includes(r.status);
  }).length;
}

export function decideRequest(state: ConferenceState, c: CommandOf<'floor.request'>, ctx: DecideContext): Decision {
  const ended = requireNotEnded(state);
  if (ended) return ended;
  if (!ownsPoint(ctx, c.pointId)) return fail('FORBIDDEN', 'Điểm cầu chỉ đăng ký phát biểu cho chính mình');
  const point = state.points.byId[c.pointId];
  if (!point) return fail('NOT_FOUND', `Không có điểm cầu ${c.pointId}`);
  if (state.requests.byId[c.commandId]) return fail('CONFLICT', 'Yêu cầu đã tồn tại');
  if (!state.queueOpen && ctx.actor.role !== 'chair') return fail('CONFLICT', 'Danh sách đăng ký phát biểu đã đóng');
  if (c.delegate.delegateId && !point.delegates.some((d) => d.id === c.delegate.delegateId)) {
    return fail('NOT_FOUND', `Đại biểu ${c.delegate.delegateId} không thuộc điểm cầu ${point.name}`);
  }
  const unknown = unknownArticles(state.draft, c.articles);
  if (unknown.length > 0) return fail('INVALID', `Dự thảo không có Điều ${unknown.join(', ')}`);
  const limit = state.settings.maxOpenRequestsPerPoint;
  if (openRequestsOf(state, c.pointId) >= limit) return fail('CONFLICT', `Mỗi điểm cầu chỉ được ${limit} đăng ký đang chờ`);
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
  const r = state.requests.byId[c.requestId];
  if (!r) return fail('NOT_FOUND', 'Không tìm thấy đăng ký phát biểu');
  if (r.status !== 'pending') return fail('CONFLICT', 'Đăng ký không ở trạng thái chờ duyệt');
  return accept({ type: 'floor.accepted', payload: { requestId: r.id, position: entryPosition(state, r.priority) } });
}

export function decideWithdraw(state: ConferenceState, c: CommandOf<'floor.withdraw'>, ctx: DecideContext): Decision {
  const r = state.requests.byId[c.requestId];
  if (!r) return fail('NOT_FOUND', 'Không tìm thấy đăng ký phát biểu');
  if (!ownsPoint(ctx, r.pointId)) return fail('FORBIDDEN', 'Chỉ điểm cầu đã đăng ký mới rút được đăng ký');
  if (r.status !== 'pending' && r.status !== 'accepted') return fail('CONFLICT', 'Đăng ký này không còn rút được');
  return accept({ type: 'floor.withdrawn', payload: { requestId: r.id } });
}

export function decideDeny(state: ConferenceState, c: CommandOf<'floor.deny'>): Decision {
  const r = state.requests.byId[c.requestId];
  if (!r) return fail('NOT_FOUND', 'Không tìm thấy đăng ký phát biểu');
  if (r.status !== 'pending' && r.status !== 'accepted') return fail('CONFLICT', 'Đăng ký này không còn từ chối được');
  return accept({ type: 'floor.denied', payload: { requestId: r.id, reason: c.reason } });
}

export function decideReorder(state: ConferenceState, c: CommandOf<'floor.reorder'>): Decision {
  if (!state.queue.includes(c.requestId)) return fail('NOT_FOUND', 'Đăng ký không có trong hàng chờ');
  const toIndex = Math.min(c.toIndex, state.queue.length - 1);
  const moved = moveInQueue(state.queue, c.requestId, toIndex);
  if (moved.every((id, i) => state.queue[i] === id)) return fail('CONFLICT', 'Thứ tự không thay đổi');
  return accept({ type: 'floor.reordered', payload: { requestId: c.requestId, toIndex } });
}

export function decideQueueToggle(state: ConferenceState, open: boolean): Decision {
  if (state.queueOpen === open) return fail('CONFLICT', open ? 'Danh sách đã mở' : 'Danh sách đã đóng');
  return accept(open ? { type: 'queue.opened', payload: {} } : { type: 'queue.closed', payload: {} });
}
