import { z } from 'zod';
import { textField } from '../protocol/fields';

/**
 * The drafting team's answer to a comment (tiếp thu / tiếp thu một phần / giải trình).
 * The domain has no command for it yet, so reports take responses as input keyed by comment id.
 */
export const RESPONSE_STATUSES = ['accepted', 'partly', 'explained'] as const;
export const ResponseStatusSchema = z.enum(RESPONSE_STATUSES);
export type ResponseStatus = z.infer<typeof ResponseStatusSchema>;

export const CommentResponseSchema = z.object({
  status: ResponseStatusSchema,
  explanation: textField(10_000).default(''),
});
export type CommentResponse = z.infer<typeof CommentResponseSchema>;

export const CommentResponsesSchema = z.record(z.string(), CommentResponseSchema);
export type CommentResponses = Readonly<Record<string, CommentResponse>>;
