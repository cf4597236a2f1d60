import { randomUUID } from 'node:crypto';
import type { Hub } from '../createHub';
import { startRedisNode } from '../testing/redisHub';
import { RedisServer } from '../testing/redisServer';
import { TEST_ADMIN_TOKEN } from '../testing/testHub';

/** Three free failures, then waits; refusals answered at once (the hold has its own tests). */
const LIMITS = { freeFailures: 3, backoffBaseMs: 60_000, backoffMaxMs: 60_000, globalFailuresPerMin: 1_000, forgetMs: 600_000, holdRefusalMs: 0 };

describe('guessing across hub nodes (Q53)', () => {
  let redis: RedisServer;
  const nodes: Array<{ hub: Hub; url: string }> = [];
  beforeAll(async () => {
    redis = await RedisServer.start();
    const prefix = `guess-${randomUUID()}`;
    for (let i = 0; i < 2; i += 1) nodes.push(await startRedisNode(redis, prefix, undefined, { edge: { joinCodeGuesses: LIMITS, tokenGuesses: LIMITS } }));
  });
  afterAll(async () => {
    for (const n of nodes) await n.hub.close();
    await redis.stop();
  });

  const exchange = (node: number, code: string, from: string) =>
    fetch(`${nodes[node]?.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ code }) });
  const asAdmin = (node: number, token: string, from: string) => fetch(`${nodes[node]?.url}/api/conferences`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': from } });
  /** A node hears the other's failures through Redis a moment later. */
  const heard = () => new Promise((r) => setTimeout(r, 300));

  it('Q53: wrong join codes spread over two nodes count together: the address waits on both, another address does not', async () => {
    expect((await exchange(0, 'WRNG-AAAA', '203.0.113.9')).status).toBe(404);
    expect((await exchange(1, 'WRNG-BBBB', '203.0.113.9')).status).toBe(404);
    expect((await exchange(0, 'WRNG-CCCC', '203.0.113.9')).status).toBe(404);
    await heard();
    // The fourth failure, on node 1 — which itself saw one — makes the address wait, on node 0 as well.
    expect((await exchange(1, 'WRNG-DDDD', '203.0.113.9')).status).toBe(404);
    await heard();
    const refused = await exchange(0, 'WRNG-EEEE', '203.0.113.9');
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { details: { scope: string } } }).error.details.scope).toBe('address');
    expect((await exchange(1, 'WRNG-EEEE', '203.0.113.9')).status).toBe(429);
    expect((await exchange(0, 'WRNG-EEEE', '198.51.100.9')).status).toBe(404);
  });

  it('Q53: wrong admin tokens likewise, kept apart from join codes', async () => {
    for (const node of [0, 1, 0, 1]) expect((await asAdmin(node, `wrong-admin-token-${node}-0123456789`, '192.0.2.77')).status).toBe(401);
    await heard();
    expect((await asAdmin(0, TEST_ADMIN_TOKEN, '192.0.2.77')).status).toBe(429);
    expect((await asAdmin(1, TEST_ADMIN_TOKEN, '192.0.2.77')).status).toBe(429);
    // Join codes from that address are not slowed by its admin-token failures.
    expect((await exchange(1, 'WRNG-FFFF', '192.0.2.77')).status).toBe(404);
  });
});
