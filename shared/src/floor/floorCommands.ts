import { z } from 'zod';
import { command } from '../protocol/commandBase';
import { ArticleRefsSchema, DelegateRefSchema, IdSchema, LIMITS, textField } from '../protocol/fields';

/** normal, a reply to the current speaker, or a point of order (thủ tục). */
export const FloorPrioritySchema = z.enum(['normal', 'reply', 'order']);
export type FloorPriority = z.infer<typeof FloorPrioritySchema>;

export const FloorRequest = command('floor.request', {
  pointId: IdSchema,
  delegate: DelegateRefSchema,
  articles: ArticleRefsSchema.default([]),
  topic: textField(LIMITS.TOPIC_CHARS).default(''),
  priority: FloorPrioritySchema.default('normal'),
});
export const FloorWithdraw = command('floor.withdraw', { requestId: IdSchema });
export const FloorAccept = command('floor.accept', { requestId: IdSchema });
export const FloorReorder = command('floor.reorder', {
  requestId: IdSchema,
  toIndex: z.number().int().min(0).max(10_000),
});
/** Either a queued request, or the chair's own point (`self`). */
export const FloorGrant = command('floor.grant', {
  requestId: IdSchema.optional(),
  self: z.boolean().optional(),
  limitS: z.number().int().min(30).max(3_600).optional(),
});
export const FloorDeny = command('floor.deny', { requestId: IdSchema, reason: textField(LIMITS.REASON_CHARS).default('') });
export const FloorRelease = command('floor.release', { speechId: IdSchema });
export const FloorRevoke = command('floor.revoke', { speechId: IdSchema, reason: textField(LIMITS.REASON_CHARS).default('') });
export const FloorExtend = command('floor.extend', { speechId: IdSchema, seconds: z.number().int().min(10).max(1_800) });
export const FloorPause = command('floor.pause', { speechId: IdSchema });
export const FloorResume = command('floor.resume', { speechId: IdSchema });
/** Issued by the hub's speech timer only, with a deterministic commandId. */
export const FloorTimeUp = command('floor.timeUp', { speechId: IdSchema, deadline: z.number().int() });
export const QueueClose = command('queue.close', {});
export const QueueOpen = command('queue.open', {});
