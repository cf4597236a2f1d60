import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino, { type Logger } from 'pino';
import { FIXTURE_SETUP } from '@diem-cau/shared/testing';
import { createHub, type Hub } from '../createHub';
import type { EdgeSettings } from '../http/edge/edgeSettings';
import { systemClock, type Clock } from '../hub/clock';
import type { QuotaSettings } from '../socket/quotas/quotaSettings';
import { openSqliteAccessStore } from '../store/sqliteAccessStore';
import { openSqliteEventStore } from '../store/sqliteEventStore';
import { TestClient } from './testClient';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface JoinCodeInfo { code: string; role: string; pointId?: string; label: string; link: string }

/** A real hub on a loopback port with a real SQLite file, for integration tests. */
export class TestHub {
  clients: TestClient[] = [];
  private constructor(readonly hub: Hub, readonly url: string, readonly dbFile: string) {}

  static async start(opts: { clock?: Clock; sweepClock?: Clock; logger?: Logger; edge?: Partial<EdgeSettings>; quotas?: Partial<QuotaSettings>; publicUrl?: string; clientDir?: string; metricsToken?: string; protocols?: { oldest: number; current: number } } = {}): Promise<TestHub> {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'diem-cau-hub-')), 'hub.db');
    const db = new Database(dbFile);
    const hub = createHub({
      store: openSqliteEventStore(db), accessStore: openSqliteAccessStore(db), clock: opts.clock ?? systemClock,
      logger: opts.logger ?? pino({ level: 'silent' }), adminToken: TEST_ADMIN_TOKEN, sessionTtlMs: 3_600_000,
      ...(opts.edge ? { edge: opts.edge } : {}), ...(opts.sweepClock ? { sweepClock: opts.sweepClock } : {}), ...(opts.quotas ? { quotas: opts.quotas } : {}), ...(opts.publicUrl ? { publicUrl: opts.publicUrl } : {}), ...(opts.clientDir ? { clientDir: opts.clientDir } : {}),
      ...(opts.metricsToken ? { metricsToken: opts.metricsToken } : {}), ...(opts.protocols ? { protocols: opts.protocols } : {}),
    });
    const port = await hub.listen(0, '127.0.0.1');
    return new TestHub(hub, `http://127.0.0.1:${port}`, dbFile);
  }

  async createConference(setup: object = FIXTURE_SETUP, id = `hn-${randomUUID().slice(0, 8)}`) {
    const res = await fetch(`${this.url}/api/conferences`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      body: JSON.stringify({ ...setup, id }),
    });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as { conferenceId: string; joinCodes: JoinCodeInfo[] };
  }

  async session(code: string): Promise<{ token: string; role: string; conferenceId: string; pointId?: string }> {
    const res = await fetch(`${this.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    if (res.status !== 201) throw new Error(`session failed: ${res.status}`);
    return (await res.json()) as { token: string; role: string; conferenceId: string; pointId?: string };
  }

  /** Joins with the code of a role (or of a point) and connects a socket client that mirrors the log. */
  async join(codes: JoinCodeInfo[], who: { role: string; pointId?: string }): Promise<TestClient> {
    const entry = codes.find((c) => c.role === who.role && (who.pointId === undefined || c.pointId === who.pointId));
    if (!entry) throw new Error(`no code for ${JSON.stringify(who)}`);
    const s = await this.session(entry.code);
    const client = await TestClient.connect(this.url, s.token, s.conferenceId);
    this.clients.push(client);
    return client;
  }

  async stop(): Promise<void> {
    for (const c of this.clients) c.close();
    await this.hub.close();
  }
}
