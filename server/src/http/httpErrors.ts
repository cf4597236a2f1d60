import type { DomainError, ErrorCode } from '@diem-cau/shared';
import type { Response } from 'express';
import type { z } from 'zod';

const STATUS: Record<ErrorCode, number> = {
  INVALID: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429, UNAVAILABLE: 503,
};

export function sendError(res: Response, error: DomainError): void {
  res.status(STATUS[error.code]).json({ error });
}

export function invalid(error: z.ZodError): DomainError {
  const details = error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
  return { code: 'INVALID', message: 'Dữ liệu không hợp lệ', details };
}
