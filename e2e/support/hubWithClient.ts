import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { stateFromJson, type ConferenceState } from '@diem-cau/shared';
import pino from 'pino';
import { createHub, type Hub } from '../../server/src/createHub';
import { systemClock } from '../../server/src/hub/clock';
import { openSqliteAccessStore } from '../../server/src/store/sqliteAccessStore';
import { openSqliteEventStore } from '../../server/src/store/sqliteEventStore';
import type { QuotaSettings } from '../../server/src/socket/quotas/quotaSettings';

export const CLIENT_DIR = resolve(__dirname, '../../client/dist');
export const E2E_ADMIN_TOKEN = 'e2e-admin-token-0123456789';

export interface JoinCode { code: string; role: string; pointId?: string; label: string; link: string }

/** The real hub on a loopback port, serving the built client at / like `npm start` does. */
export class HubWithClient {
  private constructor(readonly hub: Hub, readonly url: string) {}

  /** `protocols`: the console protocols served; the test may change the object's fields while the hub runs. */
  static async start(opts: { quotas?: Partial<QuotaSettings>; protocols?: { oldest: number; current: number } } = {}): Promise<HubWithClient> {
    if (!existsSync(join(CLIENT_DIR, 'index.html'))) throw new Error('client/dist is missing: run `npm run build -w client` first (npm test does)');
    const db = new Database(join(mkdtempSync(join(tmpdir(), 'diem-cau-e2e-')), 'hub.db'));
    const hub = createHub({
      store: openSqliteEventStore(db), accessStore: openSqliteAccessStore(db), clock: systemClock,
      logger: pino({ level: 'silent' }), adminToken: E2E_ADMIN_TOKEN, sessionTtlMs: 3_600_000, clientDir: CLIENT_DIR,
      ...(opts.quotas ? { quotas: opts.quotas } : {}), ...(opts.protocols ? { protocols: opts.protocols } : {}),
    });
    // 127.0.0.1 counts as a secure context, so the service worker (offline reload) runs as in production.
    const port = await hub.listen(0, '127.0.0.1');
    return new HubWithClient(hub, `http://127.0.0.1:${port}`);
  }

  async createConference(setup: object, id: string): Promise<JoinCode[]> {
    const res = await fetch(`${this.url}/api/conferences`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
      body: JSON.stringify({ ...setup, id }),
    });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { joinCodes: JoinCode[] }).joinCodes;
  }

  /** The hub's own state of the conference, to check what the consoles show against the truth. */
  async state(conferenceId: string): Promise<ConferenceState> {
    const res = await fetch(`${this.url}/api/conferences/${conferenceId}/state`, { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } });
    return stateFromJson(((await res.json()) as { state: unknown }).state);
  }

  close(): Promise<void> {
    return this.hub.close();
  }
}
