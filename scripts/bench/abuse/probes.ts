// The probe process of bench:abuse, apart from the attackers and the orchestrator so that it measures the hub:
// every PROBE_MS the probe conference's chair sends a harmless command (queue.close / queue.open in turn)
// and a GET /healthz goes out, each on its own schedule whether or not the last one came back (a stalled
// hub shows as late answers, not as fewer questions). Samples go to the parent every second.
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PROTOCOL_VERSION } from '@diem-cau/shared';
import { io, type Socket } from 'socket.io-client';
import { refusalLabel } from './tally';

export const PROBE_MS = 100;
/** A probe not answered in this long counts as this long (and as failed). */
export const PROBE_TIMEOUT_MS = 5_000;

export interface ProbeSample { kind: 'command' | 'healthz'; at: number; ms: number; outcome: string }
export type ProbeMessage =
  | { type: 'ready' }
  /** `lagMaxMs`: the longest this process's own event loop was late in the second the batch covers. */
  | { type: 'samples'; samples: ProbeSample[]; at: number; lagMaxMs: number }
  | { type: 'media'; outcome: string }
  /** The chair's socket went down (the hub dropped it, or it stopped answering pings) or came back. */
  | { type: 'link'; at: number; event: string };

export interface ProbeSetup { url: string; conferenceId: string; chairToken: string }

const send = (m: ProbeMessage) => process.send?.(m);

/** The chair's socket reconnects as a console's does, and says when it went down and came back. */
async function chairSocket(setup: ProbeSetup): Promise<Socket> {
  const chair = io(setup.url, {
    auth: { token: setup.chairToken, protocol: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true,
    reconnectionDelay: 250, reconnectionDelayMax: 1_000, timeout: PROBE_TIMEOUT_MS,
  });
  await new Promise<void>((resolve, reject) => {
    chair.once('connect', () => resolve());
    chair.once('connect_error', reject);
  });
  chair.on('disconnect', (reason) => send({ type: 'link', at: Date.now(), event: `dropped (${reason})` }));
  chair.io.on('reconnect', () => send({ type: 'link', at: Date.now(), event: 'reconnected' }));
  return chair;
}

export async function runProbes(setup: ProbeSetup): Promise<void> {
  const chair = await chairSocket(setup);
  let batch: ProbeSample[] = [];
  // A probe answered late because this process was late (two cores shared with the attackers) is not the hub's doing.
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const flush = () => {
    send({ type: 'samples', samples: batch, at: Date.now(), lagMaxMs: lag.max / 1e6 });
    batch = [];
    lag.reset();
  };
  let closed = false;
  const record = (kind: ProbeSample['kind'], at: number, t0: number, outcome: string) => batch.push({ kind, at, ms: performance.now() - t0, outcome });

  const command = () => {
    const at = Date.now();
    const t0 = performance.now();
    // A chair whose socket is down cannot act: that probe counts as unanswered.
    if (!chair.connected) {
      batch.push({ kind: 'command', at, ms: PROBE_TIMEOUT_MS, outcome: 'socket down' });
      return;
    }
    closed = !closed;
    chair.timeout(PROBE_TIMEOUT_MS).emitWithAck('command', { commandId: randomUUID(), conferenceId: setup.conferenceId, type: closed ? 'queue.close' : 'queue.open' }).then(
      (ack: { ok: boolean; error?: unknown }) => record('command', at, t0, ack.ok ? 'ok' : refusalLabel(ack.error)),
      () => batch.push({ kind: 'command', at, ms: PROBE_TIMEOUT_MS, outcome: 'timeout' }),
    );
  };
  const healthz = () => {
    const at = Date.now();
    const t0 = performance.now();
    fetch(`${setup.url}/healthz`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) }).then(
      async (res) => {
        await res.arrayBuffer();
        record('healthz', at, t0, res.ok ? 'ok' : `HTTP ${res.status}`);
      },
      () => batch.push({ kind: 'healthz', at, ms: PROBE_TIMEOUT_MS, outcome: 'timeout' }),
    );
  };
  const timers = [
    setInterval(command, PROBE_MS),
    // Half a period apart, so the two probes do not always queue behind each other.
    setTimeout(() => timers.push(setInterval(healthz, PROBE_MS)), PROBE_MS / 2),
    setInterval(flush, 1_000),
  ];

  process.on('message', (m: { type?: string }) => {
    if (m.type === 'media') {
      // Can the probe conference's chair still get a media transport (after an attack that hoards them)?
      chair.timeout(PROBE_TIMEOUT_MS).emitWithAck('media', { action: 'createTransport', direction: 'recv' }).then(
        (ack: { ok: boolean; error?: unknown }) => send({ type: 'media', outcome: ack.ok ? 'ok' : refusalLabel(ack.error) }),
        (e: unknown) => send({ type: 'media', outcome: String(e) }),
      );
    }
    if (m.type === 'stop') {
      for (const t of timers) clearInterval(t);
      // The last answers arrive within the timeout; then the rest of the batch, and out.
      setTimeout(() => {
        flush();
        chair.close();
        process.exit(0);
      }, PROBE_TIMEOUT_MS + 200);
    }
  });
  send({ type: 'ready' });
}
