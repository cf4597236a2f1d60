import type { EventLog } from './eventLog';
import type { Transport } from './transport';
import { retryAfterOf } from './outbox';
import { snapshotState } from './snapshotState';
import { parseSyncAck } from './wire';

const SYNC_TIMEOUT_MS = 10_000;
const MAX_SYNC_ROUNDS = 5;
/** The longest a refused sync waits before its next round. */
const MAX_WAIT_MS = 30_000;

/**
 * Brings the event log up to the hub's: `sync {sinceSeq}` answers with the missing events or a
 * snapshot. One sync at a time; a request while one runs (a new gap, a reconnect) runs another
 * round after it, so nothing that arrived meanwhile is left behind.
 */
export class LogSync {
  private running = false;
  private again = false;

  constructor(
    private readonly log: EventLog,
    private readonly transport: Transport,
    private readonly changed: () => void,
  ) {}

  async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      for (let round = 0; round < MAX_SYNC_ROUNDS; round += 1) {
        this.again = false;
        const waitMs = await this.once();
        if (!this.again && !this.log.hasGap) break;
        // The hub asked this session to sync less often (Q4): come back when it says, not at once.
        if (waitMs > 0) await new Promise((r) => setTimeout(r, Math.min(waitMs, MAX_WAIT_MS)));
      }
    } finally {
      this.running = false;
    }
  }

  /** One sync round; answers how long to wait before the next when the hub refused it for now. */
  private async once(): Promise<number> {
    let raw: unknown;
    try {
      raw = await this.transport.request('sync', { sinceSeq: this.log.seq }, SYNC_TIMEOUT_MS);
    } catch {
      return 0;
    }
    const res = parseSyncAck(raw);
    if (!res.ok) {
      // Our copy is ahead of the hub's log (a reset server, a foreign cache): start over.
      if (res.error.code === 'CONFLICT') {
        this.log.reset(null);
        this.again = true;
      }
      if (res.error.code === 'RATE_LIMITED') {
        this.again = true;
        return retryAfterOf(res.error) ?? 1_000;
      }
      return 0;
    }
    if ('snapshot' in res.result) {
      try {
        this.log.reset(await snapshotState(res.result.snapshot.gzip));
      } catch {
        return 0; // bytes that do not inflate to a state: this round brought nothing, the next asks again
      }
    }
    this.log.receive(res.result.events);
    this.changed();
    return 0;
  }
}
