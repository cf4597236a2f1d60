import type { StoredEvent } from '@diem-cau/shared';
import type { Redis } from 'ioredis';
import type { AppendResult, EventStore, NewEvent } from './eventStore';
import { GENESIS_HASH, chainOf, eventHash, type ChainHead, type ChainedEvent } from './eventChain';
import { ownerLeaseKey } from './redisKeys';
import { LOG_CHUNK_EVENTS } from './logChunks';

/**
 * The log of a conference is a Redis Stream whose entry ids are `0-<seq>`; a hash maps
 * commandIds to their seq range. One Lua script checks the commandId, the owner lease (fencing: a node
 * whose lease was taken over cannot write), the expected seq and the command the appender decided after (S7),
 * and appends all events of a command, atomically. When the log fills a chunk of LOG_CHUNK_EVENTS, the same
 * script keeps a copy of the chunk as one JSON array text in a hash (S8): a node folding a long log (a
 * failover) reads a hundred of them instead of 100,000 stream entries.
 *
 * Each entry keeps its link of the hash chain (HC2) beside its JSON, as the field `h`, and a key holds the
 * log's head (`seq:hash`): the script appends only behind that head, so a node's remembered head that is not
 * the stored one is a conflict, never a broken chain. Lua has no SHA-256, so the appending node (the owner)
 * hashes, from the head it remembers or reads.
 */
const APPEND_LUA = `
local dup = redis.call('HGET', KEYS[2], ARGV[2])
if dup then return {'duplicate', dup} end
if ARGV[4] ~= '' and redis.call('GET', KEYS[4]) ~= ARGV[4] then return {'fenced', ''} end
local last = redis.call('XLEN', KEYS[1])
if last ~= tonumber(ARGV[1]) then return {'conflict', tostring(last)} end
if ARGV[5] ~= '' and last > 0 then
  local at = redis.call('XRANGE', KEYS[1], '0-' .. last, '0-' .. last)
  local body = at[1] and at[1][2][2]
  if not body or cjson.decode(body).commandId ~= ARGV[5] then return {'conflict', tostring(last)} end
end
if last > 0 then
  local head = redis.call('GET', KEYS[6])
  -- No head, or one behind the log: a release before the chain appended (a rolling upgrade); chain it again first.
  if not head or tonumber(string.match(head, '^(%d+):')) ~= last then return {'unchained', tostring(last)} end
  if head ~= last .. ':' .. ARGV[7] then return {'conflict', tostring(last)} end
end
local n = (#ARGV - 6) / 2
for i = 1, n do
  redis.call('XADD', KEYS[1], '0-' .. (last + i), 'e', ARGV[6 + 2 * i], 'h', ARGV[5 + 2 * i])
end
redis.call('SET', KEYS[6], (last + n) .. ':' .. ARGV[6])
redis.call('HSET', KEYS[2], ARGV[2], (last + 1) .. ':' .. (last + n))
redis.call('SADD', KEYS[3], ARGV[3])
local K = ${LOG_CHUNK_EVENTS}
for c = math.floor(last / K), math.floor((last + n) / K) - 1 do
  local entries = redis.call('XRANGE', KEYS[1], '0-' .. (c * K + 1), '0-' .. ((c + 1) * K))
  local parts = {}
  for i, e in ipairs(entries) do parts[i] = '{"seq":' .. (c * K + i) .. ',' .. string.sub(e[2][2], 2) end
  redis.call('HSET', KEYS[5], c, '[' .. table.concat(parts, ',') .. ']')
end
return {'appended', tostring(last)}
`;

/**
 * HC3: chains a log written before the hash chain, or appended to by that release since (a rolling upgrade, a
 * rollback), atomically: the stream is written again, the same entries with their links (ARGV, in seq order: the
 * stored ones kept, the missing ones computed), and the head set; only while the log is still as long and its head
 * still missing or behind.
 */
const CHAIN_LUA = `
local n = #ARGV - 1
if redis.call('XLEN', KEYS[1]) ~= n then return 0 end
local head = redis.call('GET', KEYS[2])
if head and tonumber(string.match(head, '^(%d+):')) == n then return 0 end
local entries = redis.call('XRANGE', KEYS[1], '-', '+')
redis.call('DEL', KEYS[1])
for i, e in ipairs(entries) do redis.call('XADD', KEYS[1], e[1], 'e', e[2][2], 'h', ARGV[i]) end
redis.call('SET', KEYS[2], n .. ':' .. ARGV[n + 1])
return n
`;

