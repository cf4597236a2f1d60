import { COMMAND_TYPES } from '@diem-cau/shared';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { MediaMetrics } from '../socket/mediaGateway';
import { SfuMetrics } from './sfuMetrics';
import { StreamMetrics, type StreamFigures } from './streamMetrics';

/** What the hub's socket gateway tells the metrics, one call per answer (server/src/socket/gateway.ts). */
export interface GatewayObserver {
  /** A command answered: its type (when it names a known one), `ok` or the error's code, and the time to its ack. */
  command(type: unknown, outcome: string, seconds: number): void;
  /** A sync answered: with events only, with a snapshot, or refused (its error code). */
  sync(answer: 'events' | 'snapshot' | string): void;
  /** A refusal that a quota or a limit decided (its reason: COMMANDS_TOO_FAST, TOO_MANY_SOCKETS, …). */
  refused(reason: string): void;
}

/** What the metrics read from the hub when scraped. */
export interface MetricsSources {
  /** This node's sockets: who they are and which conference they follow. */
  sockets(): Iterable<{ role: string; conferenceId: string }>;
  /** The conferences held in memory here: their log length, and whether this node owns them. */
  conferences(): Promise<Array<{ conferenceId: string; seq: number; owned: boolean }>>;
  /** The media plane's figures, where the hub has one. */
  media?(): Promise<MediaMetrics>;
  /** The livestream's and recorder's, where the hub runs them. */
  stream?(): StreamFigures;
}

const KNOWN_TYPES = new Set<string>(COMMAND_TYPES);
/** Latency buckets from a loopback ack (~1 ms) to a failover's wait (~10 s). */
const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The hub's figures in the Prometheus format (issue 14): one registry per hub, every series labelled with the
 * node, the label sets bounded (command types from the schema, outcomes and reasons from the error codes).
 */
export class HubMetrics implements GatewayObserver {
  readonly registry = new Registry();
  private readonly commands: Counter<'type' | 'outcome'>;
  private readonly ackSeconds: Histogram<'outcome'>;
  private readonly appendSeconds: Histogram;
  private readonly fanOutSeconds: Histogram;
  private readonly syncs: Counter<'answer'>;
  private readonly refusals: Counter<'reason'>;
  private readonly sockets: Gauge<'role' | 'conference'>;
  private readonly logEvents: Gauge<'conference'>;
  private readonly owned: Gauge<'conference'>;
  private readonly sfu: SfuMetrics;
  private readonly stream: StreamMetrics;
  private sources: MetricsSources | undefined;

  constructor() {
    const registers = [this.registry];
    // Process CPU, memory, GC, and the event loop's lag (nodejs_eventloop_lag_*): sampled every 10 ms.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
    this.commands = new Counter({ name: 'diemcau_commands_total', help: 'Commands answered, by type and outcome (ok or the error code)', labelNames: ['type', 'outcome'], registers });
    this.ackSeconds = new Histogram({ name: 'diemcau_command_ack_seconds', help: 'From a command reaching the node to its ack, by outcome', labelNames: ['outcome'], buckets: SECONDS, registers });
    this.appendSeconds = new Histogram({ name: 'diemcau_append_seconds', help: 'Durable appends to the log (SQLite commit or Redis script), from call to answer', buckets: SECONDS, registers });
    this.fanOutSeconds = new Histogram({ name: 'diemcau_fanout_seconds', help: "Handing one command's events to every socket of its conference (serialisation and writes)", buckets: SECONDS, registers });
    this.syncs = new Counter({ name: 'diemcau_syncs_total', help: 'sync answers: events only, with a snapshot, or the refusal code', labelNames: ['answer'], registers });
    this.refusals = new Counter({ name: 'diemcau_quota_refusals_total', help: 'Refusals decided by a quota or a limit, by reason', labelNames: ['reason'], registers });
    this.sockets = new Gauge({ name: 'diemcau_sockets', help: 'Sockets connected to this node, by role and conference', labelNames: ['role', 'conference'], registers });
    this.logEvents = new Gauge({ name: 'diemcau_log_events', help: "Events in a conference's log, for the conferences held on this node", labelNames: ['conference'], registers });
    this.owned = new Gauge({
      name: 'diemcau_conference_owned', help: 'Whether this node owns the conference (1) or only follows it (0): a conference with 0 on every node has no owner', labelNames: ['conference'], registers,
    });
    this.sfu = new SfuMetrics(this.registry);
    this.stream = new StreamMetrics(this.registry);
  }

  /** Every series carries the node's id (known once the hub is built). */
  labelNode(nodeId: string): void {
    this.registry.setDefaultLabels({ node: nodeId });
  }

  command(type: unknown, outcome: string, seconds: number): void {
    const known = typeof type === 'string' && KNOWN_TYPES.has(type) ? type : 'unknown';
    this.commands.inc({ type: known, outcome });
    this.ackSeconds.observe({ outcome }, seconds);
  }

  sync(answer: string): void {
    this.syncs.inc({ answer });
  }

  refused(reason: string): void {
    this.refusals.inc({ reason });
  }

  /** A store whose appends are timed; everything else passes through to it. */
  timeAppends<S extends { append: (...args: never[]) => Promise<unknown> }>(store: S): S {
    const histogram = this.appendSeconds;
    const append = async (...args: Parameters<S['append']>) => {
      const end = histogram.startTimer();
      try {
        return await store.append(...args);
      } finally {
        end();
      }
    };
    return new Proxy(store, {
      get: (target, key) => {
        if (key === 'append') return append;
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  /** Times a fan-out (the publish callback). */
  timeFanOut<A extends unknown[]>(publish: (...args: A) => void): (...args: A) => void {
    return (...args) => {
      const end = this.fanOutSeconds.startTimer();
      try {
        publish(...args);
      } finally {
        end();
      }
    };
  }

  /** The gauges read from the hub at each scrape. */
  readFrom(sources: MetricsSources): void {
    this.sources = sources;
  }

  /** The exposition text: the hub's gauges read afresh, then every series. */
  async scrape(): Promise<string> {
    if (this.sources) {
      const [sockets, conferences] = [this.sources.sockets(), await this.sources.conferences()];
      this.sockets.reset();
      for (const s of sockets) this.sockets.inc({ role: s.role, conference: s.conferenceId });
      this.logEvents.reset();
      this.owned.reset();
      for (const c of conferences) {
        this.logEvents.set({ conference: c.conferenceId }, c.seq);
        this.owned.set({ conference: c.conferenceId }, c.owned ? 1 : 0);
      }
      if (this.sources.media) this.sfu.read(await this.sources.media());
      if (this.sources.stream) this.stream.read(this.sources.stream());
    }
    return this.registry.metrics();
  }
}
