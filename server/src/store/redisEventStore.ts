import type { StoredEvent } from '@diem-cau/shared';
import type { Redis } from 'ioredis';
import type { AppendResult, EventStore, NewEvent } from './eventStore';
import { ownerLeaseKey } from './redisKeys';

/**
 * The log of a conference is a Redis Stream whose entry ids are `0-<seq>`; a hash maps
 * commandIds to their seq range. One Lua script checks the commandId, the owner lease (fencing: a node
 * whose lease was taken over cannot write), the expected seq and the command the appender decided after (S7),
 * and appends all events of a command, atomically.
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
return {'appended', tostring(last)}
`;

type AppendReply = [string, string];
type StreamEntry = [string, string[]];

export function openRedisEventStore(redis: Redis, prefix = 'dc'): EventStore {
  redis.defineCommand('dcAppend', { numberOfKeys: 4, lua: APPEND_LUA });
  const append = (redis as unknown as { dcAppend(...args: string[]): Promise<AppendReply> }).dcAppend.bind(redis);
  const logKey = (id: string) => `${prefix}:{${id}}:log`;
  const cmdKey = (id: string) => `${prefix}:{${id}}:commands`;
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

  return {
    append: async (conferenceId, expectedSeq, commandId, events: readonly NewEvent[], fence = '', after = ''): Promise<AppendResult> => {
      if (events.length === 0) throw new Error('append() needs at least one event');
      const bodies = events.map((e) => JSON.stringify({ type: e.type, at: e.at, actor: e.actor, commandId, payload: e.payload }));
      const [status, value] = await append(logKey(conferenceId), cmdKey(conferenceId), idsKey, ownerKey(conferenceId), String(expectedSeq), commandId, conferenceId, fence, after, ...bodies);
      if (status === 'fenced') return { status: 'fenced' };
      if (status === 'duplicate') return { status: 'duplicate', ...parseRange(value) };
      if (status === 'conflict') return { status: 'conflict', lastSeq: Number(value) };
      const last = Number(value);
      return { status: 'appended', events: events.map((e, i) => ({ ...e, seq: last + i + 1, commandId }) as StoredEvent) };
    },
    readSince: async (conferenceId, afterSeq, limit) => {
      // XRANGE … COUNT 0 answers nil, not an empty list.
      if (limit !== undefined && limit <= 0) return [];
      const args: [string, string, string] = [logKey(conferenceId), `(0-${afterSeq}`, '+'];
      const entries = (limit === undefined ? await redis.xrange(...args) : await redis.xrange(...args, 'COUNT', limit)) as StreamEntry[] | null;
      return (entries ?? []).map(toStored);
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
