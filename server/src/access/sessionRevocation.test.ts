import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PROTOCOL_VERSION } from '@diem-cau/shared';
import { io, type Socket } from 'socket.io-client';
import { ManualClock } from '../testing/manualClock';
import { TEST_ADMIN_TOKEN, TestHub, type JoinCodeInfo } from '../testing/testHub';
import { openSqliteAccessStore } from '../store/sqliteAccessStore';

const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' };

type Refusal = { code?: string; message?: string; details?: { reason?: string } };

/** A console-like socket: reconnects by hand, records why it was refused. */
function open(url: string, token: string): Promise<Socket> {
  const socket = io(url, { auth: { token, protocol: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function refusalOf(url: string, token: string): Promise<Refusal> {
  return open(url, token).then(
    (s) => {
      s.close();
      throw new Error('the hub accepted the session');
    },
    (err: Error & { data?: Refusal }) => err.data ?? {},
  );
}

const serverDisconnect = (socket: Socket) => new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

describe('A3: revoking a join code ends the sessions opened with it', () => {
  let hub: TestHub;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    hub = await TestHub.start();
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await hub.stop();
  });

  const codeOf = (codes: JoinCodeInfo[], pointId: string) => codes.find((c) => c.pointId === pointId)?.code ?? '';

  it('the live socket is closed, the token is refused with reason "revoked" over the socket and HTTP; other points carry on', async () => {
    const { conferenceId, joinCodes } = await hub.createConference();
    const thaiNguyen = await hub.session(codeOf(joinCodes, 'thai-nguyen'));
    const second = await hub.session(codeOf(joinCodes, 'thai-nguyen')); // the same code on a second machine
    const other = await hub.session(codeOf(joinCodes, 'ha-giang'));
    const [a, b, c] = await Promise.all([open(hub.url, thaiNguyen.token), open(hub.url, second.token), open(hub.url, other.token)]);
    sockets.push(a, b, c);

    const closed = Promise.all([serverDisconnect(a), serverDisconnect(b)]);
    const res = await fetch(`${hub.url}/api/conferences/${conferenceId}/join-codes/${codeOf(joinCodes, 'thai-nguyen')}`, { method: 'DELETE', headers: admin });
    expect(res.status).toBe(200);
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect']);

    expect(await refusalOf(hub.url, thaiNguyen.token)).toMatchObject({ code: 'UNAUTHORIZED', details: { reason: 'revoked' } });
    expect(await refusalOf(hub.url, second.token)).toMatchObject({ code: 'UNAUTHORIZED', details: { reason: 'revoked' } });
    const state = await fetch(`${hub.url}/api/conferences/${conferenceId}/state`, { headers: { authorization: `Bearer ${thaiNguyen.token}` } });
    expect(state.status).toBe(401);

    expect(c.connected).toBe(true);
    const ack = (await c.timeout(5_000).emitWithAck('sync', { sinceSeq: 0 })) as { ok: boolean };
    expect(ack.ok).toBe(true);
  });

  it('reissuing with revokePrevious ends the old sessions; the new code opens one that works', async () => {
    const { conferenceId, joinCodes } = await hub.createConference();
    const old = await hub.session(codeOf(joinCodes, 'thai-nguyen'));
    const socket = await open(hub.url, old.token);
    sockets.push(socket);
    const closed = serverDisconnect(socket);
    const res = await fetch(`${hub.url}/api/conferences/${conferenceId}/join-codes`, { method: 'POST', headers: admin, body: JSON.stringify({ role: 'point', pointId: 'thai-nguyen', revokePrevious: true }) });
    expect(res.status).toBe(201);
    expect(await closed).toBe('io server disconnect');
    const { joinCode } = (await res.json()) as { joinCode: { code: string } };
    const fresh = await hub.session(joinCode.code);
    const again = await open(hub.url, fresh.token);
    sockets.push(again);
    expect(again.connected).toBe(true);
  });

  it('an unknown token and an expired session are refused with their own reasons', async () => {
    const clock = new ManualClock();
    const timed = await TestHub.start({ clock });
    try {
      const { joinCodes } = await timed.createConference();
      const s = await timed.session(codeOf(joinCodes, 'thai-nguyen'));
      expect(await refusalOf(timed.url, 'x'.repeat(43))).toMatchObject({ code: 'UNAUTHORIZED', details: { reason: 'unknown' } });
      clock.advance(3_600_001);
      expect(await refusalOf(timed.url, s.token)).toMatchObject({ code: 'UNAUTHORIZED', details: { reason: 'expired' } });
    } finally {
      await timed.stop();
    }
  });
});

describe('SQLite access store migration', () => {
  it('a file from before sessions remembered their code gets the column, and its sessions still open', async () => {
    const db = new Database(join(mkdtempSync(join(tmpdir(), 'diem-cau-access-')), 'old.db'));
    db.exec(`CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, conference_id TEXT NOT NULL, role TEXT NOT NULL, point_id TEXT, label TEXT NOT NULL,
      session_id TEXT NOT NULL, expires_at INTEGER NOT NULL)`);
    db.prepare('INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?)').run('h1', 'hn', 'point', 'thai-nguyen', 'Thái Nguyên', 's1', 9e12);
    const store = openSqliteAccessStore(db);
    expect(await store.findSession('h1')).toEqual({ conferenceId: 'hn', role: 'point', pointId: 'thai-nguyen', label: 'Thái Nguyên', sessionId: 's1', expiresAt: 9e12 });
    await store.saveSession('h2', { conferenceId: 'hn', role: 'display', label: 'Màn hình', sessionId: 's2', expiresAt: 9e12, joinCode: 'ABCD-EFGH' });
    expect(await store.findSession('h2')).toMatchObject({ joinCode: 'ABCD-EFGH' });
    db.close();
  });
});