type AppendReply = [string, string];
const ALL = Number.MAX_SAFE_INTEGER;
type StreamEntry = [string, string[]];

export function openRedisEventStore(redis: Redis, prefix = 'dc'): EventStore {
  redis.defineCommand('dcAppend', { numberOfKeys: 6, lua: APPEND_LUA });
  redis.defineCommand('dcChain', { numberOfKeys: 2, lua: CHAIN_LUA });
  const scripts = redis as unknown as { dcAppend(...args: string[]): Promise<AppendReply>; dcChain(...args: string[]): Promise<number> };
  const append = scripts.dcAppend.bind(redis);
  const logKey = (id: string) => `${prefix}:{${id}}:log`;
  const cmdKey = (id: string) => `${prefix}:{${id}}:commands`;
  const chunksKey = (id: string) => `${prefix}:{${id}}:chunks`;
  const headKey = (id: string) => `${prefix}:{${id}}:head`;
  const idsKey = `${prefix}:conferences`;
  const ownerKey = (id: string) => ownerLeaseKey(prefix, id);
  const parseRange = (v: string) => {
    const [first, last] = v.split(':').map(Number);
    return { firstSeq: first ?? 0, lastSeq: last ?? 0 };
  };
  const toStored = ([id, fields]: StreamEntry): StoredEvent => {
    const seq = Number(id.split('-')[1]);
    return { ...JSON.parse(fields[1] ?? '{}'), seq } as StoredEvent;
  };

  const entriesSince = async (conferenceId: string, afterSeq: number, limit: number): Promise<StoredEvent[]> => {
    // XRANGE … COUNT 0 answers nil, not an empty list.
    if (limit <= 0) return [];
    const args: [string, string, string] = [logKey(conferenceId), `(0-${afterSeq}`, '+'];
    const entries = (limit >= ALL ? await redis.xrange(...args) : await redis.xrange(...args, 'COUNT', limit)) as StreamEntry[] | null;
    return (entries ?? []).map(toStored);
  };
  /** The events of the chunks from the one starting at `from` (a boundary), while they follow on. */
  const chunksFrom = async (conferenceId: string, from: number): Promise<StoredEvent[]> => {
    const full = Math.floor((await redis.xlen(logKey(conferenceId))) / LOG_CHUNK_EVENTS);
    const first = from / LOG_CHUNK_EVENTS;
    if (full <= first) return [];
    const texts = await redis.hmget(chunksKey(conferenceId), ...Array.from({ length: full - first }, (_, i) => String(first + i)));
    const events: StoredEvent[] = [];
    for (const text of texts) {
      if (text === null) break;
      for (const e of JSON.parse(text) as StoredEvent[]) events.push(e);
    }
    return events;
  };

  /** The head this node's last append sent left, per conference (HC2). */
  const heads = new Map<string, ChainHead>();
  const forget = (conferenceId: string, head: ChainHead) => {
    if (heads.get(conferenceId) === head) heads.delete(conferenceId);
  };
  /** Every entry with its link; an entry of an unchained log (HC3) gets the link the migration gives it. */
  const readChained = async (conferenceId: string): Promise<ChainedEvent[]> => {
    const entries = ((await redis.xrange(logKey(conferenceId), '-', '+')) ?? []) as StreamEntry[];
    const log: ChainedEvent[] = [];
    for (const [id, fields] of entries) {
      const before = log.at(-1);
      // Hashed only where a link is missing (HC3): reading a chained log costs its parsing, nothing more.
      const prevHash = (fields[2] === 'h' ? fields[3] : undefined) ?? (before ? eventHash(before.prevHash, before) : GENESIS_HASH);
      log.push({ ...JSON.parse(fields[1] ?? '{}'), seq: Number(id.split('-')[1]), prevHash } as ChainedEvent);
    }
    return log;
  };
  const chainOldLog = async (conferenceId: string): Promise<void> => {
    const log = await readChained(conferenceId);
    const { prevHashes, head } = chainOf(log);
    await scripts.dcChain(logKey(conferenceId), headKey(conferenceId), ...prevHashes, head);
  };
  /** The hash of the event at `seq` as the store holds it; an unchained log is chained first. */
  const storedHead = async (conferenceId: string, seq: number): Promise<string> => {
    const stored = await redis.get(headKey(conferenceId));
    const length = await redis.xlen(logKey(conferenceId));
    const behind = length > 0 && (stored === null || Number(stored.split(':')[0]) !== length);
    if (behind) await chainOldLog(conferenceId);
    const head = behind ? await redis.get(headKey(conferenceId)) : stored;
    const [at, hash] = (head ?? '0:').split(':');
    // A head elsewhere than the expected seq: the script will answer conflict (or duplicate) whatever the link.
    return Number(at) === seq && hash ? hash : GENESIS_HASH;
  };

  return {
    append: async (conferenceId, expectedSeq, commandId, events: readonly NewEvent[], fence = '', after = ''): Promise<AppendResult> => {
      if (events.length === 0) throw new Error('append() needs at least one event');
      const known = heads.get(conferenceId);
      // Pipelined appends hash synchronously from the head the previous one left; only a miss reads the store's.
      const prev = known?.seq === expectedSeq ? known.hash : expectedSeq === 0 ? GENESIS_HASH : await storedHead(conferenceId, expectedSeq);
      const links: string[] = [];
      let hash = prev;
      const bodies = events.map((e, i) => {
        links.push(hash);
        hash = eventHash(hash, { seq: expectedSeq + i + 1, type: e.type, at: e.at, actor: e.actor, commandId, payload: e.payload });
        return JSON.stringify({ type: e.type, at: e.at, actor: e.actor, commandId, payload: e.payload });
      });
      const head = { seq: expectedSeq + events.length, hash };
      heads.set(conferenceId, head);
      const pairs = bodies.flatMap((body, i) => [links[i] ?? GENESIS_HASH, body]);
      const keys = [logKey(conferenceId), cmdKey(conferenceId), idsKey, ownerKey(conferenceId), chunksKey(conferenceId), headKey(conferenceId)];
      const [status, value] = await append(...keys, String(expectedSeq), commandId, conferenceId, fence, after, hash, ...pairs).catch((error: unknown) => {
        forget(conferenceId, head);
        throw error;
      });
      if (status !== 'appended') forget(conferenceId, head);
      if (status === 'unchained') {
        await chainOldLog(conferenceId);
        return { status: 'conflict', lastSeq: Number(value) };
      }
      if (status === 'fenced') return { status: 'fenced' };
      if (status === 'duplicate') return { status: 'duplicate', ...parseRange(value) };
      if (status === 'conflict') return { status: 'conflict', lastSeq: Number(value) };
      const last = Number(value);
      return { status: 'appended', events: events.map((e, i) => ({ ...e, seq: last + i + 1, commandId }) as StoredEvent) };
    },
    readSince: async (conferenceId, afterSeq, limit = ALL) => {
      if (limit < LOG_CHUNK_EVENTS) return entriesSince(conferenceId, afterSeq, limit);
      // Entries up to the next chunk boundary, whole chunks while they follow on, entries after them.
      const boundary = Math.ceil(afterSeq / LOG_CHUNK_EVENTS) * LOG_CHUNK_EVENTS;
      const head = await entriesSince(conferenceId, afterSeq, boundary - afterSeq);
      if (head.length < boundary - afterSeq) return head;
      const middle = await chunksFrom(conferenceId, boundary);
      const tail = await entriesSince(conferenceId, boundary + middle.length, limit - head.length - middle.length);
      const all = head.concat(middle, tail);
      return all.length > limit ? all.slice(0, limit) : all;
    },
    lastSeq: async (conferenceId) => redis.xlen(logKey(conferenceId)),
    findCommand: async (conferenceId, commandId) => {
      const v = await redis.hget(cmdKey(conferenceId), commandId);
      return v ? parseRange(v) : undefined;
    },
    conferenceIds: async () => (await redis.smembers(idsKey)).sort(),
    readChained,
    chainHead: async (conferenceId, seq) => {
      const at = seq ?? (await redis.xlen(logKey(conferenceId)));
      if (at === 0) return { seq: 0, hash: GENESIS_HASH };
      const entries = (await redis.xrange(logKey(conferenceId), `0-${at}`, `0-${at}`)) as StreamEntry[];
      const fields = entries[0]?.[1];
      if (!fields) throw new Error(`${conferenceId} has no event ${at}`);
      const link = fields[2] === 'h' ? fields[3] : undefined;
      const event = { ...JSON.parse(fields[1] ?? '{}'), seq: at };
      if (link) return { seq: at, hash: eventHash(link, event) };
      const log = await readChained(conferenceId);
      const e = log[at - 1];
      return { seq: at, hash: e ? eventHash(e.prevHash, e) : GENESIS_HASH };
    },
    close: async () => {
      redis.disconnect();
    },
  };
}
