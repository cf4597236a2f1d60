import type { Redis } from 'ioredis';
import { z } from 'zod';

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

const MessageSchema = z.object({
  from: z.string().max(100),
  guessing: z.enum(['join-code', 'admin-token']),
  address: z.string().min(1).max(100),
});

export async function openRedisGuessShare(publisher: Redis, subscriber: Redis, prefix: string, nodeId: string, onError: (error: unknown) => void): Promise<GuessShare> {
  const channel = `${prefix}:guesses`;
  const listeners: Array<(failure: SharedGuessFailure) => void> = [];
  subscriber.on('message', (from: string, raw: string) => {
    if (from !== channel) return;
    let message: z.infer<typeof MessageSchema>;
    try {
      message = MessageSchema.parse(JSON.parse(raw));
    } catch (error) {
      return onError(error);
    }
    if (message.from === nodeId) return;
    for (const listener of listeners) listener({ guessing: message.guessing, address: message.address });
  });
  await subscriber.subscribe(channel);
  return {
    tell: (failure) => void publisher.publish(channel, JSON.stringify({ from: nodeId, ...failure })).catch(onError),
    listen: (listener) => void listeners.push(listener),
    close: async () => {
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}
