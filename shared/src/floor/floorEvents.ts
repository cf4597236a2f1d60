import { z } from 'zod';
import { event } from '../protocol/eventBase';
import { ArticleRefsSchema, DelegateRefSchema, IdSchema } from '../protocol/fields';
import { FloorPrioritySchema } from './floorCommands';

export const FloorRequested = event('floor.requested', {
  requestId: IdSchema,
  pointId: IdSchema,
  delegate: DelegateRefSchema,
  articles: ArticleRefsSchema,
  topic: z.string(),
  priority: FloorPrioritySchema,
  /** True when the chair filed it on the point's behalf. */
  onBehalf: z.boolean(),
});
/** The request enters the queue at `position`. */
export const FloorAccepted = event('floor.accepted', { requestId: IdSchema, position: z.number().int().min(0) });
export const FloorWithdrawn = event('floor.withdrawn', { requestId: IdSchema });
export const FloorReordered = event('floor.reordered', { requestId: IdSchema, toIndex: z.number().int().min(0) });
export const FloorDenied = event('floor.denied', { requestId: IdSchema, reason: z.string() });
export const FloorGranted = event('floor.granted', {
  speechId: IdSchema,
  requestId: IdSchema.optional(),
  pointId: IdSchema,
  delegate: DelegateRefSchema,
  articles: ArticleRefsSchema,
  topic: z.string(),
  limitS: z.number().int().positive(),
});
export const SPEECH_END_REASONS = ['released', 'timeout', 'next', 'ended'] as const;
export const FloorReleased = event('floor.released', { speechId: IdSchema, reason: z.enum(SPEECH_END_REASONS) });
export const FloorRevoked = event('floor.revoked', { speechId: IdSchema, reason: z.string() });
export const FloorExtended = event('floor.extended', { speechId: IdSchema, seconds: z.number().int() });
export const FloorPaused = event('floor.paused', { speechId: IdSchema });
export const FloorResumed = event('floor.resumed', { speechId: IdSchema });
/** The speech reached its limit (the hub's timer). */
export const FloorTimeWarned = event('floor.timeWarned', { speechId: IdSchema, deadline: z.number().int() });
export const QueueClosed = event('queue.closed', {});
export const QueueOpened = event('queue.opened', {});
