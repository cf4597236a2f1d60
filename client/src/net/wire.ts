import { ActorSchema, DomainEventSchema, type DomainError, type PresenceUpdate, type StoredEvent } from '@diem-cau/shared';
import { z } from 'zod';

/**
 * Everything the hub sends is parsed here before the client trusts it (the boundary rule):
 * a malformed message is dropped, never half-applied.
 */
const StoredEventSchema = DomainEventSchema.and(
  z.object({ seq: z.number().int().positive(), at: z.number(), actor: ActorSchema, commandId: z.string() }),
);
const ErrorSchema = z.object({
  code: z.string(), message: z.string(), details: z.unknown().optional(),
  reason: z.string().max(64).optional(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
const FailedAck = z.object({ ok: z.literal(false), error: ErrorSchema });
const PresenceSchema = z.object({
  node: z.string(), v: z.number().int().min(0), full: z.boolean().optional(), gone: z.boolean().optional(),
  entries: z.array(z.object({ pointId: z.string(), sessions: z.number().int().min(0), roles: z.array(z.string()), v: z.number().int().min(0) })),
});
/** Socket.IO hands a binary attachment over as an ArrayBuffer in a browser, a Buffer (a Uint8Array) on Node. */
const isArrayBuffer = (b: unknown): b is ArrayBuffer => Object.prototype.toString.call(b) === '[object ArrayBuffer]';
const isBytes = (b: unknown): b is Uint8Array => ArrayBuffer.isView(b) && Object.prototype.toString.call(b) === '[object Uint8Array]';
const Bytes = z.custom<ArrayBuffer | Uint8Array>((b) => isArrayBuffer(b) || isBytes(b)).transform((b) => (isArrayBuffer(b) ? new Uint8Array(b) : b));
const SnapshotSchema = z.object({ seq: z.number().int().min(0), gzip: Bytes });

/** A sync answer as the console reads it: the snapshot still compressed (`snapshotState` inflates it). */
export type SyncAnswer = { events: StoredEvent[] } | { snapshot: { seq: number; gzip: Uint8Array }; events: StoredEvent[] };

export function parseEvents(raw: unknown): StoredEvent[] {
  if (!Array.isArray(raw)) return [];
  const events: StoredEvent[] = [];
  for (const item of raw) {
    const parsed = StoredEventSchema.safeParse(item);
    if (parsed.success) events.push(parsed.data as StoredEvent);
  }
  return events;
}

/** One hub node's presence update (delta, full share, or the node gone). */
export function parsePresence(raw: unknown): PresenceUpdate | undefined {
  const parsed = PresenceSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const { full, gone, ...rest } = parsed.data;
  return { ...rest, ...(full ? { full } : {}), ...(gone ? { gone } : {}) };
}

export function failureOf(raw: unknown): DomainError | undefined {
  const parsed = FailedAck.safeParse(raw);
  return parsed.success ? (parsed.data.error as DomainError) : undefined;
}

export function parseCommandAck(raw: unknown): { ok: true; seq: number } | { ok: false; error: DomainError } {
  const failed = failureOf(raw);
  if (failed) return { ok: false, error: failed };
  const ok = z.object({ ok: z.literal(true), seq: z.number() }).safeParse(raw);
  return ok.success ? { ok: true, seq: ok.data.seq } : { ok: false, error: { code: 'UNAVAILABLE', message: 'Bad ack' } };
}

export function parseSyncAck(raw: unknown): { ok: true; result: SyncAnswer } | { ok: false; error: DomainError } {
  const failed = failureOf(raw);
  if (failed) return { ok: false, error: failed };
  const obj = z.object({ ok: z.literal(true), events: z.array(z.unknown()).optional(), snapshot: SnapshotSchema.optional() }).safeParse(raw);
  if (!obj.success) return { ok: false, error: { code: 'UNAVAILABLE', message: 'Bad sync answer' } };
  const events = parseEvents(obj.data.events ?? []);
  // A snapshot is the hub's own fold of the log; its envelope is checked here, its body when inflated.
  return { ok: true, result: obj.data.snapshot ? { snapshot: obj.data.snapshot, events } : { events } };
}

export function parseTimeAck(raw: unknown): number | undefined {
  const parsed = z.object({ ok: z.literal(true), serverTime: z.number() }).safeParse(raw);
  return parsed.success ? parsed.data.serverTime : undefined;
}
