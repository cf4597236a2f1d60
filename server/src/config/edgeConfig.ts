import { z } from 'zod';
import type { EdgeSettings } from '../http/edge/edgeSettings';

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const AddressOrRange = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);

/**
 * TRUST_PROXY: which hops may say who the client is in X-Forwarded-For (Express `trust proxy`): `false`,
 * a number of hops, or addresses, CIDR ranges and loopback/linklocal/uniquelocal, comma-separated. `true`
 * is refused: trusting every hop lets any client choose the address it is throttled under.
 */
const TrustProxySchema = z.string().trim().transform((text, ctx): boolean | number | string => {
  if (text === 'false') return false;
  if (/^\d+$/.test(text)) return Number(text);
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((s) => !NAMED_RANGES.has(s) && !AddressOrRange.safeParse(s).success);
  if (text === 'true' || items.length === 0 || bad.length > 0) {
    ctx.addIssue({ code: 'custom', message: `false, a hop count, or addresses/ranges/loopback,linklocal,uniquelocal (not ${bad.join(', ') || text})` });
    return z.NEVER;
  }
  return items.join(',');
});

/** ALLOWED_ORIGINS: browser origins (scheme://host[:port]) allowed besides PUBLIC_URL's, comma-separated. */
const OriginsSchema = z.string().transform((text, ctx) => {
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  const origins = items.map((s) => (URL.canParse(s) ? new URL(s) : undefined));
  if (origins.some((u, i) => !u || !/^https?:$/.test(u.protocol) || u.origin !== items[i]?.replace(/\/$/, ''))) {
    ctx.addIssue({ code: 'custom', message: 'each entry is an origin like https://hoinghi.example.vn or http://10.0.0.5:3000' });
    return z.NEVER;
  }
  return origins.map((u) => u?.origin ?? '');
});

const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** The HTTP edge's settings (Q30–Q49), spread into the config schema; defaults as in EDGE_DEFAULTS. */
export const EDGE_ENV = {
  HTTP_PUBLIC_BODY_BYTES: int(256, 65_536, 2_048),
  HTTP_BODY_BYTES: int(65_536, 64 * 1024 * 1024, 4 * 1024 * 1024),
  HTTP_JSON_MAX_DEPTH: int(4, 256, 32),
  BODY_REFUSAL_HOLD_MS: int(0, 10_000, 1_000),
  GUESS_FREE_FAILURES: int(1, 100, 5),
  GUESS_BACKOFF_BASE_MS: int(100, 60_000, 1_000),
  GUESS_BACKOFF_MAX_MS: int(1_000, 86_400_000, 900_000),
  GUESS_GLOBAL_FAILURES_PER_MIN: int(10, 100_000, 300),
  GUESS_FORGET_MS: int(60_000, 7 * 86_400_000, 3_600_000),
  GUESS_HOLD_MS: int(0, 10_000, 1_000),
  TRUST_PROXY: TrustProxySchema.default('loopback'),
  ALLOWED_ORIGINS: OriginsSchema.default([]),
  REPORT_LINK_TTL_MS: int(5_000, 600_000, 60_000),
  SESSION_SWEEP_MS: int(60_000, 86_400_000, 3_600_000),
  SESSION_EXPIRED_KEEP_H: int(0, 24 * 30, 24),
};
export type EdgeEnv = z.infer<z.ZodObject<typeof EDGE_ENV>>;

export function edgeSettingsFrom(c: EdgeEnv): EdgeSettings {
  const guesses = {
    freeFailures: c.GUESS_FREE_FAILURES, backoffBaseMs: c.GUESS_BACKOFF_BASE_MS, backoffMaxMs: c.GUESS_BACKOFF_MAX_MS,
    globalFailuresPerMin: c.GUESS_GLOBAL_FAILURES_PER_MIN, forgetMs: c.GUESS_FORGET_MS, holdRefusalMs: c.GUESS_HOLD_MS,
  };
  return {
    publicBodyBytes: c.HTTP_PUBLIC_BODY_BYTES, bodyBytes: c.HTTP_BODY_BYTES, jsonMaxDepth: c.HTTP_JSON_MAX_DEPTH, bodyRefusalHoldMs: c.BODY_REFUSAL_HOLD_MS,
    joinCodeGuesses: guesses, tokenGuesses: guesses, trustProxy: c.TRUST_PROXY, allowedOrigins: c.ALLOWED_ORIGINS,
    reportLinkTtlMs: c.REPORT_LINK_TTL_MS, sessionSweepMs: c.SESSION_SWEEP_MS, sessionKeepExpiredMs: c.SESSION_EXPIRED_KEEP_H * 3_600_000,
  };
}
