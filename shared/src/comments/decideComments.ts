import type { ConferenceState } from '../conference/state';
import type { CommandOf } from '../protocol/commands';
import { accept, ownsPoint, type DecideContext, type Decision } from '../protocol/decision';
import { refuse } from '../protocol/errors';
import { unknownArticles } from './articleRefs';

function checkArticles(state: ConferenceState, refs: CommandOf<'comment.log'>['articles'] | undefined): Decision | undefined {
  if (!refs) return undefined;
  const unknown = unknownArticles(state.draft, refs);
  return unknown.length > 0 ? refuse('ARTICLES_UNKNOWN', { articles: unknown.join(', ') }) : undefined;
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
  const delegate = speech?.delegate ?? c.delegate;
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
  const { type: _t, commandId: _c, conferenceId: _f, ...changes } = c;
  return accept({ type: 'comment.edited', payload: changes });
}

export function decideRetract(state: ConferenceState, c: CommandOf<'comment.retract'>, ctx: DecideContext): Decision {
  const comment = editable(state, c.commentId, ctx);
  if ('ok' in comment) return comment;
  return accept({ type: 'comment.retracted', payload: { commentId: c.commentId } });
}
