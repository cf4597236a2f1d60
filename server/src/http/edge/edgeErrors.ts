import type { DomainError } from '@diem-cau/shared';
import type { Response } from 'express';

/**
 * Why the edge refused a request before any work (Q30–Q49). Like the import errors, the reason rides in
 * `details.reason`; the code is the API's usual one.
 */
export const EDGE_REASON = {
  BAD_JSON: 'BAD_JSON',
  BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  BODY_TOO_DEEP: 'BODY_TOO_DEEP',
  UNSUPPORTED_ENCODING: 'UNSUPPORTED_ENCODING',
  BAD_URL: 'BAD_URL',
  BAD_REQUEST: 'BAD_REQUEST',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
  ORIGIN_NOT_ALLOWED: 'ORIGIN_NOT_ALLOWED',
  LINK_USED_OR_EXPIRED: 'LINK_USED_OR_EXPIRED',
} as const;
export type EdgeReason = (typeof EDGE_REASON)[keyof typeof EDGE_REASON];

export interface EdgeRefusal {
  status: number;
  error: DomainError;
}

export function edgeRefusal(status: number, code: DomainError['code'], reason: EdgeReason, message: string, details: Record<string, unknown> = {}): EdgeRefusal {
  return { status, error: { code, message, details: { reason, ...details } } };
}

export function sendRefusal(res: Response, refusal: EdgeRefusal): void {
  res.status(refusal.status).json({ error: refusal.error });
}

/** 429 with the wait both ways: `details.retryAfterMs` for programs, Retry-After (seconds) for HTTP clients. */
export function tooManyAttempts(retryAfterMs: number, scope: 'address' | 'global'): EdgeRefusal {
  return edgeRefusal(429, 'RATE_LIMITED', EDGE_REASON.TOO_MANY_ATTEMPTS, `Thử sai quá nhiều lần: thử lại sau ${Math.ceil(retryAfterMs / 1000)} giây`, { retryAfterMs, scope });
}

export function sendTooManyAttempts(res: Response, retryAfterMs: number, scope: 'address' | 'global'): void {
  res.setHeader('Retry-After', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
  sendRefusal(res, tooManyAttempts(retryAfterMs, scope));
}
