import { RedisServer } from '../testing/redisServer';
import { openRedisEventStore } from '../store/redisEventStore';
import { nodeOfToken, openOwnerLeases } from './ownerLeases';

const actor = { role: 'secretary' as const, sessionId: 's1' };
const logged = (text: string) => ({ type: 'comment.logged' as const, at: 1, actor, payload: { commentId: text, articles: [], kind: 'agree' as const, text, source: 'spoken' as const } });
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

describe('owner leases in Redis', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('N1: nodes racing for a vacant lease: exactly one wins, the others see it as the holder', async () => {
    const nodes = ['n-a', 'n-b', 'n-c', 'n-d'].map((id) => openOwnerLeases(redis.client(), 'o1', id, 5_000));
    const tokens = await Promise.all(nodes.map((n) => n.acquire('hn-race')));
    const won = tokens.filter((t): t is string => t !== null);
    expect(won).toHaveLength(1);
    for (const n of nodes) expect(await n.holder('hn-race')).toBe(won[0]);
    expect(['n-a', 'n-b', 'n-c', 'n-d']).toContain(nodeOfToken(won[0] ?? ''));
  });

  it('N2: a lapsed lease is taken with a higher epoch, and the store refuses appends under the old token', async () => {
    const store = openRedisEventStore(redis.client(), 'o2');
    const a = openOwnerLeases(redis.client(), 'o2', 'n-a', 300);
    const b = openOwnerLeases(redis.client(), 'o2', 'n-b', 5_000);
    const tokenA = (await a.acquire('hn-fence')) ?? '';
    expect(await b.acquire('hn-fence')).toBeNull();
    expect(await store.append('hn-fence', 0, uuid(1), [logged('của a')], tokenA)).toMatchObject({ status: 'appended' });
    // a is paused past its lease: nobody renews it.
    for (let i = 0; i < 100 && (await b.holder('hn-fence')) !== null; i += 1) await new Promise((r) => setTimeout(r, 20));
    const tokenB = (await b.acquire('hn-fence')) ?? '';
    expect(Number(tokenB.split('/')[1])).toBe(Number(tokenA.split('/')[1]) + 1);
    // a wakes up and tries to write, and to renew.
    expect(await store.append('hn-fence', 1, uuid(2), [logged('a sau khi mất quyền')], tokenA)).toEqual({ status: 'fenced' });
    expect(await a.renew(new Map([['hn-fence', tokenA]]))).toEqual(['hn-fence']);
    expect(await store.append('hn-fence', 1, uuid(3), [logged('của b')], tokenB)).toMatchObject({ status: 'appended' });
    expect((await store.readSince('hn-fence', 0)).map((e) => e.commandId)).toEqual([uuid(1), uuid(3)]);
    // A duplicate is answered whoever asks: it changes nothing.
    expect(await store.append('hn-fence', 2, uuid(1), [logged('của a')], tokenA)).toEqual({ status: 'duplicate', firstSeq: 1, lastSeq: 1 });
    await a.release('hn-fence', tokenA);
    expect(await b.holder('hn-fence')).toBe(tokenB);
    await b.release('hn-fence', tokenB);
    expect(await b.holder('hn-fence')).toBeNull();
  });
});
