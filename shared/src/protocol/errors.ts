import { REASONS, type Reason, type ReasonParams } from './reasons';

/** Typed error codes shared by the hub, the HTTP API and the clients. */
export const ERROR_CODE = {
  INVALID: 'INVALID',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  UNAVAILABLE: 'UNAVAILABLE',
  UNAUTHORIZED: 'UNAUTHORIZED',
} as const;
export type ErrorCode = (typeof ERROR_CODE)[keyof typeof ERROR_CODE];

export interface DomainError {
  code: ErrorCode;
  message: string;
  /** Optional machine-readable detail, e.g. the zod issue paths of an INVALID command. */
  details?: unknown;
  /** Why, for the consoles to say in the user's language (the message is Vietnamese, for logs and API users). */
  reason?: Reason;
  params?: ReasonParams;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export function fail(code: ErrorCode, message: string, details?: unknown): { ok: false; error: DomainError } {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}

/** A refusal of the domain: its code and Vietnamese message from the reason catalogue, the reason for the consoles. */
export function refuse(reason: Reason, params: ReasonParams = {}): { ok: false; error: DomainError } {
  const { code, vi } = REASONS[reason];
  return { ok: false, error: { code, message: vi(params), reason, ...(Object.keys(params).length > 0 ? { params } : {}) } };
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
