import { RoleSchema, type Role } from '@diem-cau/shared';
import { z } from 'zod';

/** A join code exchanged for a session token, kept on the device so a reload reopens the console. */
export interface StoredSession {
  token: string;
  role: Role;
  conferenceId: string;
  pointId?: string;
  label: string;
  /** The name the person gave this session, as the hub confirmed it (C12). */
  name?: string;
  expiresAt: number;
}

const SessionSchema = z.object({
  token: z.string().min(20), role: RoleSchema, conferenceId: z.string(), pointId: z.string().optional(),
  label: z.string(), name: z.string().optional(), expiresAt: z.number(),
});
const SESSIONS_KEY = 'diemcau.sessions';
const CURRENT_KEY = 'diemcau.current';

const listeners = new Set<() => void>();
let cache: { sessions: StoredSession[]; current: StoredSession | undefined } | undefined;

function read(): StoredSession[] {
  try {
    const parsed = z.array(SessionSchema).safeParse(JSON.parse(localStorage.getItem(SESSIONS_KEY) ?? '[]'));
    if (!parsed.success) return [];
    return parsed.data.filter((s) => s.expiresAt > Date.now()).map(({ pointId, name, ...s }) => ({ ...s, ...(pointId ? { pointId } : {}), ...(name ? { name } : {}) }));
  } catch {
    return [];
  }
}

function write(sessions: StoredSession[], currentToken: string | undefined): void {
  localStorage.setItem(SESSIONS_KEY, JSON.stringify(sessions));
  if (currentToken) localStorage.setItem(CURRENT_KEY, currentToken);
  else localStorage.removeItem(CURRENT_KEY);
  cache = undefined;
  listeners.forEach((l) => l());
}

export function sessionsSnapshot(): { sessions: StoredSession[]; current: StoredSession | undefined } {
  if (!cache) {
    const sessions = read();
    const token = localStorage.getItem(CURRENT_KEY);
    cache = { sessions, current: sessions.find((s) => s.token === token) };
  }
  return cache;
}

export function subscribeSessions(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Keeps one session per conference and seat: joining again with a new code replaces the old one. */
export function rememberSession(session: StoredSession): void {
  const same = (s: StoredSession) => s.conferenceId === session.conferenceId && s.role === session.role && s.pointId === session.pointId;
  write([session, ...read().filter((s) => !same(s))], session.token);
}

export function openSession(token: string | undefined): void {
  write(read(), token);
}

export function forgetSession(token: string): void {
  const current = localStorage.getItem(CURRENT_KEY) ?? undefined;
  write(read().filter((s) => s.token !== token), current === token ? undefined : current);
}

/**
 * Records the name the hub now stamps on this session (C12). The open console gets a new session object,
 * so SessionView opens a new connection: the hub reads the session at the socket's handshake, and only a
 * new socket carries the name on what the console sends next.
 */
export function nameStoredSession(token: string, name: string): void {
  const current = localStorage.getItem(CURRENT_KEY) ?? undefined;
  write(read().map((s) => (s.token === token ? { ...s, name } : s)), current);
}
