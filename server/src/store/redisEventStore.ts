import type { StoredEvent } from '@diem-cau/shared';
import type { Redis } from 'ioredis';
import type { AppendResult, EventStore, NewEvent } from './eventStore';
import { ownerLeaseKey } from './redisKeys';
import { LOG_CHUNK_EVENTS } from './logChunks';

/**
 * The log of a conference is a Redis Stream whose entry ids are `0-<seq>`; a hash maps
 * commandIds to their seq range. One Lua script checks the commandId, the owner lease (fencing: a node
 * whose lease was taken over cannot write), the expected seq and the command the appender decided after (S7),
 * and appends all events of a command, atomically. When the log fills a chunk of LOG_CHUNK_EVENTS, the same
 * script keeps a copy of the chunk as one JSON array text in a hash (S8): a node folding a long log (a
 * failover) reads a hundred of them instead of 100,000 stream entries.
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
local n = #ARGV - 5
for i = 1, n do
  redis.call('XADD', KEYS[1], '0-' .. (last + i), 'e', ARGV[5 + i])
end
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

type AppendReply = [string, string];
const ALL = Number.MAX_SAFE_INTEGER;
type StreamEntry = [string, string[]];

export function openRedisEventStore(redis: Redis, prefix = 'dc'): EventStore {
  redis.defineCommand('dcAppend', { numberOfKeys: 5, lua: APPEND_LUA });
  const append = (redis as unknown as { dcAppend(...args: string[]): Promise<AppendReply> }).dcAppend.bind(redis);
  const logKey = (id: string) => `${prefix}:{${id}}:log`;
  const cmdKey = (id: string) => `${prefix}:{${id}}:commands`;
  const chunksKey = (id: string) => `${prefix}:{${id}}:chunks`;
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

  return {
    append: async (conferenceId, expectedSeq, commandId, events: readonly NewEvent[], fence = '', after = ''): Promise<AppendResult> => {
      if (events.length === 0) throw new Error('append() needs at least one event');
      const bodies = events.map((e) => JSON.stringify({ type: e.type, at: e.at, actor: e.actor, commandId, payload: e.payload }));
      const [status, value] = await append(logKey(conferenceId), cmdKey(conferenceId), idsKey, ownerKey(conferenceId), chunksKey(conferenceId), String(expectedSeq), commandId, conferenceId, fence, after, ...bodies);
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
    close: async () => {
      redis.disconnect();
    },
  };
}
