import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { ConferenceSetup, Role } from '@diem-cau/shared';
import type { Clock } from '../hub/clock';
import type { AccessStore, JoinCode, Session } from '../store/accessStore';

/** No 0/O, 1/I/L: codes are read aloud over the phone and typed from paper. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Accepts "abcd efgh", "ABCD-EFGH", "abcdefgh". */
export function normaliseJoinCode(input: string): string {
  const plain = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return plain.length === CODE_LENGTH ? `${plain.slice(0, 4)}-${plain.slice(4)}` : plain;
}

export type SessionRefusal = 'unknown' | 'expired' | 'revoked';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const ROLE_LABEL: Record<Role, string> = {
  chair: 'Chủ trì', secretary: 'Thư ký', point: 'Điểm cầu', display: 'Màn hình', organiser: 'Ban tổ chức', viewer: 'Người xem',
};

export class AccessService {
  private readonly revokedListeners: Array<(code: string) => void> = [];

  constructor(
    private readonly store: AccessStore,
    private readonly now: () => number,
    private readonly sessionTtlMs: number,
  ) {}

  /**
   * Every role, and every provincial point, keeps one live code: on creation all are issued; after a
   * new setup only the points that have none get theirs. Returns all the conference's codes.
   */
  async issueJoinCodes(conferenceId: string, setup: Pick<ConferenceSetup, 'points'>): Promise<JoinCode[]> {
    const existing = await this.store.listJoinCodes(conferenceId);
    const hasLive = (role: Role, pointId?: string) => existing.some((c) => !c.revoked && c.role === role && (pointId === undefined || c.pointId === pointId));
    const central = setup.points.find((p) => p.kind === 'central');
    const wanted: JoinCode[] = (['chair', 'secretary', 'display', 'organiser', 'viewer'] as const).map((role) => ({
      code: newJoinCode(), conferenceId, role, label: ROLE_LABEL[role], revoked: false,
      ...(role === 'chair' && central ? { pointId: central.id } : {}),
    }));
    for (const point of setup.points.filter((p) => p.kind === 'provincial')) {
      wanted.push({ code: newJoinCode(), conferenceId, role: 'point', pointId: point.id, label: point.name, revoked: false });
    }
    const added = wanted.filter((c) => !hasLive(c.role, c.role === 'point' ? c.pointId : undefined));
    await this.store.addJoinCodes(added);
    return [...existing, ...added];
  }

  async reissue(conferenceId: string, role: Role, pointId: string | undefined, label: string): Promise<JoinCode> {
    const code: JoinCode = { code: newJoinCode(), conferenceId, role, label, revoked: false, ...(pointId ? { pointId } : {}) };
    await this.store.addJoinCodes([code]);
    return code;
  }

  listJoinCodes(conferenceId: string): Promise<JoinCode[]> {
    return this.store.listJoinCodes(conferenceId);
  }

  /** Revokes a code; the sessions opened with it stop working, and listeners end the live ones. */
  async revoke(code: string): Promise<boolean> {
    const revoked = await this.store.revokeJoinCode(code);
    if (revoked) for (const listener of this.revokedListeners) listener(code);
    return revoked;
  }

  /** True when the code is revoked or no longer exists. */
  async isRevoked(code: string): Promise<boolean> {
    return (await this.store.findJoinCode(code))?.revoked !== false;
  }

  onRevoked(listener: (code: string) => void): void {
    this.revokedListeners.push(listener);
  }

  async exchange(rawCode: string): Promise<{ token: string; session: Session } | undefined> {
    const found = await this.store.findJoinCode(normaliseJoinCode(rawCode));
    if (!found || found.revoked) return undefined;
    const token = randomBytes(32).toString('base64url');
    const session: Session = {
      conferenceId: found.conferenceId, role: found.role, label: found.label, sessionId: randomUUID(),
      expiresAt: this.now() + this.sessionTtlMs, joinCode: found.code, ...(found.pointId ? { pointId: found.pointId } : {}),
    };
    await this.store.saveSession(hashToken(token), session);
    return { token, session };
  }

  /**
   * Deletes expired report links and the sessions expired more than `keepExpiredMs` ago (Q39). Sessions
   * are kept that while so a console coming back after its session ended is still told "expired", not
   * "unknown". Returns how many sessions went.
   */
  sweepExpired(keepExpiredMs: number): Promise<number> {
    const now = this.now();
    return this.store.deleteExpired(now - keepExpiredMs, now);
  }

  /** Sweeps every `everyMs` on `clock` until the returned stop is called; a failed sweep is reported, the next one runs. */
  sweepEvery(clock: Clock, sweep: { everyMs: number; keepExpiredMs: number }, onError: (error: unknown) => void): () => void {
    let timer: { cancel(): void } | undefined;
    let stopped = false;
    const next = () => {
      timer = clock.setTimeout(() => {
        this.sweepExpired(sweep.keepExpiredMs).catch(onError).finally(() => {
          if (!stopped) next();
        });
      }, sweep.everyMs);
    };
    next();
    return () => {
      stopped = true;
      timer?.cancel();
    };
  }

  /**
   * The person behind a session names it (C12: several secretaries share one code). Kept with the session
   * in the store, so every node stamps it on what the session does from its next socket on.
   */
  async nameSession(token: string, name: string): Promise<Session | undefined> {
    const checked = await this.check(token);
    if (!checked.ok) return undefined;
    const session: Session = { ...checked.session, name };
    await this.store.saveSession(hashToken(token), session);
    return session;
  }

  async authenticate(token: unknown): Promise<Session | undefined> {
    const checked = await this.check(token);
    return checked.ok ? checked.session : undefined;
  }

  /** Like authenticate, and says why a session is refused (the console tells a revoked code from an expired session). */
  async check(token: unknown): Promise<{ ok: true; session: Session } | { ok: false; reason: SessionRefusal }> {
    if (typeof token !== 'string' || token.length < 20 || token.length > 200) return { ok: false, reason: 'unknown' };
    const session = await this.store.findSession(hashToken(token));
    if (!session) return { ok: false, reason: 'unknown' };
    if (session.expiresAt <= this.now()) return { ok: false, reason: 'expired' };
    if (session.joinCode !== undefined && (await this.isRevoked(session.joinCode))) return { ok: false, reason: 'revoked' };
    return { ok: true, session };
  }
}
