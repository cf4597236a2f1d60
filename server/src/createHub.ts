import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import type { MediaNotice, StoredEvent } from '@diem-cau/shared';
import type { Logger } from 'pino';
import { Server, type ServerOptions } from 'socket.io';
import { AccessService } from './access/accessService';
import { ReportLinks } from './access/reportLinks';
import { createApi } from './http/api';
import { edgeSettings, type EdgeSettings } from './http/edge/edgeSettings';
import { originPolicy, socketOriginCheck } from './http/edge/originCheck';
import { DEFAULT_IMPORT_POOL } from './imports/importDefaults';
import { ImportPool, type ImportPoolOptions } from './imports/importPool';
import { HubMetrics } from './metrics/hubMetrics';
import { metricsRoute } from './metrics/metricsRoute';
import { pooledImports } from './imports/importRunner';
import { systemClock, type Clock } from './hub/clock';
import type { GuessShare } from './cluster/guessShare';
import type { QuotaShare } from './socket/quotas/quotaNews';
import type { NodeBus } from './cluster/nodeBus';
import type { Ownership } from './cluster/ownership';
import { coalescedFanOut } from './hub/coalescedFanOut';
import { ConferenceHub } from './hub/conferenceHub';
import { localPresenceDirectory, type PresenceDirectory } from './presence/presenceDirectory';
import { PresenceRelay, type PresenceTiming } from './presence/presenceRelay';
import { quotaSettings, type QuotaSettings } from './socket/quotas/quotaSettings';
import { upcastingStore } from './store/upcastingStore';
import { SessionQuotas } from './socket/quotas/sessionQuotas';
import { attachGateway, organisersRoomOf, roomOf, type HubServer } from './socket/gateway';
import { HandshakeAdmission, admitHandshakes, handshakeAddress } from './socket/handshakeAdmission';
import { SHELF_DEFAULTS, SnapshotShelf } from './socket/sync/snapshotShelf';
import type { MediaPlane } from './socket/mediaGateway';
import type { AccessStore } from './store/accessStore';
import type { EventStore } from './store/eventStore';
import { streamRouter } from './stream/streamRoutes';
import type { StreamService } from './stream/streamService';

/** What the media plane gets from the hub: the conferences, notices to any socket or conference, the other nodes, the quotas. */
export interface MediaContext {
  hub: ConferenceHub;
  logger: Logger;
  now: () => number;
  /** The hub's resolved quotas: the media plane enforces the transport and consumer ones (Q7–Q10). */
  quotas: QuotaSettings;
  notify: { toSocket(socketId: string, notice: MediaNotice): void; toConference(conferenceId: string, notice: MediaNotice): void };
  bus?: NodeBus;
}

export interface HubOptions {
  store: EventStore;
  accessStore: AccessStore;
  clock: Clock;
  logger: Logger;
  adminToken: string;
  sessionTtlMs: number;
  publicUrl?: string;
  /** Built client (client/dist) to serve at /, when present. */
  clientDir?: string;
  /** The media plane (SFU signalling), built once the hub exists; without it media requests are UNAVAILABLE. */
  media?: (ctx: MediaContext) => MediaPlane;
  /** Socket.IO adapter for fan-out across hub nodes (Redis streams); in-memory when absent. */
  adapter?: ServerOptions['adapter'];
  /** Several nodes share the store: who owns which conference, and how nodes reach each other. */
  cluster?: { ownership: Ownership; bus: NodeBus; presence: PresenceDirectory; guesses?: GuessShare; quotas?: QuotaShare; close(): Promise<void> };
  /** How often presence changes are sent, and how often nodes beat and sweep dead ones. */
  presenceTiming?: PresenceTiming;
  /** Socket.IO heartbeat (default 10 s / 8 s): how soon a silently dead connection is dropped. */
  ping?: { intervalMs: number; timeoutMs: number };
  /** A room unused this long, followed by no socket here, is dropped from memory (default 10 min). */
  roomIdleMs?: number;
  /** What one user may cost the hub over its sockets: commands, syncs, sockets, written comments, media (QUOTA_DEFAULTS for what is not given). */
  quotas?: Partial<QuotaSettings>;
  /** Whose timers schedule the expired-session sweep (systemClock unless a test drives it by hand). */
  sweepClock?: Clock;
  /** Limits of the HTTP edge: bodies, guessing, proxies, origins, report links, session sweeps (EDGE_DEFAULTS for what is not given). */
  edge?: Partial<EdgeSettings>;
  /** Where uploaded files (drafts, points lists) are parsed; built from `imports` when absent. close() closes it. */
  importPool?: ImportPool;
  /** The import pool's size and limits when the hub builds it (DEFAULT_IMPORT_POOL for what is not given). */
  imports?: Partial<ImportPoolOptions>;
  /** METRICS_TOKEN: `GET /metrics` on this port answers a bearer of it; absent, the route is 404. */
  metricsToken?: string;
  /** Where a conference's recordings are (DATA_DIR/stream/<id>/rec), archived with its log and reports (AR1). */
  recordingsDirOf?: (conferenceId: string) => string;
  /** The console protocols served (U2); tests set it to play a hub of another release. */
  protocols?: { oldest: number; current: number };
  /** The livestream and recordings (issue 13): their routes are served, and the service closed with the hub. */
  stream?: StreamService;
}

