import type { Session } from '../../store/accessStore';
import { Buckets } from './buckets';
import type { QuotaNews, QuotaShare } from './quotaNews';
import type { QuotaSettings, Rate } from './quotaSettings';
import { SocketsElsewhere } from './socketsElsewhere';

export type QuotaRefusal = { ok: false; retryAfterMs: number };

const socketKeys = (session: Session) => (session.joinCode ? [`s:${session.sessionId}`, `c:${session.joinCode}`] : [`s:${session.sessionId}`]);

/** How often a node tells the others what its sessions spent (Q55), and when a silent node stops counting. */
export interface QuotaNewsTiming {
  newsEveryMs: number;
  /** A node with nothing to tell still says so this often: its sockets keep counting. */
  beatEveryMs: number;
  /** Every socket count again, so a lost message is not remembered for long. */
  fullEveryMs: number;
  deadAfterMs: number;
}

export const QUOTA_NEWS_TIMING: QuotaNewsTiming = { newsEveryMs: 50, beatEveryMs: 1_000, fullEveryMs: 15_000, deadAfterMs: 3_000 };

/**
 * The gateway's quotas, counted across sockets: a session's commands and syncs, its join code's and its point's
 * commands, and how many sockets it holds. With the other hub nodes' news (a `QuotaShare`, Q55) they hold for
 * the cluster: what a node's sessions spend and the sockets they hold are told to the others every 50 ms and
 * counted there as if spent there.
 */
export class SessionQuotas {
  private readonly buckets: Buckets;
  private readonly sockets = new Map<string, number>();
  private readonly elsewhere: SocketsElsewhere;
  /** Tokens taken here since the last news, and the socket keys that changed. */
  private readonly spent = new Map<string, number>();
  private readonly changed = new Set<string>();
  /**
   * When this node last told, and what it owes: its full counts (at start, when asked, after news that could not
   * go out) and a hello (at start, and when it hears a node it had forgotten: it missed that node's full counts).
   */
  private readonly told = { at: 0, fullAt: 0, fullDue: true, helloDue: true, helloAt: -Infinity };
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly settings: QuotaSettings,
    private readonly now: () => number,
    private readonly share?: QuotaShare,
    private readonly timing: QuotaNewsTiming = QUOTA_NEWS_TIMING,
  ) {
    this.buckets = new Buckets(now);
    this.elsewhere = new SocketsElsewhere(timing.deadAfterMs);
    if (!share) return;
    share.listen((from, news) => this.hear(from, news));
    this.timer = setInterval(() => this.tellNews(), timing.newsEveryMs);
    this.timer.unref();
  }

  /** How long a refused handshake is held before its refusal (Q52). */
  get socketRefusalHoldMs(): number {
    return this.settings.socketRefusalHoldMs;
  }

  command(session: Session): { ok: true } | QuotaRefusal {
    const wants = [`s:${session.sessionId}`, ...(session.joinCode ? [`c:${session.joinCode}`] : []), ...(session.pointId ? [`p:${session.conferenceId}:${session.pointId}`] : [])];
    return this.take(wants);
  }

  sync(session: Session): { ok: true } | QuotaRefusal {
    return this.take([`y:${session.sessionId}`]);
  }

  /** A snapshot for this session, counted against its join code's (Q14); a session without a code counts alone. */
  snapshot(session: Session): { ok: true } | QuotaRefusal {
    return this.take([`n:${session.joinCode ?? session.sessionId}`]);
  }

  /**
   * Counts a socket in, against its session and its join code (Q5, Q17), on every node (Q55); when either holds
   * its limit already, nothing is counted and the answer names the limit reached.
   */
  openSocket(session: Session): { ok: true } | { ok: false; reason: 'TOO_MANY_SOCKETS' | 'CODE_SOCKETS_FULL'; limit: number } {
    const { socketsPerSession, socketsPerCode } = this.settings;
    if (this.held(`s:${session.sessionId}`) >= socketsPerSession) return { ok: false, reason: 'TOO_MANY_SOCKETS', limit: socketsPerSession };
    if (session.joinCode && this.held(`c:${session.joinCode}`) >= socketsPerCode) return { ok: false, reason: 'CODE_SOCKETS_FULL', limit: socketsPerCode };
    for (const key of socketKeys(session)) this.countHere(key, 1);
    return { ok: true };
  }

  closeSocket(session: Session): void {
    for (const key of socketKeys(session)) this.countHere(key, -1);
  }

  /** This node stops: the others stop counting its sockets at once. */
  stop(): void {
    clearInterval(this.timer);
    this.share?.tell({ bye: true });
  }

  private take(keys: string[]): { ok: true } | QuotaRefusal {
    const taken = this.buckets.take(keys.map((key) => ({ key, rate: this.rateOf(key) })));
    if (taken.ok && this.share) for (const key of keys) this.spent.set(key, (this.spent.get(key) ?? 0) + 1);
    return taken;
  }

  /** Each budget's rate, from its key's kind. */
  private rateOf(key: string): Rate {
    const s = this.settings;
    const kinds: Record<string, Rate> = { s: s.sessionCommands, c: s.codeCommands, p: s.pointCommands, y: s.sessionSyncs, n: s.codeSnapshots };
    return kinds[key.slice(0, key.indexOf(':'))] ?? s.sessionCommands;
  }

  private held(key: string): number {
    return (this.sockets.get(key) ?? 0) + this.elsewhere.held(key, performance.now());
  }

  private countHere(key: string, delta: number): void {
    const held = (this.sockets.get(key) ?? 0) + delta;
    if (held <= 0) this.sockets.delete(key);
    else this.sockets.set(key, held);
    if (this.share) this.changed.add(key);
  }

  private hear(from: string, news: QuotaNews): void {
    if (news.bye) return this.elsewhere.gone(from);
    const t = performance.now();
    if (!news.full && !this.elsewhere.knows(from, t) && t - this.told.helloAt >= this.timing.deadAfterMs) this.told.helloDue = true;
    this.elsewhere.heard(from, t, news.sockets, news.full);
    for (const [key, n] of Object.entries(news.spent ?? {})) this.buckets.spend(key, this.rateOf(key), n);
    if (news.hello) this.told.fullDue = true;
  }

  private tellNews(): void {
    const t = performance.now();
    const news: QuotaNews = this.told.helloDue ? { hello: true } : {};
    if (this.spent.size > 0) news.spent = Object.fromEntries(this.spent);
    if (this.told.fullDue || t - this.told.fullAt >= this.timing.fullEveryMs) {
      Object.assign(news, { full: true, sockets: Object.fromEntries(this.sockets) });
      Object.assign(this.told, { fullAt: t, fullDue: false });
    } else if (this.changed.size > 0) {
      news.sockets = Object.fromEntries([...this.changed].map((key) => [key, this.sockets.get(key) ?? 0]));
    }
    if (Object.keys(news).length === 0 && t - this.told.at < this.timing.beatEveryMs) return;
    this.spent.clear();
    this.changed.clear();
    this.told.at = t;
    if (news.hello) Object.assign(this.told, { helloDue: false, helloAt: t });
    // Lost (Redis away): the others may have missed changes, and this node theirs; both sides start over.
    if (this.share?.tell(news) === false) Object.assign(this.told, { fullDue: true, helloDue: true });
  }
}
