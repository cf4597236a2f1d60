import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { createHub, type Hub } from '../../createHub';
import { systemClock } from '../../hub/clock';
import { createMediaGateway } from '../../socket/mediaGateway';
import { openSqliteAccessStore } from '../../store/sqliteAccessStore';
import { openSqliteEventStore } from '../../store/sqliteEventStore';
import type { SfuBackend } from '../sfuBackend';
import { startTestBackend, type TestBackendName } from './testBackends';
import type { QuotaSettings } from '../../socket/quotas/quotaSettings';
import type { IceServer } from '@diem-cau/shared';
import { StreamService, streamKeySecretFrom, type StreamSettings } from '../../stream/streamService';

export const MEDIA_HUB_ADMIN_TOKEN = 'media-admin-token-0123456789';

export interface MediaHubJoinCode { code: string; role: string; pointId?: string; label: string; link: string }

export interface MediaHubOptions {
  /** UDP range for this hub's SFU; each suite takes its own so parallel jest workers never collide. */
  ports: { min: number; max: number };
  /** Which SFU (default werift, in-process). */
  backend?: TestBackendName;
  /** Built client to serve at / (the browser suites). */
  clientDir?: string;
  iceServers?: IceServer[];
  /** The hub's quotas (QUOTA_DEFAULTS for what is not given); the media plane gets them resolved. */
  quotas?: Partial<QuotaSettings>;
  /** The livestream and recordings (issue 13): its settings but the data directory (the hub's own temporary one). */
  stream?: Omit<StreamSettings, 'streamDir' | 'keySecret'> & { keySecret?: string };
}

/** The real hub with the media plane on an SFU backend, on a loopback port: what `npm start` runs, in-process. */
export class MediaHub {
  private constructor(
    readonly hub: Hub,
    readonly backend: SfuBackend,
    readonly url: string,
    readonly dataDir: string,
    readonly stream: StreamService | undefined,
  ) {}

  static async start(options: MediaHubOptions): Promise<MediaHub> {
    const dataDir = mkdtempSync(join(tmpdir(), 'diem-cau-media-'));
    const db = new Database(join(dataDir, 'hub.db'));
    const logger = pino({ level: process.env.MEDIA_HUB_LOG ?? 'silent' });
    const stream = options.stream ? new StreamService({ keySecret: streamKeySecretFrom(MEDIA_HUB_ADMIN_TOKEN), ...options.stream, streamDir: join(dataDir, 'stream') }, logger) : undefined;
    const backend = await startTestBackend(options.backend ?? 'werift', options.ports);
    const hub = createHub({
      store: openSqliteEventStore(db), accessStore: openSqliteAccessStore(db), clock: systemClock,
      logger, adminToken: MEDIA_HUB_ADMIN_TOKEN, sessionTtlMs: 3_600_000,
      ...(options.clientDir ? { clientDir: options.clientDir } : {}),
      ...(options.quotas ? { quotas: options.quotas } : {}),
      media: (ctx) => createMediaGateway({ ...ctx, backend, ...(stream ? { stream } : {}), iceServers: () => options.iceServers ?? [] }),
      ...(stream ? { stream } : {}),
    });
    const port = await hub.listen(0, '127.0.0.1');
    return new MediaHub(hub, backend, `http://127.0.0.1:${port}`, dataDir, stream);
  }

  async createConference(setup: object, id = `hn-${randomUUID().slice(0, 8)}`): Promise<{ conferenceId: string; joinCodes: MediaHubJoinCode[] }> {
    const res = await fetch(`${this.url}/api/conferences`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${MEDIA_HUB_ADMIN_TOKEN}` },
      body: JSON.stringify({ ...setup, id }),
    });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as { conferenceId: string; joinCodes: MediaHubJoinCode[] };
  }

  /** Exchanges a join code for a session token, as the join page does. */
  async session(code: string): Promise<{ token: string; conferenceId: string; pointId?: string }> {
    const res = await fetch(`${this.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    if (res.status !== 201) throw new Error(`session failed: ${res.status}`);
    return (await res.json()) as { token: string; conferenceId: string; pointId?: string };
  }

  async close(): Promise<void> {
    await this.hub.close();
    await this.backend.close();
  }
}
