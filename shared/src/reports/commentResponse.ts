import { z } from 'zod';
import { textField } from '../protocol/fields';

import { ResponseStatusSchema } from '../comments/commentCommands';
import type { Comment } from '../conference/state';

export { RESPONSE_STATUSES, ResponseStatusSchema } from '../comments/commentCommands';
export type { ResponseStatus } from '../comments/commentCommands';

/**
 * The drafting team's answer to a comment (tiếp thu / tiếp thu một phần / giải trình), as the
 * reports take it: recorded in the log by `comment.respond`, optionally overridden by the caller.
 */
export const CommentResponseSchema = z.object({
  status: ResponseStatusSchema,
  explanation: textField(10_000).default(''),
});
export type CommentResponse = z.infer<typeof CommentResponseSchema>;

export const CommentResponsesSchema = z.record(z.string(), CommentResponseSchema);
export type CommentResponses = Readonly<Record<string, CommentResponse>>;

/** The responses recorded in the log, keyed by comment id. */
export function responsesOf(comments: Iterable<Pick<Comment, 'id' | 'response'>>): Record<string, CommentResponse> {
  const out: Record<string, CommentResponse> = {};
  for (const c of comments) if (c.response) out[c.id] = { status: c.response.status, explanation: c.response.explanation };
  return out;
}
