import type { ConferenceState } from '../conference/state';
import type { CommandOf } from '../protocol/commands';
import type { DelegateRef } from '../protocol/fields';
import { accept, ownsPoint, type DecideContext, type Decision } from '../protocol/decision';
import { refuse } from '../protocol/errors';
import { unknownArticles } from './articleRefs';

function checkArticles(state: ConferenceState, refs: CommandOf<'comment.log'>['articles'] | undefined): Decision | undefined {
  if (!refs) return undefined;
  const unknown = unknownArticles(state.draft, refs);
  return unknown.length > 0 ? refuse('ARTICLES_UNKNOWN', { articles: unknown.join(', ') }) : undefined;
}

/**
 * A delegate named by id belongs to the comment's point, and is stamped as registered (whatever name the
 * console sent); a typed name without an id stays as typed (shown as not on the list).
 */
function ownDelegate(state: ConferenceState, pointId: string | undefined, delegate: DelegateRef | undefined): DelegateRef | Decision | undefined {
  if (!delegate?.delegateId) return delegate;
  const point = pointId === undefined ? undefined : state.points.get(pointId);
  const own = point?.delegates.find((d) => d.id === delegate.delegateId);
  if (!own) return refuse('DELEGATE_NOT_OF_POINT', { delegate: delegate.name, point: point?.name ?? '' });
  return { delegateId: own.id, name: own.name, position: own.position };
}

/** Q6: a point's written comments, counted and measured per conference. */
function writtenQuota(state: ConferenceState, pointId: string | undefined, addChars: number, ctx: DecideContext, addCount: number): Decision | undefined {
  if (ctx.actor.role !== 'point' || !ctx.limits || pointId === undefined) return undefined;
  const used = state.points.get(pointId)?.written ?? { count: 0, chars: 0 };
  if (used.count + addCount > ctx.limits.writtenCommentsPerPoint) return refuse('WRITTEN_COMMENTS_QUOTA', { limit: ctx.limits.writtenCommentsPerPoint });
  if (used.chars + addChars > ctx.limits.writtenCharsPerPoint) return refuse('WRITTEN_CHARS_QUOTA', { limit: ctx.limits.writtenCharsPerPoint });
  return undefined;
}

export function decideLog(state: ConferenceState, c: CommandOf<'comment.log'>, ctx: DecideContext): Decision {
  const bad = checkArticles(state, c.articles);
  if (bad) return bad;
  if (state.comments.get(c.commandId)) return refuse('COMMENT_EXISTS');
  const speech = c.speechId === undefined ? undefined : state.speeches.get(c.speechId);
  if (c.speechId !== undefined && !speech) return refuse('SPEECH_UNKNOWN');
  const pointId = speech?.pointId ?? c.pointId;
  if (pointId !== undefined && !state.points.get(pointId)) return refuse('POINT_UNKNOWN', { point: pointId });
  if (ctx.actor.role === 'point') {
    if (c.source !== 'written' || speech) return refuse('POINT_WRITES_ONLY');
    if (!ownsPoint(ctx, pointId)) return refuse('POINT_WRITES_OWN');
  }
  const over = writtenQuota(state, pointId, c.text.length, ctx, 1);
  if (over) return over;
  const delegate = speech ? speech.delegate : ownDelegate(state, pointId, c.delegate);
  if (delegate && 'ok' in delegate) return delegate;
  return accept({
    type: 'comment.logged',
    payload: {
      commentId: c.commandId, articles: c.articles, kind: c.kind, text: c.text, source: c.source,
      ...(speech ? { speechId: speech.id } : {}),
      ...(pointId !== undefined ? { pointId } : {}),
      ...(delegate ? { delegate } : {}),
    },
  });
}

function editable(state: ConferenceState, commentId: string, ctx: DecideContext) {
  const comment = state.comments.get(commentId);
  if (!comment) return refuse('COMMENT_UNKNOWN');
  if (ctx.actor.role === 'point' && (comment.source !== 'written' || !ownsPoint(ctx, comment.pointId))) {
    return refuse('POINT_EDITS_OWN_WRITTEN');
  }
  if (comment.retracted) return refuse('COMMENT_RETRACTED');
  return comment;
}

export function decideEdit(state: ConferenceState, c: CommandOf<'comment.edit'>, ctx: DecideContext): Decision {
  const comment = editable(state, c.commentId, ctx);
  if ('ok' in comment) return comment;
  const bad = checkArticles(state, c.articles);
  if (bad) return bad;
  if (c.articles === undefined && c.kind === undefined && c.text === undefined) return refuse('NOTHING_TO_CHANGE');
  if (comment.source === 'written' && c.text !== undefined) {
    const over = writtenQuota(state, comment.pointId, c.text.length - comment.text.length, ctx, 0);
    if (over) return over;
  }
  const { type: _t, commandId: _c, conferenceId: _f, ...changes } = c;
  return accept({ type: 'comment.edited', payload: changes });
}

export function decideRetract(state: ConferenceState, c: CommandOf<'comment.retract'>, ctx: DecideContext): Decision {
  const comment = editable(state, c.commentId, ctx);
  if ('ok' in comment) return comment;
  return accept({ type: 'comment.retracted', payload: { commentId: c.commentId } });
}