export interface Hub {
  http: HttpServer;
  io: HubServer;
  hub: ConferenceHub;
  access: AccessService;
  /** The figures in the Prometheus format (served by `/metrics` with the token, or on METRICS_PORT by main). */
  metrics: HubMetrics;
  listen(port: number, host?: string): Promise<number>;
  baseUrl(): string;
  close(): Promise<void>;
}

/** The composition root: everything is injected, nothing is read from the environment here. */
export function createHub(opts: HubOptions): Hub {
  let boundPort = 0;
  const baseUrl = () => opts.publicUrl ?? `http://localhost:${boundPort}`;
  const access = new AccessService(opts.accessStore, () => opts.clock.now(), opts.sessionTtlMs);
  // Built after the hub they serve, read by its callbacks: set once below.
  const late: { io?: HubServer; media?: MediaPlane } = {};
  const quotas = quotaSettings(opts.quotas);
  const metrics = new HubMetrics();
  const hub = new ConferenceHub({
    store: metrics.timeAppends(upcastingStore(opts.store)), clock: opts.clock, logger: opts.logger,
    limits: { writtenCommentsPerPoint: quotas.writtenCommentsPerPoint, writtenCharsPerPoint: quotas.writtenCharsPerPoint },
    publish: coalescedFanOut(metrics.timeFanOut((conferenceId: string, events: StoredEvent[]) => void late.io?.to(roomOf(conferenceId)).emit('events', events))),
    onCommitted: (conferenceId, state) => late.media?.onCommitted(conferenceId, state),
    onOwnership: (conferenceId, mine, fence) => late.media?.onOwnership(conferenceId, mine, fence),
    ...(opts.cluster ? { ownership: opts.cluster.ownership, bus: opts.cluster.bus } : {}),
    ...(opts.roomIdleMs ? { idleMs: opts.roomIdleMs } : {}),
  });
  const media = opts.media?.({
    hub, logger: opts.logger, now: () => opts.clock.now(), quotas,
    notify: {
      toSocket: (socketId, notice) => late.io?.to(socketId).emit('media', notice),
      toConference: (conferenceId, notice) => late.io?.to(roomOf(conferenceId)).emit('media', notice),
    },
    ...(opts.cluster ? { bus: opts.cluster.bus } : {}),
  });
  late.media = media;
  const importPool = opts.importPool ?? new ImportPool({
    ...DEFAULT_IMPORT_POOL, ...opts.imports,
    onWorkerLost: (reason, stderrTail) => opts.logger.warn({ reason, stderrTail }, 'import worker ended and replaced'),
  });
  const edge = edgeSettings(opts.edge);
  const origins = originPolicy(opts.publicUrl, edge.allowedOrigins);
  const now = () => opts.clock.now();
  const app = createApi({
    hub, access, logger: opts.logger, adminToken: opts.adminToken, publicUrl: baseUrl, imports: pooledImports(importPool),
    edge, origins, now, reportLinks: new ReportLinks(opts.accessStore, now, edge.reportLinkTtlMs),
    ...(opts.cluster?.guesses ? { guesses: opts.cluster.guesses } : {}),
    ...(opts.recordingsDirOf ? { recordingsDirOf: opts.recordingsDirOf } : {}),
    ...(opts.stream ? { routers: [streamRouter({ hub, access, adminToken: opts.adminToken, stream: opts.stream, now })], recordedSpeeches: opts.stream.recordedSpeeches.bind(opts.stream) } : {}),
  });
  app.get('/metrics', metricsRoute(metrics, opts.metricsToken));
  // The sweep waits on its own clock (real time unless a test drives it): a test's manual clock holds the
  // conferences' timers only (speech deadlines); expiry is judged by the hub's clock, in the access service.
  const stopSweeping = access.sweepEvery(opts.sweepClock ?? systemClock, { everyMs: edge.sessionSweepMs, keepExpiredMs: edge.sessionKeepExpiredMs }, (error) => opts.logger.warn({ err: error }, 'expired sessions not swept'));
  if (opts.clientDir && existsSync(join(opts.clientDir, 'index.html'))) {
    const dir = opts.clientDir;
    // Hashed assets never change; the page and the service worker must be revalidated on every load.
    app.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d' }));
    app.use(express.static(dir, { index: false, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }));
    app.get(/^\/to-chuc\/?$/, (_req, res) => res.setHeader('Cache-Control', 'no-cache').sendFile(join(dir, 'organiser.html')));
    // The viewer page (issue 13): the livestream with a view-only code, its own small build.
    app.get(/^\/xem\/?$/, (_req, res) => res.setHeader('Cache-Control', 'no-cache').sendFile(join(dir, 'viewer.html')));
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => res.setHeader('Cache-Control', 'no-cache').sendFile(join(dir, 'index.html')));
  }
  const http = createServer(app);
  const io = new Server(http, {
    serveClient: false, maxHttpBufferSize: quotas.messageBytes, pingInterval: opts.ping?.intervalMs ?? 10_000, pingTimeout: opts.ping?.timeoutMs ?? 8_000,
    ...(opts.adapter ? { adapter: opts.adapter } : {}),
    // Q46, then Q54: a page of another origin is refused; an address opening sockets faster than its allowance waits its
    // turn (timed by the monotonic clock: a wall clock set back must not leave an address waiting for hours).
    allowRequest: admitHandshakes(
      new HandshakeAdmission({ ...quotas.handshakesPerAddress, maxWaitMs: quotas.handshakeMaxWaitMs }), handshakeAddress(app.get('trust proxy fn') as (a: string, i: number) => boolean), () => performance.now(),
      socketOriginCheck(origins, (origin) => opts.logger.warn({ origin }, 'socket from a page of another origin refused')),
    ),
  }) as HubServer;
  late.io = io;
  // LS11: the livestream's warning reaches the organisers' workspaces as it starts and clears, whichever node they are on.
  const stopStreamNotices = opts.stream?.onWarning((w) => io.to(organisersRoomOf(w.conferenceId)).emit('stream', { warning: w.kind === 'recovered' ? null : { kind: w.kind, at: w.at } }));
  const presence = new PresenceRelay(
    hub.nodeId, opts.cluster?.presence ?? localPresenceDirectory(hub.nodeId),
    (room, update) => io.to(room).emit('presence', update), opts.logger, opts.presenceTiming,
  );
  // Q55: in a cluster the gateway's quotas hear what the other nodes' sessions spent.
  const sessionQuotas = new SessionQuotas(quotas, now, opts.cluster?.quotas);
  attachGateway(io, {
    hub, access, presence, logger: opts.logger, now, quotas: sessionQuotas, snapshots: new SnapshotShelf(SHELF_DEFAULTS, now),
    ...(media ? { media: media.handle } : {}), observe: metrics, ...(opts.protocols ? { protocols: opts.protocols } : {}),
  });
  metrics.labelNode(hub.nodeId);
  metrics.readFrom({
    sockets: () => [...io.of('/').sockets.values()].map((socket) => ({ role: socket.data.session.role, conferenceId: socket.data.session.conferenceId })),
    conferences: () => hub.heldConferences(),
    ...(media ? { media: () => media.metrics() } : {}),
    ...(opts.stream ? { stream: () => ({ enabled: opts.stream?.enabled ?? false, streams: opts.stream?.streamStates() ?? [] }) } : {}),
  });

  return {
    http, io, hub, access, baseUrl, metrics,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          boundPort = (http.address() as AddressInfo).port;
          resolve(boundPort);
        });
      }),
    close: async () => {
      stopSweeping();
      stopStreamNotices?.();
      sessionQuotas.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await importPool.close();
      await hub.close();
      await presence.close();
      await media?.close();
      await opts.stream?.close();
      await opts.cluster?.close();
      await opts.store.close();
    },
  };
}
