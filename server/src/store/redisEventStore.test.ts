import { randomUUID } from 'node:crypto';
import { RedisServer } from '../testing/redisServer';
import { describeEventStoreContract } from './eventStoreContract';
import { openRedisEventStore } from './redisEventStore';

let redis: RedisServer;
beforeAll(async () => {
  redis = await RedisServer.start();
});
afterAll(async () => {
  await redis.stop();
});

// Each test gets its own key prefix on the private server: a fresh, empty store.
describeEventStoreContract('redis (stream + Lua)', async () => openRedisEventStore(redis.client(), `t${randomUUID().slice(0, 8)}`));

describe('redis event store', () => {
  it('S7: two connections appending at the same seq: the Lua script lets exactly one through', async () => {
    const prefix = `race${randomUUID().slice(0, 8)}`;
    const stores = [openRedisEventStore(redis.client(), prefix), openRedisEventStore(redis.client(), prefix)];
    const actor = { role: 'chair' as const, sessionId: 'c' };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => stores[i % 2]?.append('a', 0, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, [{ type: 'conference.started', at: i, actor, payload: {} }])),
    );
    expect(results.filter((r) => r?.status === 'appended')).toHaveLength(1);
    expect(await stores[0]?.lastSeq('a')).toBe(1);
    for (const s of stores) await s?.close();
  });
});
