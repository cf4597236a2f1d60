import type { Redis } from 'ioredis';
import { z } from 'zod';

/** News one hub node tells all the others on a Redis pub/sub channel; each hears the others', never its own. */
export interface NodeNews<T> {
  /** Whether the news went out (false while Redis is away: it is lost, not queued). */
  tell(news: T): boolean;
  listen(listener: (from: string, news: T) => void): void;
  close(): Promise<void>;
}

const Envelope = z.object({ from: z.string().min(1).max(100), news: z.unknown() });

/**
 * Opens a channel of news: every message is `{from, news}`, checked against `schema` when heard (a message that
 * fails is reported to `onError` and dropped). Pub/sub keeps nothing: a node that was away hears from then on,
 * and what a node tells while its Redis connection is down is lost.
 */
export async function openNodeNews<T>(
  publisher: Redis, subscriber: Redis, channel: string, nodeId: string, schema: z.ZodType<T>, onError: (error: unknown) => void,
): Promise<NodeNews<T>> {
  const listeners: Array<(from: string, news: T) => void> = [];
  subscriber.on('message', (to: string, raw: string) => {
    if (to !== channel) return;
    let from: string;
    let news: T;
    try {
      const message = Envelope.parse(JSON.parse(raw));
      ({ from } = message);
      news = schema.parse(message.news);
    } catch (error) {
      return onError(error);
    }
    if (from === nodeId) return;
    for (const listener of listeners) listener(from, news);
  });
  await subscriber.subscribe(channel);
  // The publisher is its own connection: ready before the first news (a node's hello) is told.
  await publisher.ping();
  return {
    // News are of the moment: while Redis is away they are dropped, not queued and then each logged as failed.
    tell: (news) => {
      if (publisher.status !== 'ready') return false;
      void publisher.publish(channel, JSON.stringify({ from: nodeId, news })).catch(onError);
      return true;
    },
    listen: (listener) => void listeners.push(listener),
    close: async () => {
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}
