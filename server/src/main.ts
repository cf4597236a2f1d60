import { join, resolve } from 'node:path';
import { adminTokenFrom } from './config/adminToken';
import { loadConfig } from './config/config';
import { quotasFromConfig } from './config/quotaConfig';
import { edgeSettingsFrom } from './config/edgeConfig';
import { preparePrivateDir } from './config/privateFiles';
import { createHub } from './createHub';
import { seedDemoIfEmpty } from './demo/seedDemo';
import { printJoinSheet } from './demo/printJoinSheet';
import { systemClock } from './hub/clock';
import { createLogger } from './logger';
import { openStores } from './config/stores';
import { createSfuBackend } from './media/createSfuBackend';
import { iceServersFor } from './media/iceServers';
import { createMediaGateway } from './socket/mediaGateway';
import { serveMetrics } from './metrics/metricsRoute';
import { findFfmpeg } from './stream/ffmpegProcess';
import { StreamService, streamKeySecretFrom } from './stream/streamService';
import { DEFAULT_RELIEF, startMemoryRelief } from './runtime/memoryRelief';

/** The entry file: read config, wire the real adapters, start. Nothing else. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const dataDir = resolve(config.DATA_DIR);
  // Whatever the hub writes (the database, the admin token) is its own user's alone (Q42).
  process.umask(0o077);
  const { tightenedFrom } = preparePrivateDir(dataDir);
  if (tightenedFrom) logger.warn({ dataDir, was: tightenedFrom }, 'DATA_DIR was open to other users: now 700');
  const { kind, ...stores } = await openStores(dataDir, config.REDIS_URL, {
    timing: { ttlMs: config.LEASE_TTL_MS, renewEveryMs: config.LEASE_RENEW_MS },
    presenceDeadAfterMs: 3 * config.PRESENCE_HEARTBEAT_MS,
    onError: (error) => logger.warn({ err: error }, 'cluster'),
  });
  const adminToken = adminTokenFrom(config.ADMIN_TOKEN, dataDir);
  const sfu = await createSfuBackend(config.SFU_BACKEND, {
    listenIp: config.MEDIA_LISTEN_IP, portMin: config.MEDIA_PORT_MIN, portMax: config.MEDIA_PORT_MAX,
    ...(config.MEDIA_ANNOUNCED_IP ? { announcedIp: config.MEDIA_ANNOUNCED_IP } : {}),
  }, { info: (m) => logger.info(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) });
  const ice = {
    staticServers: config.MEDIA_ICE_SERVERS,
    ...(config.MEDIA_TURN_URLS && config.MEDIA_TURN_SECRET ? { turn: { urls: config.MEDIA_TURN_URLS, secret: config.MEDIA_TURN_SECRET } } : {}),
  };
  const streamOff = config.STREAM === 'off' ? 'STREAM=off' : undefined;
  const stream = new StreamService({
    ffmpegPath: streamOff ? null : findFfmpeg(config.FFMPEG_PATH), streamDir: config.STREAM_DIR ?? join(dataDir, 'stream'), ...(streamOff ? { offReason: streamOff } : {}),
    rtpPortMin: config.STREAM_RTP_PORT_MIN, rtpPortMax: config.STREAM_RTP_PORT_MAX, height: config.STREAM_HEIGHT, videoKbps: config.STREAM_VIDEO_KBPS,
    minFreeMb: config.STREAM_MIN_FREE_MB, retentionDays: config.RECORDING_RETENTION_DAYS,
    keySecret: config.STREAM_KEY_SECRET ?? streamKeySecretFrom(adminToken.value),
  }, logger);
  const hub = createHub({
    recordingsDirOf: (conferenceId) => join(stream.dirOf(conferenceId), 'rec'),
    ...stores, clock: systemClock, logger,
    adminToken: adminToken.value, sessionTtlMs: config.SESSION_TTL_H * 3_600_000, roomIdleMs: config.ROOM_IDLE_MS,
    presenceTiming: { coalesceMs: 200, heartbeatMs: config.PRESENCE_HEARTBEAT_MS },
    ping: { intervalMs: config.SOCKET_PING_INTERVAL_MS, timeoutMs: config.SOCKET_PING_TIMEOUT_MS },
    quotas: quotasFromConfig(config),
    clientDir: process.env.CLIENT_DIR ?? resolve(__dirname, '../../client/dist'),
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL.replace(/\/$/, '') } : {}),
    edge: edgeSettingsFrom(config),
    ...(config.METRICS_TOKEN ? { metricsToken: config.METRICS_TOKEN } : {}),
    media: (ctx) => createMediaGateway({ ...ctx, backend: sfu, stream, iceServers: (session) => iceServersFor(ice, session.sessionId, ctx.now()) }),
    stream,
    imports: {
      workers: config.IMPORT_WORKERS, timeoutMs: config.IMPORT_TIMEOUT_MS, memoryMb: config.IMPORT_WORKER_MEMORY_MB, nice: config.IMPORT_WORKER_NICE,
      limits: { maxInflatedBytes: config.IMPORT_MAX_INFLATED_MB * 1024 * 1024, maxTextChars: config.IMPORT_MAX_TEXT_CHARS },
    },
  });
  const port = await hub.listen(config.PORT, config.HOST);
  logger.info({ port, dataDir, store: kind, node: hub.hub.nodeId }, 'hub listening');
  const metricsServer = config.METRICS_PORT ? await serveMetrics(hub.metrics, config.METRICS_PORT, config.METRICS_HOST) : undefined;
  if (config.METRICS_PORT) logger.info({ host: config.METRICS_HOST, port: config.METRICS_PORT }, 'metrics listening');
  if (config.SEED_DEMO === 'auto') {
    const codes = await seedDemoIfEmpty(hub);
    if (codes) printJoinSheet(codes, hub.baseUrl(), adminToken);
  }
  startMemoryRelief({ ...DEFAULT_RELIEF, thresholdMb: config.MEMORY_RELIEF_MB }, (e) => logger.info(e, 'memory given back after a burst'));
  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    metricsServer?.close();
    await hub.close();
    await sfu.close();
    process.exit(0);
  };
  // A failure nobody awaited costs what it was doing, never every conference on the node.
  process.on('unhandledRejection', (error) => logger.error({ err: error }, 'unhandled rejection'));
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
