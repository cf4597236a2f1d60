import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { DtlsParameters, MediaResult } from '../../../shared/src/media';
import { RawPeer, type RtpReceiveMode } from '../../../server/src/media/testing/rawPeer';
import type { ChildMessage, ParentMessage, SfuAnswer, SfuRequest } from './protocol';

const ASK_TIMEOUT_MS = 60_000;
const CONNECT_TIMEOUT_MS = 10_000;
const CONNECT_ATTEMPTS = 5;

/**
 * One of the bench's child processes, seen from the coordinator: requests with answers, and the child's own
 * SfuRequests relayed to `relay` (the SFU child) and answered.
 */
export class BenchChild<Request> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(body: unknown): void; reject(error: Error): void }>();

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
    relay: ((request: SfuRequest) => Promise<unknown>) | null,
  ) {
    child.on('message', (message: ChildMessage) => {
      if ('relayId' in message) {
        // The SFU gone (its row failed, or the bench stopping it) leaves the relayed request unanswered.
        void relay?.(message.request).then((answer) => {
          if (child.connected) child.send({ relayId: message.relayId, answer } satisfies ParentMessage);
        }, () => undefined);
        return;
      }
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if ('error' in message) pending?.reject(new Error(`${name}: ${message.error}`));
      else pending?.resolve(message.body);
    });
    // A child that dies fails what was asked of it (the row ends), rather than leaving the bench waiting.
    child.on('error', () => undefined);
    child.on('exit', (code) => {
      if (this.pending.size > 0) console.error(`${name} (pid ${child.pid}) exited with code ${code} while answering`);
      for (const { reject } of this.pending.values()) reject(new Error(`${name} exited with code ${code}`));
      this.pending.clear();
    });
  }

  /** Forks `scripts/bench/media/<file>` under tsx and waits for its first message (ready). */
  static async start<R>(name: string, file: string, env: Record<string, string>, relay: ((request: SfuRequest) => Promise<unknown>) | null): Promise<BenchChild<R>> {
    const child = fork(join(__dirname, file), { execArgv: ['--import', 'tsx'], stdio: 'inherit', env: { ...process.env, ...env } });
    const bench = new BenchChild<R>(name, child, relay);
    await new Promise<void>((resolve, reject) => bench.pending.set(0, { resolve: () => resolve(), reject }));
    return bench;
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  ask<T>(request: Request, timeoutMs = ASK_TIMEOUT_MS): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: no answer to ${JSON.stringify(request).slice(0, 80)} in ${timeoutMs} ms`)), timeoutMs);
      this.pending.set(id, {
        resolve: (body) => {
          clearTimeout(timer);
          resolve(body as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      if (this.child.connected) this.child.send({ id, body: request } satisfies ParentMessage);
      else this.pending.get(id)?.reject(new Error(`${this.name} is gone`));
    });
  }

  /** An SfuRequest, typed by its answer (the SFU child only). */
  sfu<R extends SfuRequest>(request: R): Promise<SfuAnswer<R['op']>> {
    return this.ask(request as unknown as Request);
  }

  /** Ends the child; what was still asked of it is dropped (the bench is done with this run). */
  stop(): void {
    this.pending.clear();
    this.child.kill();
  }
}

/** Child side: serves the coordinator's requests, and relays this process's SfuRequests through it. */
export class ParentLink<Request> {
  private nextRelayId = 1;
  private readonly relays = new Map<number, (answer: unknown) => void>();
  /** Handshakes abandoned and tried again (see connectPeer). */
  connectRetries = 0;

  constructor(handle: (request: Request) => Promise<unknown>) {
    process.on('message', (message: ParentMessage) => {
      if ('relayId' in message) {
        this.relays.get(message.relayId)?.(message.answer);
        this.relays.delete(message.relayId);
        return;
      }
      void handle(message.body as Request).then(
        (body) => process.send?.({ id: message.id, body } satisfies ChildMessage),
        (error: unknown) => process.send?.({ id: message.id, error: error instanceof Error ? error.message : String(error) } satisfies ChildMessage),
      );
    });
    // The coordinator going away ends the bench: no orphaned publisher or receivers.
    process.on('disconnect', () => process.exit(0));
    process.on('unhandledRejection', ignoreRepeatedHelloVerify);
    process.send?.({ id: 0, body: 'ready' } satisfies ChildMessage);
  }

  sfu<R extends SfuRequest>(request: R): Promise<SfuAnswer<R['op']>> {
    const relayId = this.nextRelayId++;
    return new Promise((resolve) => {
      this.relays.set(relayId, (answer) => resolve(answer as SfuAnswer<R['op']>));
      process.send?.({ relayId, request } satisfies ChildMessage);
    });
  }

  /**
   * A Node peer on a new transport of `pointId`, DTLS-connected through the SFU's room. A handshake that failed or
   * has not finished in CONNECT_TIMEOUT_MS (werift's DTLS client runs out of retransmissions on a saturated machine)
   * is abandoned, its transport closed, and tried again on a new one, as a browser would reconnect.
   */
  async connectPeer(pointId: string, direction: 'send' | 'recv', mode: RtpReceiveMode): Promise<{ peer: RawPeer; transportId: string }> {
    for (let attempt = 1; ; attempt++) {
      const info = ok(await this.sfu({ op: 'createTransport', pointId, direction }));
      const connecting = RawPeer.connect(
        info,
        async (dtlsParameters: DtlsParameters) => void ok((await this.sfu({ op: 'connect', pointId, transportId: info.id, dtlsParameters })) as MediaResult<unknown>),
        '127.0.0.1',
        mode,
      );
      const peer = await Promise.race([connecting.catch(() => null), new Promise<null>((r) => setTimeout(() => r(null), CONNECT_TIMEOUT_MS))]);
      if (peer) return { peer, transportId: info.id };
      void connecting.then((late) => late.close(), () => undefined);
      // Its port back, and its place in the session's transport quota (Q7).
      await this.sfu({ op: 'closeTransport', pointId, transportId: info.id });
      this.connectRetries++;
      if (attempt === CONNECT_ATTEMPTS) throw new Error(`${pointId}: not connected after ${attempt} attempts of ${CONNECT_TIMEOUT_MS} ms`);
    }
  }
}

/**
 * werift's DTLS client rejects, from a socket callback, a second HelloVerifyRequest (`Flight3.exec`), which a server
 * sends when the client's ClientHello was retransmitted on a loaded machine; the handshake itself goes on. Anything
 * else unhandled ends the process as it would have.
 */
function ignoreRepeatedHelloVerify(reason: unknown): void {
  if (reason instanceof Error && /Flight3\.exec/.test(reason.stack ?? '')) return;
  console.error(reason);
  process.exit(1);
}

export function ok<T>(result: MediaResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
