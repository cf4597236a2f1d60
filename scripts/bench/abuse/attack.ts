// What every attack of bench:abuse is: something prepared before the idle window (files built, no contact
// with the hub), then a run against the hub until its deadline; the attacker counts what it got back.
import { PROTOCOL_VERSION } from '@diem-cau/shared';
import type { Socket } from 'socket.io-client';
import { connectOne } from '../fanout/rounds';
import type { Arena } from './setup';
import type { Tally } from './tally';

export interface AttackRun {
  arena: Arena;
  tally: Tally;
  /** True once the attack's time is up: every loop checks it before its next request. */
  over: () => boolean;
  /** A line for the report's notes (how many sockets were accepted, how big a snapshot was…). */
  note: (text: string) => void;
}

export interface Attack {
  /** Work on the attacker's side only (building files): done before the idle window is measured. */
  prepare?: () => Promise<void>;
  run: (r: AttackRun) => Promise<void>;
}

/** How long a single request of an attacker may wait before it counts as an error and the loop goes on. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** Runs `loop` `n` times in parallel (each loop goes on until the attack is over). */
export const inParallel = (n: number, loop: (i: number) => Promise<void>) => Promise.all(Array.from({ length: n }, (_, i) => loop(i)));

/**
 * Tries `perToken` sockets with each session's token, `concurrency` handshakes at a time, until all are tried or
 * `over` says the attack's time is up; the accepted ones are returned (and each handed to `onOpen` at once), the
 * refused ones counted by the reason the hub gave at the handshake.
 */
export async function openSockets(
  url: string, tokens: string[], perToken: number, tally: Tally,
  opts: { concurrency?: number; over?: () => boolean; onOpen?: (socket: Socket, index: number) => void } = {},
): Promise<Socket[]> {
  const wanted = tokens.flatMap((token) => Array.from({ length: perToken }, () => token));
  const open: Socket[] = [];
  let next = 0;
  await inParallel(Math.min(opts.concurrency ?? 50, wanted.length), async () => {
    while (next < wanted.length && !opts.over?.()) {
      const token = wanted[next++] as string;
      try {
        const socket = await connectOne(url, { token, protocol: PROTOCOL_VERSION });
        open.push(socket);
        tally.add('socket accepted');
        opts.onOpen?.(socket, open.length - 1);
      } catch (error) {
        const data = (error as { data?: { reason?: string; code?: string } }).data;
        tally.add(`socket refused ${data?.reason ?? data?.code ?? (error as Error).message}`);
      }
    }
  });
  return open;
}

/** One socket sends `emit(socket)` and the next as soon as the ack is back, until the attack is over. */
async function floodOne(socket: Socket, i: number, r: AttackRun, emit: (s: Socket, i: number) => Promise<unknown>, onAck: (answer: unknown) => void): Promise<void> {
  while (!r.over() && socket.connected) {
    try {
      onAck(await emit(socket, i));
    } catch (error) {
      r.tally.thrown(error);
    }
  }
}

/**
 * Opens sockets as `openSockets` does and floods on each the moment it is accepted (an attacker does not wait for
 * its last handshake before using its first socket), until the attack is over; then closes them all.
 */
export async function openAndFlood(
  r: AttackRun, tokens: string[], perToken: number, emit: (s: Socket, i: number) => Promise<unknown>, onAck: (answer: unknown) => void = (a) => r.tally.ack(a),
): Promise<Socket[]> {
  const floods: Array<Promise<void>> = [];
  const sockets = await openSockets(r.arena.url, tokens, perToken, r.tally, { over: r.over, onOpen: (socket, i) => floods.push(floodOne(socket, i, r, emit, onAck)) });
  await Promise.all(floods);
  for (const s of sockets) s.close();
  return sockets;
}
