import { randomBytes } from 'node:crypto';
import type { AccessStore, ReportLink } from '../store/accessStore';
import { hashToken } from './accessService';

/**
 * Single-use report links (Q41). A console that holds a session (or the admin token) asks for one; the
 * browser follows it once, within `ttlMs`. A plain link cannot carry an Authorization header, and the
 * session token in a URL would stay in the browser's history and every proxy's log for its seven days;
 * this id is worth one download for a minute. Kept in the access store, hashed like session tokens, so
 * whichever node the browser reaches can redeem it.
 */
export class ReportLinks {
  constructor(
    private readonly store: AccessStore,
    private readonly now: () => number,
    private readonly ttlMs: number,
  ) {}

  async issue(conferenceId: string, file: string, options: Record<string, string>): Promise<{ id: string; expiresAt: number }> {
    const id = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + this.ttlMs;
    await this.store.saveReportLink(hashToken(id), { conferenceId, file, options, expiresAt });
    return { id, expiresAt };
  }

  /** The link, once: used, expired or unknown links all answer undefined. */
  async redeem(id: string): Promise<ReportLink | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
    const link = await this.store.takeReportLink(hashToken(id));
    return link && link.expiresAt > this.now() ? link : undefined;
  }
}
