import type Database from 'better-sqlite3';
import type { Role } from '@diem-cau/shared';
import type { AccessStore, JoinCode, ReportLink, Session } from './accessStore';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS join_codes (
  code TEXT PRIMARY KEY, conference_id TEXT NOT NULL, role TEXT NOT NULL, point_id TEXT, label TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS join_codes_conference ON join_codes (conference_id);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY, conference_id TEXT NOT NULL, role TEXT NOT NULL, point_id TEXT, label TEXT NOT NULL,
  session_id TEXT NOT NULL, expires_at INTEGER NOT NULL, join_code TEXT
);
CREATE INDEX IF NOT EXISTS sessions_expiry ON sessions (expires_at);
CREATE TABLE IF NOT EXISTS report_links (
  id_hash TEXT PRIMARY KEY, conference_id TEXT NOT NULL, file TEXT NOT NULL, options TEXT NOT NULL, expires_at INTEGER NOT NULL
);
`;

/** Files written before sessions remembered their join code get the column. */
function migrate(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(sessions)').all().map((c) => c.name);
  if (!columns.includes('join_code')) db.exec('ALTER TABLE sessions ADD COLUMN join_code TEXT');
  // C12: the name a person gave a session opened with a shared code.
  if (!columns.includes('name')) db.exec('ALTER TABLE sessions ADD COLUMN name TEXT');
}

interface CodeRow { code: string; conference_id: string; role: string; point_id: string | null; label: string; revoked: number }
interface LinkRow { conference_id: string; file: string; options: string; expires_at: number }
interface SessionRow { conference_id: string; role: string; point_id: string | null; label: string; session_id: string; expires_at: number; join_code: string | null; name: string | null }

const toCode = (r: CodeRow): JoinCode => ({
  code: r.code, conferenceId: r.conference_id, role: r.role as Role, label: r.label, revoked: r.revoked === 1,
  ...(r.point_id ? { pointId: r.point_id } : {}),
});

export function openSqliteAccessStore(db: Database.Database): AccessStore {
  db.exec(SCHEMA);
  migrate(db);
  const q = {
    addCode: db.prepare('INSERT INTO join_codes (code, conference_id, role, point_id, label, revoked) VALUES (?, ?, ?, ?, ?, ?)'),
    code: db.prepare<[string], CodeRow>('SELECT * FROM join_codes WHERE code = ?'),
    codes: db.prepare<[string], CodeRow>('SELECT * FROM join_codes WHERE conference_id = ? ORDER BY rowid'),
    revoke: db.prepare('UPDATE join_codes SET revoked = 1 WHERE code = ? AND revoked = 0'),
    addSession: db.prepare('INSERT OR REPLACE INTO sessions (token_hash, conference_id, role, point_id, label, session_id, expires_at, join_code, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    session: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE token_hash = ?'),
    dropSessions: db.prepare<[number]>('DELETE FROM sessions WHERE expires_at <= ?'),
    dropLinks: db.prepare<[number]>('DELETE FROM report_links WHERE expires_at <= ?'),
    addLink: db.prepare('INSERT INTO report_links (id_hash, conference_id, file, options, expires_at) VALUES (?, ?, ?, ?, ?)'),
    takeLink: db.prepare<[string], LinkRow>('DELETE FROM report_links WHERE id_hash = ? RETURNING conference_id, file, options, expires_at'),
  };
  const addAll = db.transaction((codes: readonly JoinCode[]) => {
    for (const c of codes) q.addCode.run(c.code, c.conferenceId, c.role, c.pointId ?? null, c.label, c.revoked ? 1 : 0);
  });
  return {
    addJoinCodes: async (codes) => addAll(codes),
    findJoinCode: async (code) => {
      const row = q.code.get(code);
      return row ? toCode(row) : undefined;
    },
    listJoinCodes: async (conferenceId) => q.codes.all(conferenceId).map(toCode),
    revokeJoinCode: async (code) => q.revoke.run(code).changes > 0,
    saveSession: async (hash, s: Session) => {
      q.addSession.run(hash, s.conferenceId, s.role, s.pointId ?? null, s.label, s.sessionId, s.expiresAt, s.joinCode ?? null, s.name ?? null);
    },
    findSession: async (hash) => {
      const r = q.session.get(hash);
      if (!r) return undefined;
      return {
        conferenceId: r.conference_id, role: r.role as Role, label: r.label, sessionId: r.session_id, expiresAt: r.expires_at,
        ...(r.point_id ? { pointId: r.point_id } : {}), ...(r.join_code ? { joinCode: r.join_code } : {}), ...(r.name ? { name: r.name } : {}),
      };
    },
    deleteExpired: async (sessionsBefore, linksBefore) => {
      q.dropLinks.run(linksBefore);
      return q.dropSessions.run(sessionsBefore).changes;
    },
    saveReportLink: async (hash, l: ReportLink) => {
      q.addLink.run(hash, l.conferenceId, l.file, JSON.stringify(l.options), l.expiresAt);
    },
    takeReportLink: async (hash) => {
      const r = q.takeLink.get(hash);
      return r ? { conferenceId: r.conference_id, file: r.file, options: JSON.parse(r.options) as Record<string, string>, expiresAt: r.expires_at } : undefined;
    },
  };
}
