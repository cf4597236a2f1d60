import pino, { type Logger } from 'pino';

/** Structured logs; tokens, codes and authorization headers never reach them. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'diem-cau' },
    redact: { paths: ['token', '*.token', 'code', '*.code', 'req.headers.authorization', 'auth', '*.auth'], censor: '[redacted]' },
  });
}
