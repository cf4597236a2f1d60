import type { ChildProcess } from 'node:child_process';
import { io, type Socket } from 'socket.io-client';
import { summarise, type Summary } from './stats';

/** SIGINT lets a server exit cleanly (and write a --cpu-prof profile when asked for one). */
export async function stopChild(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  child.kill('SIGKILL');
}

export function connectOne(url: string, auth: object): Promise<Socket> {
  const s = io(url, { auth, transports: ['websocket'], forceNew: true, reconnection: false, timeout: 60_000 });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

/**
 * After `settleMs` of quiet, sends `make(round)` from `sender` `rounds` times, one after another, and records
 * when each receiver sees the matching `events` message.
 */
export async function measureRounds(
  sender: Socket, receivers: Socket[], opts: { rounds: number; settleMs: number; gapMs: number },
  make: (r: number) => unknown, matches: (msg: unknown, r: number) => boolean,
): Promise<Summary> {
  const samples: number[] = [];
  await new Promise((res) => setTimeout(res, opts.settleMs));
  for (let r = 0; r < opts.rounds; r += 1) {
    let pending = receivers.length;
    const t0 = performance.now();
    const done = new Promise<void>((resolve) => {
      for (const s of receivers) {
        const onEvents = (msg: unknown) => {
          if (!matches(msg, r)) return;
          samples.push(performance.now() - t0);
          s.off('events', onEvents);
          if ((pending -= 1) === 0) resolve();
        };
        s.on('events', onEvents);
      }
    });
    const ack = (await sender.timeout(30_000).emitWithAck('command', make(r))) as { ok: boolean; error?: unknown };
    if (!ack.ok) throw new Error(`command refused: ${JSON.stringify(ack)}`);
    await done;
    await new Promise((res) => setTimeout(res, opts.gapMs));
  }
  return summarise(samples);
}
