/**
 * What one user may cost the hub (Q1–Q19): limits counted per session, per join code and per point across
 * all their sockets, on every hub node (Q55), so opening more sockets buys nothing. Filled from config in main.ts,
 * from QUOTA_DEFAULTS in tests.
 */
export interface Rate {
  perS: number;
  burst: number;
}

export interface QuotaSettings {
  /** Commands of one session, whatever its sockets (Q1). */
  sessionCommands: Rate;
  /** Commands of every session opened with one join code (several secretaries on one code, a point's consoles), Q2. */
  codeCommands: Rate;
  /** Commands on behalf of one point, whichever of its codes (Q3). */
  pointCommands: Rate;
  /** `sync` calls of one session: a snapshot costs the hub a fold and a large write (Q4). */
  sessionSyncs: Rate;
  /**
   * Snapshots sent to the sessions of one join code (Q14): a display code opened on many screens, all asking
   * for the whole log. Shared snapshots make each one a write, not a fold; this bounds the writes.
   */
  codeSnapshots: Rate;
  /** Sockets one session may hold open (on all nodes, Q55): a console, a reconnect overlapping it, a second tab (Q5). */
  socketsPerSession: number;
  /**
   * Sockets the sessions of one join code hold together, on all nodes (Q17): a display code is opened on the
   * hall's screens and a few more, not on a thousand tabs; each point has codes of its own.
   */
  socketsPerCode: number;
  /**
   * A socket refused at the handshake for a quota (TOO_MANY_SOCKETS, CODE_SOCKETS_FULL) or an unknown token is
   * told so this long after asking (Q52): thousands of tries from one code cost the hub a few a second, not
   * hundreds. 0: at once.
   */
  socketRefusalHoldMs: number;
  /**
   * Handshakes one client address may start: past the burst they are spaced 1/perS apart, held, not refused;
   * an address whose handshakes would wait past handshakeMaxWaitMs is refused (Q54).
   */
  handshakesPerAddress: Rate;
  handshakeMaxWaitMs: number;
  /** Written comments a point may file in one conference, and their characters in all (Q6). */
  writtenCommentsPerPoint: number;
  writtenCharsPerPoint: number;
  /**
   * Media: transports of one session across its sockets, of one join code's sessions together (a display code
   * opened on many screens, Q16), of one conference; the same for consumers (Q7–Q9).
   */
  transportsPerSession: number;
  transportsPerCode: number;
  transportsPerConference: number;
  consumersPerSession: number;
  consumersPerCode: number;
  consumersPerConference: number;
  /** A transport not connected (DTLS) this long after its creation is closed and its ports freed (Q10). */
  transportConnectMs: number;
  /**
   * The largest Socket.IO message the hub reads, before or after the handshake's authentication (Q13): a
   * written comment of 10,000 Vietnamese characters is ~30 KB, a console's media capabilities ~10 KB.
   */
  messageBytes: number;
}

export const QUOTA_DEFAULTS: QuotaSettings = {
  sessionCommands: { perS: 20, burst: 60 },
  codeCommands: { perS: 60, burst: 180 },
  pointCommands: { perS: 30, burst: 90 },
  sessionSyncs: { perS: 1, burst: 10 },
  codeSnapshots: { perS: 10, burst: 100 },
  socketsPerSession: 4,
  socketsPerCode: 200,
  socketRefusalHoldMs: 1_000,
  handshakesPerAddress: { perS: 20, burst: 10 },
  handshakeMaxWaitMs: 10_000,
  writtenCommentsPerPoint: 200,
  writtenCharsPerPoint: 200_000,
  transportsPerSession: 4,
  transportsPerCode: 64,
  transportsPerConference: 1_000,
  consumersPerSession: 400,
  consumersPerCode: 4_000,
  consumersPerConference: 20_000,
  transportConnectMs: 15_000,
  messageBytes: 256 * 1024,
};

export function quotaSettings(overrides: Partial<QuotaSettings> = {}): QuotaSettings {
  return { ...QUOTA_DEFAULTS, ...overrides };
}
