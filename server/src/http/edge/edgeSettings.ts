/** How much a guesser may try before waiting (Q34–Q37): per client address and across all of them. */
export interface GuessLimits {
  /** Failures an address may make before each further one makes it wait. */
  freeFailures: number;
  /** The first wait; each further failure doubles it, up to backoffMaxMs. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Failures per minute from all addresses together; past it every attempt waits (a distributed guesser). */
  globalFailuresPerMin: number;
  /** An address that has not failed for this long starts again from zero. */
  forgetMs: number;
  /**
   * A client told to wait is told so this long after asking (at most its wait): one that asks on regardless gets
   * one answer per connection per hold, not thousands a second (Q48). 0 answers at once.
   */
  holdRefusalMs: number;
}

/** The HTTP edge's limits: one object, filled from config in main.ts and from the defaults in tests. */
export interface EdgeSettings {
  /** JSON bodies on routes without authentication (POST /api/sessions), Q30. */
  publicBodyBytes: number;
  /** JSON bodies once the admin token or a session is checked, Q31. */
  bodyBytes: number;
  /** Nesting of arrays and objects in any JSON body, Q32. */
  jsonMaxDepth: number;
  /** A body refused (too large, too deep, not JSON) is answered this long after it was sent, Q51; 0: at once. */
  bodyRefusalHoldMs: number;
  joinCodeGuesses: GuessLimits;
  tokenGuesses: GuessLimits;
  /** Express `trust proxy`: which hops may name the client in X-Forwarded-For (Q38). */
  trustProxy: boolean | number | string;
  /** Origins allowed besides PUBLIC_URL's (or, without it, the request's own host), Q46. */
  allowedOrigins: readonly string[];
  /** How long a report link lives before its single use, Q41. */
  reportLinkTtlMs: number;
  /** How often expired sessions and report links are deleted, Q39. */
  sessionSweepMs: number;
  /** How long an expired session is kept, so its console is told "expired" rather than "unknown", Q39. */
  sessionKeepExpiredMs: number;
}

const GUESSES: GuessLimits = { freeFailures: 5, backoffBaseMs: 1_000, backoffMaxMs: 15 * 60_000, globalFailuresPerMin: 300, forgetMs: 60 * 60_000, holdRefusalMs: 1_000 };

export const EDGE_DEFAULTS: EdgeSettings = {
  publicBodyBytes: 2_048,
  bodyBytes: 4 * 1024 * 1024,
  jsonMaxDepth: 32,
  bodyRefusalHoldMs: 1_000,
  joinCodeGuesses: GUESSES,
  tokenGuesses: GUESSES,
  trustProxy: 'loopback',
  allowedOrigins: [],
  reportLinkTtlMs: 60_000,
  sessionSweepMs: 60 * 60_000,
  sessionKeepExpiredMs: 24 * 60 * 60_000,
};

export function edgeSettings(overrides: Partial<EdgeSettings> = {}): EdgeSettings {
  return { ...EDGE_DEFAULTS, ...overrides };
}
