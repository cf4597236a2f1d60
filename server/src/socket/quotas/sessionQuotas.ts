import type { Session } from '../../store/accessStore';
import { Buckets } from './buckets';
import type { QuotaSettings } from './quotaSettings';

export type QuotaRefusal = { ok: false; retryAfterMs: number };

const socketKeys = (session: Session) => (session.joinCode ? [`s:${session.sessionId}`, `c:${session.joinCode}`] : [`s:${session.sessionId}`]);

/**
 * The gateway's quotas on this node, counted across sockets: a session's commands and syncs, its join code's
 * and its point's commands, and how many sockets it holds.
 */
export class SessionQuotas {
  private readonly buckets: Buckets;
  private readonly sockets = new Map<string, number>();

  constructor(private readonly settings: QuotaSettings, now: () => number) {
    this.buckets = new Buckets(now);
  }

  /** How long a refused handshake is held before its refusal (Q52). */
  get socketRefusalHoldMs(): number {
    return this.settings.socketRefusalHoldMs;
  }

  command(session: Session): { ok: true } | QuotaRefusal {
    const s = this.settings;
    return this.buckets.take([
      { key: `s:${session.sessionId}`, rate: s.sessionCommands },
      ...(session.joinCode ? [{ key: `c:${session.joinCode}`, rate: s.codeCommands }] : []),
      ...(session.pointId ? [{ key: `p:${session.conferenceId}:${session.pointId}`, rate: s.pointCommands }] : []),
    ]);
  }

  sync(session: Session): { ok: true } | QuotaRefusal {
    return this.buckets.take([{ key: `y:${session.sessionId}`, rate: this.settings.sessionSyncs }]);
  }

  /** A snapshot for this session, counted against its join code's (Q14); a session without a code counts alone. */
  snapshot(session: Session): { ok: true } | QuotaRefusal {
    return this.buckets.take([{ key: `n:${session.joinCode ?? session.sessionId}`, rate: this.settings.codeSnapshots }]);
  }

  /**
   * Counts a socket in, against its session and its join code (Q5, Q17); when either holds its limit already,
   * nothing is counted and the answer names the limit reached.
   */
  openSocket(session: Session): { ok: true } | { ok: false; reason: 'TOO_MANY_SOCKETS' | 'CODE_SOCKETS_FULL'; limit: number } {
    const { socketsPerSession, socketsPerCode } = this.settings;
    if (this.held(`s:${session.sessionId}`) >= socketsPerSession) return { ok: false, reason: 'TOO_MANY_SOCKETS', limit: socketsPerSession };
    if (session.joinCode && this.held(`c:${session.joinCode}`) >= socketsPerCode) return { ok: false, reason: 'CODE_SOCKETS_FULL', limit: socketsPerCode };
    for (const key of socketKeys(session)) this.sockets.set(key, this.held(key) + 1);
    return { ok: true };
  }

  closeSocket(session: Session): void {
    for (const key of socketKeys(session)) {
      const held = this.held(key) - 1;
      if (held <= 0) this.sockets.delete(key);
      else this.sockets.set(key, held);
    }
  }

  private held(key: string): number {
    return this.sockets.get(key) ?? 0;
  }
}
