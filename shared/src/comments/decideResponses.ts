import type { Comment, ConferenceState } from '../conference/state';
import type { CommandOf } from '../protocol/commands';
import { accept, type Decision } from '../protocol/decision';
import { fail } from '../protocol/errors';
import type { ArticleRef } from '../protocol/fields';

export function decideRespond(state: ConferenceState, c: CommandOf<'comment.respond'>): Decision {
  const comment = state.comments.byId[c.commentId];
  if (!comment) return fail('NOT_FOUND', 'Không tìm thấy ý kiến');
  if (comment.retracted) return fail('CONFLICT', 'Ý kiến đã bị rút');
  if (comment.mergedInto) return fail('CONFLICT', 'Ý kiến đã được gộp; hãy trả lời ý kiến được giữ lại');
  if (c.status !== 'accepted' && c.explanation.length === 0) return fail('INVALID', 'Cần nội dung giải trình');
  return accept({ type: 'comment.responded', payload: { commentId: c.commentId, status: c.status, explanation: c.explanation } });
}

const sameRef = (a: ArticleRef, b: ArticleRef) => a.article === b.article && a.clause === b.clause && a.item === b.item;

function unionRefs(kept: Comment, duplicate: Comment): ArticleRef[] {
  return [...kept.articles, ...duplicate.articles.filter((r) => !kept.articles.some((k) => sameRef(k, r)))];
}

function mergeRefusal(duplicate: Comment | undefined, kept: Comment | undefined): Decision | undefined {
  if (!duplicate || !kept) return fail('NOT_FOUND', 'Không tìm thấy ý kiến');
  if (duplicate.id === kept.id) return fail('CONFLICT', 'Không thể gộp một ý kiến với chính nó');
  if (duplicate.retracted || kept.retracted) return fail('CONFLICT', 'Ý kiến đã bị rút');
  if (duplicate.mergedInto || kept.mergedInto) return fail('CONFLICT', 'Ý kiến đã được gộp trước đó');
  if ((duplicate.mergedFrom ?? []).length > 0) return fail('CONFLICT', 'Ý kiến này đã giữ các ý kiến khác; hãy gộp vào nó');
  if (duplicate.pointId !== kept.pointId) return fail('CONFLICT', 'Hai ý kiến của hai điểm cầu khác nhau');
  if (duplicate.response) return fail('CONFLICT', 'Ý kiến đã được trả lời');
  return undefined;
}

export function decideMerge(state: ConferenceState, c: CommandOf<'comment.merge'>): Decision {
  const duplicate = state.comments.byId[c.commentId];
  const kept = state.comments.byId[c.intoId];
  const refused = mergeRefusal(duplicate, kept);
  if (refused || !duplicate || !kept) return refused ?? fail('NOT_FOUND', 'Không tìm thấy ý kiến');
  return accept({ type: 'comment.merged', payload: { commentId: duplicate.id, intoId: kept.id, articles: unionRefs(kept, duplicate) } });
}
