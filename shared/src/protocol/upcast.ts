import type { StoredEvent } from './events';

/**
 * Brings an event as an earlier release stored it to this release's shape (U4). One entry per event type whose
 * payload changed: it recognises the old shape and returns the new one, and returns a payload already in the new
 * shape unchanged, so it applies to logs of any age. Events are never rewritten in the store (the hash chain, HC,
 * covers what was written); they are upcast each time they are read.
 *
 * Empty: no event of any release so far has changed its shape (every event the previous release wrote is read
 * as is; server/src/store/upcast.test.ts checks a log it wrote against this release's schema).
 */
export type Upcaster = (payload: Record<string, unknown>) => Record<string, unknown>;
export type Upcasters = Readonly<Partial<Record<StoredEvent['type'], Upcaster>>>;

export const UPCASTERS: Upcasters = {};

export function upcast(e: StoredEvent, upcasters: Upcasters = UPCASTERS): StoredEvent {
  const up = upcasters[e.type];
  if (!up) return e;
  const payload = e.payload as Record<string, unknown>;
  const next = up(payload);
  return next === payload ? e : ({ ...e, payload: next } as StoredEvent);
}
