import type { Comment, ConferenceState } from '../conference/state';
import type { StoredEvent } from '../protocol/events';

type CommentEvent = Extract<StoredEvent, { type: `comment.${string}` }>;

function setComment(state: ConferenceState, id: string, change: Partial<Comment>): ConferenceState {
  const comment = state.comments.get(id);
  if (!comment) return state;
  return { ...state, comments: state.comments.put(id, { ...comment, ...change }) };
}

/** Q6: a point's written comments are counted as they are filed and measured as they are edited. */
function tallyWritten(state: ConferenceState, comment: Comment | undefined, count: number, chars: number): ConferenceState {
  if (!comment || comment.source !== 'written' || comment.pointId === undefined) return state;
  const point = state.points.get(comment.pointId);
  if (!point) return state;
  const was = point.written ?? { count: 0, chars: 0 };
  return { ...state, points: state.points.put(point.id, { ...point, written: { count: was.count + count, chars: was.chars + chars } }) };
}

export function applyComments(state: ConferenceState, e: CommentEvent): ConferenceState {
  switch (e.type) {
    case 'comment.logged': {
      const { commentId, ...rest } = e.payload;
      const loggedBy = { role: e.actor.role, sessionId: e.actor.sessionId, ...(e.actor.label ? { label: e.actor.label } : {}) };
      const comment: Comment = { id: commentId, ...rest, loggedAt: e.at, loggedBy, retracted: false };
      return tallyWritten({ ...state, comments: state.comments.add(commentId, comment) }, comment, 1, comment.text.length);
    }
    case 'comment.edited': {
      const { commentId, ...changes } = e.payload;
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      const before = state.comments.get(commentId);
      const grown = before && changes.text !== undefined ? changes.text.length - before.text.length : 0;
      return tallyWritten(setComment(state, commentId, { ...defined, editedAt: e.at }), before, 0, grown);
    }
    case 'comment.retracted':
      return setComment(state, e.payload.commentId, { retracted: true, editedAt: e.at });
    case 'comment.responded': {
      const respondedBy = { role: e.actor.role, sessionId: e.actor.sessionId, ...(e.actor.label ? { label: e.actor.label } : {}) };
      return setComment(state, e.payload.commentId, { response: { status: e.payload.status, explanation: e.payload.explanation, respondedAt: e.at, respondedBy } });
    }
    case 'comment.merged': {
      const kept = state.comments.get(e.payload.intoId);
      const next = setComment(state, e.payload.commentId, { mergedInto: e.payload.intoId });
      return setComment(next, e.payload.intoId, { articles: e.payload.articles, mergedFrom: [...(kept?.mergedFrom ?? []), e.payload.commentId] });
    }
  }
}
