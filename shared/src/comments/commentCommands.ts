import { z } from 'zod';
import { command } from '../protocol/commandBase';
import { ArticleRefsSchema, DelegateRefSchema, IdSchema, LIMITS, requiredText } from '../protocol/fields';

export const COMMENT_KINDS = ['agree', 'clarify', 'supplement', 'amend', 'remove', 'propose', 'other'] as const;
export const CommentKindSchema = z.enum(COMMENT_KINDS);
export type CommentKind = z.infer<typeof CommentKindSchema>;

export const CommentSourceSchema = z.enum(['spoken', 'written']);
export type CommentSource = z.infer<typeof CommentSourceSchema>;

export const CommentLog = command('comment.log', {
  articles: ArticleRefsSchema.default([]),
  /** The speech it was said in; point and delegate then come from the speech. */
  speechId: IdSchema.optional(),
  pointId: IdSchema.optional(),
  delegate: DelegateRefSchema.optional(),
  kind: CommentKindSchema,
  text: requiredText(LIMITS.COMMENT_CHARS),
  source: CommentSourceSchema.default('spoken'),
});
export const CommentEdit = command('comment.edit', {
  commentId: IdSchema,
  articles: ArticleRefsSchema.optional(),
  kind: CommentKindSchema.optional(),
  text: requiredText(LIMITS.COMMENT_CHARS).optional(),
});
export const CommentRetract = command('comment.retract', { commentId: IdSchema });
