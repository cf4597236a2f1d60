import { z } from 'zod';
import { RedisServer } from '../testing/redisServer';
import { openNodeNews, type NodeNews } from './nodeNews';

const Schema = z.object({ n: z.number() });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('news between hub nodes (nodeNews)', () => {
  let redis: RedisServer;
  const opened: Array<NodeNews<{ n: number }>> = [];
  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterAll(async () => {
    for (const news of opened) await news.close();
    await redis.stop();
  });

  const open = async (nodeId: string, errors: unknown[]) => {
    const [publisher, subscriber] = [redis.client(), redis.client()];
    for (const c of [publisher, subscriber]) c.on('error', () => undefined);
    const news = await openNodeNews(publisher, subscriber, 'test:news', nodeId, Schema, (e) => errors.push(e));
    opened.push(news);
    return news;
  };

  it('a node hears the others’ news, never its own; a message that fails the schema is reported and dropped', async () => {
    const errors: unknown[] = [];
    const [a, b] = [await open('a', errors), await open('b', errors)];
    const heardByA: Array<[string, number]> = [];
    const heardByB: Array<[string, number]> = [];
    a.listen((from, news) => heardByA.push([from, news.n]));
    b.listen((from, news) => heardByB.push([from, news.n]));
    a.tell({ n: 1 });
    b.tell({ n: 2 });
    await redis.client().publish('test:news', JSON.stringify({ from: 'x', news: { n: 'not a number' } }));
    await sleep(200);
    expect(heardByA).toEqual([['b', 2]]);
    expect(heardByB).toEqual([['a', 1]]);
    expect(errors.length).toBe(2);
  });

  it('while Redis is away a node’s news are dropped, not queued and each reported as failed; once it is back they flow again', async () => {
    const errors: unknown[] = [];
    const [a, b] = [await open('c', errors), await open('d', errors)];
    const heard: number[] = [];
    b.listen((_from, news) => heard.push(news.n));
    await redis.stop();
    await sleep(100);
    for (let n = 0; n < 40; n += 1) {
      a.tell({ n });
      await sleep(10);
    }
    await sleep(300);
    expect(errors).toEqual([]);
    await redis.crashAndRestart();
    const back = Date.now() + 10_000;
    while (Date.now() < back && !heard.includes(100)) {
      a.tell({ n: 100 });
      await sleep(100);
    }
    expect(heard.filter((n) => n < 40)).toEqual([]);
    expect(heard).toContain(100);
  });
});
