import { mediaRefuse, type MediaError, type MediaReason } from '../../../shared/src/media';
import { QUOTA_DEFAULTS, type QuotaSettings } from '../socket/quotas/quotaSettings';

/** What one conference's media may hold (Q7–Q10): the room's share of the hub's QuotaSettings. */
export type MediaLimits = Pick<
  QuotaSettings,
  'transportsPerSession' | 'transportsPerCode' | 'transportsPerConference' | 'consumersPerSession' | 'consumersPerCode' | 'consumersPerConference' | 'transportConnectMs'
>;

export const MEDIA_LIMIT_DEFAULTS: MediaLimits = {
  transportsPerSession: QUOTA_DEFAULTS.transportsPerSession,
  transportsPerCode: QUOTA_DEFAULTS.transportsPerCode,
  transportsPerConference: QUOTA_DEFAULTS.transportsPerConference,
  consumersPerSession: QUOTA_DEFAULTS.consumersPerSession,
  consumersPerCode: QUOTA_DEFAULTS.consumersPerCode,
  consumersPerConference: QUOTA_DEFAULTS.consumersPerConference,
  transportConnectMs: QUOTA_DEFAULTS.transportConnectMs,
};

/** Whose quota an SFU object counts against: a session, and the join code it was opened with (Q7, Q16). */
export interface QuotaHolder {
  sessionId: string;
  joinCode?: string;
}

/** How many one session, one join code's sessions together, and the whole conference may hold. */
export interface TallyLimits {
  perSession: number;
  perCode: number;
  perConference: number;
}

/** A place taken before an SFU object exists: bound to its id once created, given back if creation fails. */
export interface Hold {
  bind(id: string): void;
  cancel(): void;
}

/**
 * How many of one kind of SFU object (transports, or consumers) a conference, each join code and each session
 * hold: a display code opened in hundreds of tabs holds what the code may, not the conference's ports (Q16). A
 * place is taken before the SFU is asked, so requests in flight at once cannot all pass the check and then all
 * be created; it is given back when the object closes, whoever closed it.
 */
export class MediaTally {
  /** Count per holder key: `s:` a session, `c:` a join code. */
  private readonly byHolder = new Map<string, number>();
  private readonly holderOf = new Map<string, QuotaHolder>();
  private total = 0;

  constructor(private readonly reason: MediaReason, private readonly limits: TallyLimits) {}

  take(holder: QuotaHolder): { ok: true; hold: Hold } | { ok: false; error: MediaError } {
    const { perSession, perCode, perConference } = this.limits;
    if (this.count(`s:${holder.sessionId}`) >= perSession) return mediaRefuse(this.reason, perSession);
    if (holder.joinCode !== undefined && this.count(`c:${holder.joinCode}`) >= perCode) return mediaRefuse(this.reason, perCode);
    if (this.total >= perConference) return mediaRefuse(this.reason, perConference);
    this.add(holder, 1);
    let settled = false;
    return {
      ok: true,
      hold: {
        bind: (id) => {
          if (settled) return;
          settled = true;
          this.holderOf.set(id, holder);
        },
        cancel: () => {
          if (settled) return;
          settled = true;
          this.add(holder, -1);
        },
      },
    };
  }

  /** The object closed: its place is free again. Unknown ids (already given back) change nothing. */
  release(id: string): void {
    const holder = this.holderOf.get(id);
    if (holder === undefined) return;
    this.holderOf.delete(id);
    this.add(holder, -1);
  }

  /** What a session (or, with `byCode`, a join code) holds; the conference's total without an argument. */
  held(sessionId?: string, byCode?: string): number {
    if (byCode !== undefined) return this.count(`c:${byCode}`);
    return sessionId === undefined ? this.total : this.count(`s:${sessionId}`);
  }

  private count(key: string): number {
    return this.byHolder.get(key) ?? 0;
  }

  private add(holder: QuotaHolder, delta: number): void {
    for (const key of holder.joinCode === undefined ? [`s:${holder.sessionId}`] : [`s:${holder.sessionId}`, `c:${holder.joinCode}`]) {
      const next = this.count(key) + delta;
      if (next <= 0) this.byHolder.delete(key);
      else this.byHolder.set(key, next);
    }
    this.total += delta;
  }
}
