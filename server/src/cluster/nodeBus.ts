import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Why a request to another node got no answer: nobody listens there (the node is gone), or it took too long. */
export class NodeUnreachable extends Error {
  constructor(readonly nodeId: string, readonly reason: 'gone' | 'timeout') {
    super(`node ${nodeId} ${reason === 'gone' ? 'is gone' : 'did not answer in time'}`);
  }
}

type Handler = (body: unknown, from: string) => Promise<unknown>;

interface Envelope {
  kind: 'request' | 'reply' | 'notice';
  id: string;
  from: string;
  type: string;
  body: unknown;
  error?: string;
}

/**
 * Requests and notices between hub nodes over Redis pub/sub, one channel per node. Pub/sub keeps nothing,
 * so a request can be lost with its node: every caller has a deadline, and what it sends is idempotent
 * (a command carries its commandId), so a retry after a lost answer is always safe.
 */
export interface NodeBus {
  readonly nodeId: string;
  request(nodeId: string, type: string, body: unknown, timeoutMs: number): Promise<unknown>;
  /** Fire and forget: answers whether a node listened. */
  notify(nodeId: string, type: string, body: unknown): Promise<boolean>;
  handle(type: string, handler: Handler): void;
  close(): Promise<void>;
}

export async function openNodeBus(publisher: Redis, subscriber: Redis, prefix: string, nodeId: string, onError: (error: unknown) => void): Promise<NodeBus> {
  const channelOf = (node: string) => `${prefix}:node:${node}`;
  const handlers = new Map<string, Handler>();
  const waiting = new Map<string, { resolve(v: unknown): void; reject(e: Error): void; timer: NodeJS.Timeout }>();
  const send = (node: string, envelope: Envelope) => publisher.publish(channelOf(node), JSON.stringify(envelope));

  subscriber.on('message', (_channel: string, raw: string) => {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(raw) as Envelope;
    } catch (error) {
      return onError(error);
    }
    if (envelope.kind === 'reply') {
      const pending = waiting.get(envelope.id);
      if (!pending) return;
      waiting.delete(envelope.id);
      clearTimeout(pending.timer);
      if (envelope.error !== undefined) pending.reject(new Error(envelope.error));
      else pending.resolve(envelope.body);
      return;
    }
    const handler = handlers.get(envelope.type);
    if (!handler) return onError(new Error(`no handler for ${envelope.type}`));
    const reply = (body: unknown, error?: string) =>
      envelope.kind === 'request'
        ? send(envelope.from, { kind: 'reply', id: envelope.id, from: nodeId, type: envelope.type, body, ...(error === undefined ? {} : { error }) })
        : undefined;
    handler(envelope.body, envelope.from)
      .then((body) => reply(body), (error: unknown) => {
        onError(error);
        return reply(null, String(error));
      })
      .catch(onError);
  });
  await subscriber.subscribe(channelOf(nodeId));

  return {
    nodeId,
    request: (node, type, body, timeoutMs) =>
      new Promise((resolve, reject) => {
        const id = randomUUID();
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new NodeUnreachable(node, 'timeout'));
        }, timeoutMs);
        waiting.set(id, { resolve, reject, timer });
        send(node, { kind: 'request', id, from: nodeId, type, body }).then(
          (listeners) => {
            if (listeners > 0 || !waiting.delete(id)) return;
            clearTimeout(timer);
            reject(new NodeUnreachable(node, 'gone'));
          },
          (error: unknown) => {
            if (!waiting.delete(id)) return;
            clearTimeout(timer);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      }),
    notify: async (node, type, body) => (await send(node, { kind: 'notice', id: '', from: nodeId, type, body })) > 0,
    handle: (type, handler) => {
      handlers.set(type, handler);
    },
    close: async () => {
      for (const [id, pending] of waiting) {
        clearTimeout(pending.timer);
        pending.reject(new NodeUnreachable(id, 'gone'));
      }
      waiting.clear();
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}
