// After the last attack: is the hub's RSS live memory or memory freed but kept? The hub runs with --inspect on
// loopback; this process (forked with --experimental-websocket, Node 20's WebSocket) asks its inspector for
// a full GC and the V8 heap's size, and the parent reads the RSS again. Nothing of the hub's code is touched.
import { createServer } from 'node:net';

export interface HeapReport { type: 'heap'; usedMb: number; totalMb: number }

/** A free loopback port for the hub's inspector (its own :0 would only be told on its stderr). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function collectHubGarbage(inspectPort: number): Promise<HeapReport> {
  const [target] = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
  if (!target) throw new Error('the hub has no inspector target');
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  ws.onmessage = (m: MessageEvent) => {
    const reply = JSON.parse(String(m.data)) as { id?: number; result?: unknown };
    if (reply.id !== undefined) pending.get(reply.id)?.(reply.result);
  };
  const call = (method: string) => new Promise<unknown>((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    ws.send(JSON.stringify({ id, method }));
  });
  await call('HeapProfiler.collectGarbage');
  const usage = (await call('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  ws.close();
  const mb = (bytes: number) => bytes / 1024 / 1024;
  return { type: 'heap', usedMb: mb(usage.usedSize), totalMb: mb(usage.totalSize) };
}
