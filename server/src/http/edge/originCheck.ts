import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { EDGE_REASON, edgeRefusal, sendRefusal } from './edgeErrors';

/** Which browser origins may open a socket or change state (Q46). */
export interface OriginPolicy {
  /** PUBLIC_URL's origin; without it, a page of the hub's own host (Origin host = Host header). */
  publicOrigin?: string;
  extra: ReadonlySet<string>;
}

export function originPolicy(publicUrl: string | undefined, allowed: readonly string[]): OriginPolicy {
  const extra = new Set(allowed.map((o) => new URL(o).origin));
  return publicUrl ? { publicOrigin: new URL(publicUrl).origin, extra } : { extra };
}

/** "example.org:443" and "example.org" name the same host for an https origin; compare without default ports. */
function withoutDefaultPort(host: string): string {
  return host.toLowerCase().replace(/:(80|443)$/, '');
}

/**
 * No Origin header: not a browser's cross-site request (curl, the tests, Node clients) — allowed, the
 * token still decides. "null" (sandboxed frames, file:) and anything unparsable are refused.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, policy: OriginPolicy): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (policy.extra.has(parsed.origin)) return true;
  if (policy.publicOrigin) return parsed.origin === policy.publicOrigin;
  return host !== undefined && withoutDefaultPort(parsed.host) === withoutDefaultPort(host);
}

export const requestOriginAllowed = (req: IncomingMessage, policy: OriginPolicy): boolean => originAllowed(req.headers.origin, req.headers.host, policy);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** State-changing API requests from a page of another origin are refused before anything else. */
export function originGuard(policy: OriginPolicy) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(req.method) || requestOriginAllowed(req, policy)) return next();
    sendRefusal(res, edgeRefusal(403, 'FORBIDDEN', EDGE_REASON.ORIGIN_NOT_ALLOWED, 'Nguồn (Origin) của yêu cầu không được phép'));
  };
}

/**
 * Socket.IO's `allowRequest`: every handshake request (polling and the WebSocket upgrade) from a page of
 * another origin is refused with 403 before the session is even looked at. Engine.IO answers
 * `{code: 4, message}`; the message names the typed code.
 */
export function socketOriginCheck(policy: OriginPolicy, onRefused: (origin: string | undefined) => void) {
  return (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void): void => {
    if (requestOriginAllowed(req, policy)) return callback(null, true);
    onRefused(req.headers.origin);
    callback(`FORBIDDEN: ${EDGE_REASON.ORIGIN_NOT_ALLOWED}`, false);
  };
}
