import type { Session } from '../../store/accessStore';
import { Buckets } from './buckets';
import type { QuotaSettings } from './quotaSettings';

export type QuotaRefusal = { ok: false; retryAfterMs: number };

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

  /** Counts a socket in; false (and nothing counted) when the session holds its limit already. */
  openSocket(session: Session): boolean {
    const held = this.sockets.get(session.sessionId) ?? 0;
    if (held >= this.settings.socketsPerSession) return false;
    this.sockets.set(session.sessionId, held + 1);
    return true;
  }

  closeSocket(session: Session): void {
    const held = (this.sockets.get(session.sessionId) ?? 1) - 1;
    if (held <= 0) this.sockets.delete(session.sessionId);
    else this.sockets.set(session.sessionId, held);
  }
}
