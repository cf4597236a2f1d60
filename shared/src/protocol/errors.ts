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
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export function fail(code: ErrorCode, message: string, details?: unknown): { ok: false; error: DomainError } {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
