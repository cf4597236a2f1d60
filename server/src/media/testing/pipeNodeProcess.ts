/**
 * A second hub node's media for the cascade test, in a process of its own: a mediasoup backend with one router that
 * opens a pipe endpoint, imports what the owner exported (plain values over IPC, as between two hubs) and hangs
 * Node receivers on the imported producer. Driven by server/src/media/mediasoup/cascade.test.ts.
 */
import type { PipedProducer, SfuBackend, SfuRouter } from '../sfuBackend';
import { connectReceivers } from './harness';
import type { RawPeer } from './rawPeer';
import type { StreamReceiver } from './streamReceiver';
import { startTestBackend } from './testBackends';

export type PipeNodeRequest =
  | { op: 'open' }
  | { op: 'import'; piped: PipedProducer; receivers: number }
  | { op: 'counts' };

export interface PipeNodeCounts {
  receivers: number;
  fewestFrames: number;
  missing: number;
}

const PORT_MIN = Number(process.env.PIPE_NODE_PORT_MIN);

async function main(): Promise<void> {
  const backend = await startTestBackend('mediasoup', { min: PORT_MIN, max: PORT_MIN + 49 });
  const router = await backend.createRouter();
  const peers: RawPeer[] = [];
  const receivers: StreamReceiver[] = [];
  process.on('message', (message: { id: number; body: PipeNodeRequest }) => {
    void answer(backend, router, message.body, peers, receivers).then(
      (body) => process.send?.({ id: message.id, body }),
      (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
    );
  });
  process.on('disconnect', () => void backend.close().finally(() => process.exit(0)));
  process.send?.({ id: 0, body: 'ready' });
}

async function answer(backend: SfuBackend, router: SfuRouter, req: PipeNodeRequest, peers: RawPeer[], receivers: StreamReceiver[]): Promise<unknown> {
  switch (req.op) {
    case 'open':
      return backend.pipe!.openPipeEndpoint(router);
    case 'import': {
      const producer = await backend.pipe!.importProducer(router, req.piped);
      receivers.push(...(await connectReceivers(router, producer.id, req.receivers, peers)));
      return producer.id;
    }
    case 'counts':
      return {
        receivers: receivers.length,
        fewestFrames: Math.min(...receivers.map((r) => r.counters.frames)),
        missing: receivers.reduce((n, r) => n + r.missing, 0),
      } satisfies PipeNodeCounts;
  }
}

void main();
