import type { Comment, ConferenceState } from '../conference/state';
import type { CommandOf } from '../protocol/commands';
import { accept, type Decision } from '../protocol/decision';
import { refuse } from '../protocol/errors';
import type { ArticleRef } from '../protocol/fields';

export function decideRespond(state: ConferenceState, c: CommandOf<'comment.respond'>): Decision {
  const comment = state.comments.get(c.commentId);
  if (!comment) return refuse('COMMENT_UNKNOWN');
  if (comment.retracted) return refuse('COMMENT_RETRACTED');
  if (comment.mergedInto) return refuse('COMMENT_MERGED_ANSWER_KEPT');
  if (c.status !== 'accepted' && c.explanation.length === 0) return refuse('EXPLANATION_NEEDED');
  return accept({ type: 'comment.responded', payload: { commentId: c.commentId, status: c.status, explanation: c.explanation } });
}

const sameRef = (a: ArticleRef, b: ArticleRef) => a.article === b.article && a.clause === b.clause && a.item === b.item;

function unionRefs(kept: Comment, duplicate: Comment): ArticleRef[] {
  return [...kept.articles, ...duplicate.articles.filter((r) => !kept.articles.some((k) => sameRef(k, r)))];
}

function mergeRefusal(duplicate: Comment | undefined, kept: Comment | undefined): Decision | undefined {
  if (!duplicate || !kept) return refuse('COMMENT_UNKNOWN');
  if (duplicate.id === kept.id) return refuse('MERGE_INTO_ITSELF');
  if (duplicate.retracted || kept.retracted) return refuse('COMMENT_RETRACTED');
  if (duplicate.mergedInto || kept.mergedInto) return refuse('COMMENT_ALREADY_MERGED');
  if ((duplicate.mergedFrom ?? []).length > 0) return refuse('COMMENT_KEEPS_OTHERS');
  if (duplicate.pointId !== kept.pointId) return refuse('MERGE_ACROSS_POINTS');
  if (duplicate.response) return refuse('COMMENT_ANSWERED');
  return undefined;
}

export function decideMerge(state: ConferenceState, c: CommandOf<'comment.merge'>): Decision {
  const duplicate = state.comments.get(c.commentId);
  const kept = state.comments.get(c.intoId);
  const refused = mergeRefusal(duplicate, kept);
  if (refused || !duplicate || !kept) return refused ?? refuse('COMMENT_UNKNOWN');
  return accept({ type: 'comment.merged', payload: { commentId: duplicate.id, intoId: kept.id, articles: unionRefs(kept, duplicate) } });
}
