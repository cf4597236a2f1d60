import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AccessService } from '../access/accessService';
import type { Session } from '../store/accessStore';
import { guardsOf } from './edge/guessGuard';
import { sendError } from './httpErrors';

export function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

export function isAdminToken(token: string | undefined, adminToken: string): boolean {
  if (!token) return false;
  const a = Buffer.from(token);
  const b = Buffer.from(adminToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The admin token, throttled per client address (Q36): a client that keeps presenting wrong tokens waits
 * before its next one is even compared. A request without a token is no guess and is not counted.
 */
export function requireAdmin(adminToken: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const guard = guardsOf(req)?.tokens;
    if (guard?.refused(req, res)) return;
    const token = bearer(req);
    if (isAdminToken(token, adminToken)) return next();
    if (token !== undefined) guard?.failed(req);
    sendError(res, { code: 'UNAUTHORIZED', message: 'Cần mã quản trị (Authorization: Bearer ADMIN_TOKEN)' });
  };
}

export type Caller = Session | 'admin';

/** Who `requireConferenceAccess` let through. */
export const callerOf = (res: Response): Caller => res.locals.caller as Caller;

/**
 * Admin token, or a session of the conference named in the path, always in the Authorization header
 * (never in a URL: Q41). Sessions are checked first: their tokens are 256 random bits, so a console
 * behind an address that is waiting for someone's wrong admin tokens keeps working; any other token is
 * a guess at the admin token and goes through its throttle.
 */
export function requireConferenceAccess(access: AccessService, adminToken: string) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = bearer(req);
    const session = await access.authenticate(token);
    if (session && session.conferenceId === req.params.id) {
      res.locals.caller = session;
      return next();
    }
    const guard = guardsOf(req)?.tokens;
    if (guard?.refused(req, res)) return;
    if (isAdminToken(token, adminToken)) {
      res.locals.caller = 'admin';
      return next();
    }
    if (token !== undefined && !session) guard?.failed(req);
    sendError(res, { code: 'UNAUTHORIZED', message: 'Cần phiên của hội nghị này' });
  };
}
