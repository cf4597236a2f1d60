import { mediaRefuse, type MediaError, type MediaReason } from '../../../shared/src/media';
import { QUOTA_DEFAULTS, type QuotaSettings } from '../socket/quotas/quotaSettings';

/** What one conference's media may hold (Q7–Q10): the room's share of the hub's QuotaSettings. */
export type MediaLimits = Pick<QuotaSettings, 'transportsPerSession' | 'transportsPerConference' | 'consumersPerSession' | 'consumersPerConference' | 'transportConnectMs'>;

export const MEDIA_LIMIT_DEFAULTS: MediaLimits = {
  transportsPerSession: QUOTA_DEFAULTS.transportsPerSession,
  transportsPerConference: QUOTA_DEFAULTS.transportsPerConference,
  consumersPerSession: QUOTA_DEFAULTS.consumersPerSession,
  consumersPerConference: QUOTA_DEFAULTS.consumersPerConference,
  transportConnectMs: QUOTA_DEFAULTS.transportConnectMs,
};

/** A place taken before an SFU object exists: bound to its id once created, given back if creation fails. */
export interface Hold {
  bind(id: string): void;
  cancel(): void;
}

/**
 * How many of one kind of SFU object (transports, or consumers) a conference and each session hold. A place is
 * taken before the SFU is asked, so requests in flight at once cannot all pass the check and then all be
 * created; it is given back when the object closes, whoever closed it.
 */
export class MediaTally {
  private readonly bySession = new Map<string, number>();
  private readonly sessionOf = new Map<string, string>();
  private total = 0;

  constructor(
    private readonly reason: MediaReason,
    private readonly perSession: number,
    private readonly perConference: number,
  ) {}

  take(sessionId: string): { ok: true; hold: Hold } | { ok: false; error: MediaError } {
    const held = this.bySession.get(sessionId) ?? 0;
    if (held >= this.perSession) return mediaRefuse(this.reason, this.perSession);
    if (this.total >= this.perConference) return mediaRefuse(this.reason, this.perConference);
    this.add(sessionId, 1);
    let settled = false;
    return {
      ok: true,
      hold: {
        bind: (id) => {
          if (settled) return;
          settled = true;
          this.sessionOf.set(id, sessionId);
        },
        cancel: () => {
          if (settled) return;
          settled = true;
          this.add(sessionId, -1);
        },
      },
    };
  }

  /** The object closed: its place is free again. Unknown ids (already given back) change nothing. */
  release(id: string): void {
    const sessionId = this.sessionOf.get(id);
    if (sessionId === undefined) return;
    this.sessionOf.delete(id);
    this.add(sessionId, -1);
  }

  held(sessionId?: string): number {
    return sessionId === undefined ? this.total : (this.bySession.get(sessionId) ?? 0);
  }

  private add(sessionId: string, delta: number): void {
    const next = (this.bySession.get(sessionId) ?? 0) + delta;
    if (next <= 0) this.bySession.delete(sessionId);
    else this.bySession.set(sessionId, next);
    this.total += delta;
  }
}
