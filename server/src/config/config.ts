import { IceServerSchema } from '@diem-cau/shared';
import { z } from 'zod';
import { QUOTA_ENV } from './quotaConfig';
import { EDGE_ENV } from './edgeConfig';

const IpSchema = z.union([z.ipv4(), z.ipv6()]);
/** MEDIA_ICE_SERVERS: a JSON array of RTCIceServer objects, e.g. [{"urls":"stun:stun.example.org:3478"}]. */
const IceServersJsonSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of {urls, username?, credential?}' });
      return z.NEVER;
    }
  })
  .pipe(z.array(IceServerSchema).max(8));
const TurnUrlsSchema = z
  .string()
  .transform((text) => text.split(',').map((u) => u.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^turns?:/, 'each MEDIA_TURN_URLS entry starts with turn: or turns:')).min(1).max(8));

const ConfigSchema = z.object({
  ...QUOTA_ENV,
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  ADMIN_TOKEN: z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters').optional(),
  /** `GET /metrics` on PORT answers `Authorization: Bearer <METRICS_TOKEN>`; unset, the route is 404. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  /** The metrics on a port of their own, without a token, bound to METRICS_HOST (for a scraper on the same host or network). */
  METRICS_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  METRICS_HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z.url().optional(),
  SESSION_TTL_H: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  REDIS_URL: z.url().optional(),
  /** With REDIS_URL: how long a conference's owner lease lives unrenewed (the longest a dead node holds it). */
  LEASE_TTL_MS: z.coerce.number().int().min(500).max(60_000).default(3_000),
  /** With REDIS_URL: how often a node renews its leases and takes vacant ones (must be well under LEASE_TTL_MS). */
  LEASE_RENEW_MS: z.coerce.number().int().min(100).max(20_000).default(1_000),
  /** How often a node says it is alive; its consoles' presence disappears three beats after it dies. */
  PRESENCE_HEARTBEAT_MS: z.coerce.number().int().min(100).max(30_000).default(1_000),
  /**
   * Socket.IO heartbeat: a console whose line died silently is dropped (and leaves presence) after interval +
   * timeout. Each connected socket costs one ping per interval on its node.
   */
  SOCKET_PING_INTERVAL_MS: z.coerce.number().int().min(1_000).max(120_000).default(10_000),
  SOCKET_PING_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(8_000),
  /** A conference room unused this long, with no socket on the node, is dropped from memory. */
  ROOM_IDLE_MS: z.coerce.number().int().min(1_000).default(600_000),
  /** Which SFU forwards the media: the C++ mediasoup worker when installed (auto), or werift in this process. */
  SFU_BACKEND: z.enum(['auto', 'werift', 'mediasoup']).default('auto'),
  /** Address the media UDP sockets bind to; loopback by default so the demo runs without opening ports. */
  MEDIA_LISTEN_IP: IpSchema.default('127.0.0.1'),
  /** Address announced to browsers in ICE candidates (the public IP behind NAT); required with 0.0.0.0 / ::. */
  MEDIA_ANNOUNCED_IP: IpSchema.optional(),
  MEDIA_PORT_MIN: z.coerce.number().int().min(1024).max(65_535).default(40_000),
  MEDIA_PORT_MAX: z.coerce.number().int().min(1024).max(65_535).default(40_999),
  MEDIA_ICE_SERVERS: IceServersJsonSchema.default([]),
  /** coturn with use-auth-secret: the hub hands each session short-lived TURN credentials for these URLs. */
  MEDIA_TURN_URLS: TurnUrlsSchema.optional(),
  MEDIA_TURN_SECRET: z.string().min(16, 'MEDIA_TURN_SECRET must be at least 16 characters').optional(),
  /** Uploaded drafts and points lists are parsed in this many worker processes (started on demand, ended when idle). */
  IMPORT_WORKERS: z.coerce.number().int().min(1).max(8).default(1),
  /** An import running longer is ended (its worker terminated and replaced): TIMEOUT. */
  IMPORT_TIMEOUT_MS: z.coerce.number().int().min(500).max(300_000).default(20_000),
  /** V8 heap of one import worker; a file that needs more ends its worker: FILE_TOO_LARGE. */
  IMPORT_WORKER_MEMORY_MB: z.coerce.number().int().min(64).max(4_096).default(512),
  /** Nice value of the import worker processes: a parse yields the CPU to the hub's threads. */
  IMPORT_WORKER_NICE: z.coerce.number().int().min(0).max(19).default(19),
  /** What a .docx or .xlsx may inflate to, counted while inflating (whatever the zip declares): FILE_TOO_LARGE. */
  IMPORT_MAX_INFLATED_MB: z.coerce.number().int().min(1).max(1_024).default(64),
  /** Characters of text handed to the draft or CSV parser: FILE_TOO_LARGE beyond. */
  IMPORT_MAX_TEXT_CHARS: z.coerce.number().int().min(10_000).max(50_000_000).default(5_000_000),
  /** The livestream and recordings (issue 13): on when FFmpeg runs (auto), or off. */
  STREAM: z.enum(['auto', 'off']).default('auto'),
  /** FFmpeg to run (Debian's ffmpeg on PATH by default). */
  FFMPEG_PATH: z.string().min(1).default('ffmpeg'),
  /** Loopback UDP ports the hub sends the floor's RTP to, four per streamed conference. */
  STREAM_RTP_PORT_MIN: z.coerce.number().int().min(1024).max(65_535).default(41_000),
  STREAM_RTP_PORT_MAX: z.coerce.number().int().min(1024).max(65_535).default(41_199),
  /** Height of the stream's picture (720 or 360 are the measured ones) and its H.264 bitrate. */
  STREAM_HEIGHT: z.coerce.number().int().min(144).max(1_080).default(720),
  STREAM_VIDEO_KBPS: z.coerce.number().int().min(200).max(8_000).default(1_500),
  /** Below this much free space under DATA_DIR, streaming and recording stop (the organiser is warned), MB. */
  STREAM_MIN_FREE_MB: z.coerce.number().int().min(16).max(1_000_000).default(1_024),
  /** Recordings are deleted this many days after their last write; 0 keeps them until the organiser deletes them. */
  RECORDING_RETENTION_DAYS: z.coerce.number().int().min(0).max(3_650).default(90),
  /**
   * Where the streams and recordings live (default DATA_DIR/stream). In a cluster, one directory every hub mounts
   * (a shared volume): the owner's FFmpeg writes there and any node serves the viewers and the recordings.
   */
  STREAM_DIR: z.string().min(1).optional(),
  /** Keys the stream URLs; the same on every node of a cluster (by default derived from the admin token, which they share). */
  STREAM_KEY_SECRET: z.string().min(16, 'STREAM_KEY_SECRET must be at least 16 characters').optional(),
  /** RSS this many MB above its level after the last relief, with the loop idle: one full GC gives it back (Q50); 0: off. */
  MEMORY_RELIEF_MB: z.coerce.number().int().min(0).max(65_536).default(64),
  /** The HTTP edge (Q30–Q49): body limits, guessing throttles, proxies, origins, report links, session sweeps. */
  ...EDGE_ENV,
}).superRefine((c, ctx) => {
  if (c.MEDIA_PORT_MIN > c.MEDIA_PORT_MAX) ctx.addIssue({ code: 'custom', path: ['MEDIA_PORT_MIN'], message: 'must not exceed MEDIA_PORT_MAX' });
  if ((c.MEDIA_LISTEN_IP === '0.0.0.0' || c.MEDIA_LISTEN_IP === '::') && !c.MEDIA_ANNOUNCED_IP) {
    ctx.addIssue({ code: 'custom', path: ['MEDIA_ANNOUNCED_IP'], message: 'required when MEDIA_LISTEN_IP is a wildcard address' });
  }
  if (c.STREAM_RTP_PORT_MIN + 3 > c.STREAM_RTP_PORT_MAX) ctx.addIssue({ code: 'custom', path: ['STREAM_RTP_PORT_MIN'], message: 'the range needs at least four ports' });
  if (c.LEASE_RENEW_MS * 2 > c.LEASE_TTL_MS) ctx.addIssue({ code: 'custom', path: ['LEASE_RENEW_MS'], message: 'must be at most half of LEASE_TTL_MS' });
  if (Boolean(c.MEDIA_TURN_URLS) !== Boolean(c.MEDIA_TURN_SECRET)) {
    ctx.addIssue({ code: 'custom', path: ['MEDIA_TURN_SECRET'], message: 'MEDIA_TURN_URLS and MEDIA_TURN_SECRET go together' });
  }
});
export type Config = z.infer<typeof ConfigSchema>;

/** Reads the environment once; a bad value stops the start with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
}

/** Every variable the hub reads (README's configuration table lists each one; a test holds it to that). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(ConfigSchema.shape);
