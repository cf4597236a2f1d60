import type { Redis } from 'ioredis';
import { z } from 'zod';
import { openNodeNews } from './nodeNews';

/** What is shared of a failed guess: which secret was guessed at and from which address — never what was tried. */
export interface SharedGuessFailure {
  guessing: 'join-code' | 'admin-token';
  address: string;
}

/**
 * Failed guesses told to every hub node (Q53), so the per-address backoff and the global limit hold for the
 * cluster, not per node: a guesser spread over three nodes by the balancer gets no more tries than on one.
 * Pub/sub keeps nothing: a node that was away starts with what it hears from then on.
 */
export interface GuessShare {
  tell(failure: SharedGuessFailure): void;
  /** Failures heard from the other nodes (never this one's own). */
  listen(listener: (failure: SharedGuessFailure) => void): void;
  close(): Promise<void>;
}

const FailureSchema = z.object({
  guessing: z.enum(['join-code', 'admin-token']),
  address: z.string().min(1).max(100),
});

export async function openRedisGuessShare(publisher: Redis, subscriber: Redis, prefix: string, nodeId: string, onError: (error: unknown) => void): Promise<GuessShare> {
  const news = await openNodeNews(publisher, subscriber, `${prefix}:guesses`, nodeId, FailureSchema, onError);
  return {
    tell: (failure) => void news.tell(failure),
    listen: (listener) => news.listen((_from, failure) => listener(failure)),
    close: () => news.close(),
  };
}
