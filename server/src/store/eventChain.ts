import { hash } from 'node:crypto';
import type { StoredEvent } from '@diem-cau/shared';

/*
 * The hash chain over a conference's log (HC1–HC3). Each stored event keeps `prevHash`, the hash of the event
 * before it (the first one: GENESIS_HASH); an event's hash is SHA-256 over that prevHash, a line feed and the
 * event's canonical serialisation. The head hash (the last event's hash) and the event count stand for the
 * whole log: change, remove or reorder one event and every hash from it on differs.
 */

export const GENESIS_HASH = '0'.repeat(64);

/** An event as the chain covers it: what the log stores, nothing the store adds for itself. */
export interface ChainFields { seq: number; type: string; at: number; actor: unknown; commandId: string; payload: unknown }

/** An event with the hash of the one before it, as stored and as an archive's log carries it. */
export type ChainedEvent = StoredEvent & { prevHash: string };

/** The hash of a log's event at `seq` (0: GENESIS_HASH, an empty log). */
export interface ChainHead { seq: number; hash: string }

/**
 * JSON with every object's keys in code-unit order and no insignificant space; strings and numbers as
 * JSON.stringify writes them (ECMAScript's forms, as RFC 8785 does), undefined members left out. The same
 * value gives the same text whichever store or language read it back, whatever order its keys came in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  // Concatenation and no sort when the keys come in order already (events are made that way mostly): an append hashes every event.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) out += (i === 0 ? '' : ',') + (value[i] === undefined ? 'null' : canonicalJson(value[i]));
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (!inOrder(keys)) keys.sort();
  let out = '{';
  for (const key of keys) {
    const v = record[key];
    if (v !== undefined) out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

function inOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i += 1) if ((keys[i - 1] as string) > (keys[i] as string)) return false;
  return true;
}

/** HC1: SHA-256 (hex) over the previous hash, "\n", and the event's canonical serialisation. */
export function eventHash(prevHash: string, e: ChainFields): string {
  const canonical = canonicalJson({ seq: e.seq, type: e.type, at: e.at, actor: e.actor, commandId: e.commandId, payload: e.payload });
  // One-shot hash (no Hash object per event): an append hashes every event it stores.
  return hash('sha256', `${prevHash}\n${canonical}`, 'hex');
}

/**
 * HC1 from stored texts, without parsing them: `actorJson` and `payloadJson` must be canonicalJson's own output
 * (SQLite's append stores them so). The keys of the event are written in their sorted order.
 */
export function rowHash(prevHash: string, seq: number, type: string, at: number, actorJson: string, commandId: string, payloadJson: string): string {
  const canonical = `{"actor":${actorJson},"at":${JSON.stringify(at)},"commandId":${JSON.stringify(commandId)},"payload":${payloadJson},"seq":${seq},"type":${JSON.stringify(type)}}`;
  return hash('sha256', `${prevHash}\n${canonical}`, 'hex');
}

/** The prevHash of each event, and the head, for events in seq order from `start` (an old log being chained). */
export function chainOf(events: readonly ChainFields[], start: string = GENESIS_HASH): { prevHashes: string[]; head: string } {
  const prevHashes: string[] = [];
  let prev = start;
  for (const e of events) {
    prevHashes.push(prev);
    prev = eventHash(prev, e);
  }
  return { prevHashes, head: prev };
}

/** A stored event without the fields a store or an archive adds (prevHash). */
export function withoutLink(e: ChainedEvent): StoredEvent {
  const { prevHash: _prevHash, ...event } = e;
  return event as StoredEvent;
}
