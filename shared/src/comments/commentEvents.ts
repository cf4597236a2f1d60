import { z } from 'zod';
import { event } from '../protocol/eventBase';
import { ArticleRefsSchema, DelegateRefSchema, IdSchema } from '../protocol/fields';
import { CommentKindSchema, CommentSourceSchema, ResponseStatusSchema } from './commentCommands';

export const CommentLogged = event('comment.logged', {
  commentId: IdSchema,
  articles: ArticleRefsSchema,
  speechId: IdSchema.optional(),
  pointId: IdSchema.optional(),
  delegate: DelegateRefSchema.optional(),
  kind: CommentKindSchema,
  text: z.string(),
  source: CommentSourceSchema,
});
export const CommentEdited = event('comment.edited', {
  commentId: IdSchema,
  articles: ArticleRefsSchema.optional(),
  kind: CommentKindSchema.optional(),
  text: z.string().optional(),
});
export const CommentRetracted = event('comment.retracted', { commentId: IdSchema });
export const CommentResponded = event('comment.responded', { commentId: IdSchema, status: ResponseStatusSchema, explanation: z.string() });
export const CommentMerged = event('comment.merged', { commentId: IdSchema, intoId: IdSchema, articles: ArticleRefsSchema });
