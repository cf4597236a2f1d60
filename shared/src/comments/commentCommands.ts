import { z } from 'zod';
import { command } from '../protocol/commandBase';
import { ArticleRefsSchema, DelegateRefSchema, IdSchema, LIMITS, requiredText, textField } from '../protocol/fields';

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

/** The drafting team's answer after the conference: tiếp thu, tiếp thu một phần, giải trình. */
export const RESPONSE_STATUSES = ['accepted', 'partly', 'explained'] as const;
export const ResponseStatusSchema = z.enum(RESPONSE_STATUSES);
export type ResponseStatus = z.infer<typeof ResponseStatusSchema>;

export const CommentRespond = command('comment.respond', {
  commentId: IdSchema,
  status: ResponseStatusSchema,
  explanation: textField(LIMITS.COMMENT_CHARS).default(''),
});
/** A spoken comment that repeats a written one (or the reverse) is folded into the one kept. */
export const CommentMerge = command('comment.merge', { commentId: IdSchema, intoId: IdSchema });
