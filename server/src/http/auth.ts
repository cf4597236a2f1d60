import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { AccessService } from '../access/accessService';
import type { Session } from '../store/accessStore';
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

export function requireAdmin(adminToken: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (isAdminToken(bearer(req), adminToken)) return next();
    sendError(res, { code: 'UNAUTHORIZED', message: 'Cần mã quản trị (Authorization: Bearer ADMIN_TOKEN)' });
  };
}

/** Admin token, or a session of the conference named in the path. */
export async function sessionOrAdmin(req: Request, access: AccessService, adminToken: string): Promise<Session | 'admin' | undefined> {
  const token = bearer(req) ?? (typeof req.query.token === 'string' ? req.query.token : undefined);
  if (isAdminToken(token, adminToken)) return 'admin';
  const session = await access.authenticate(token);
  return session && session.conferenceId === req.params.id ? session : undefined;
}
