import { z } from 'zod';
import { QUOTA_DEFAULTS, type QuotaSettings } from '../socket/quotas/quotaSettings';

const count = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);
const rate = (fallback: number) => z.coerce.number().min(0.01).max(100_000).default(fallback);
const d = QUOTA_DEFAULTS;

/** The QUOTA_* variables (README, configuration): one per limit of QuotaSettings, defaults from QUOTA_DEFAULTS. */
export const QUOTA_ENV = {
  QUOTA_SESSION_COMMANDS_PER_S: rate(d.sessionCommands.perS),
  QUOTA_SESSION_COMMAND_BURST: count(1, 100_000, d.sessionCommands.burst),
  QUOTA_CODE_COMMANDS_PER_S: rate(d.codeCommands.perS),
  QUOTA_CODE_COMMAND_BURST: count(1, 100_000, d.codeCommands.burst),
  QUOTA_POINT_COMMANDS_PER_S: rate(d.pointCommands.perS),
  QUOTA_POINT_COMMAND_BURST: count(1, 100_000, d.pointCommands.burst),
  QUOTA_SESSION_SYNCS_PER_S: rate(d.sessionSyncs.perS),
  QUOTA_SESSION_SYNC_BURST: count(1, 10_000, d.sessionSyncs.burst),
  QUOTA_CODE_SNAPSHOTS_PER_S: rate(d.codeSnapshots.perS),
  QUOTA_CODE_SNAPSHOT_BURST: count(1, 100_000, d.codeSnapshots.burst),
  QUOTA_SOCKETS_PER_SESSION: count(1, 64, d.socketsPerSession),
  QUOTA_SOCKETS_PER_CODE: count(1, 1_000_000, d.socketsPerCode),
  SOCKET_REFUSAL_HOLD_MS: count(0, 10_000, d.socketRefusalHoldMs),
  QUOTA_HANDSHAKES_PER_ADDRESS_PER_S: rate(d.handshakesPerAddress.perS),
  QUOTA_HANDSHAKE_BURST_PER_ADDRESS: count(1, 1_000_000, d.handshakesPerAddress.burst),
  HANDSHAKE_MAX_WAIT_MS: count(0, 60_000, d.handshakeMaxWaitMs),
  QUOTA_WRITTEN_COMMENTS_PER_POINT: count(1, 100_000, d.writtenCommentsPerPoint),
  QUOTA_WRITTEN_CHARS_PER_POINT: count(1_000, 100_000_000, d.writtenCharsPerPoint),
  QUOTA_TRANSPORTS_PER_SESSION: count(1, 64, d.transportsPerSession),
  QUOTA_TRANSPORTS_PER_CODE: count(1, 100_000, d.transportsPerCode),
  QUOTA_TRANSPORTS_PER_CONFERENCE: count(1, 100_000, d.transportsPerConference),
  QUOTA_CONSUMERS_PER_SESSION: count(1, 100_000, d.consumersPerSession),
  QUOTA_CONSUMERS_PER_CODE: count(1, 1_000_000, d.consumersPerCode),
  QUOTA_CONSUMERS_PER_CONFERENCE: count(1, 1_000_000, d.consumersPerConference),
  MEDIA_TRANSPORT_CONNECT_MS: count(1_000, 600_000, d.transportConnectMs),
  SOCKET_MAX_MESSAGE_BYTES: count(64 * 1024, 16 * 1024 * 1024, d.messageBytes),
};

type QuotaEnv = { [K in keyof typeof QUOTA_ENV]: z.infer<(typeof QUOTA_ENV)[K]> };

export function quotasFromConfig(c: QuotaEnv): QuotaSettings {
  return {
    sessionCommands: { perS: c.QUOTA_SESSION_COMMANDS_PER_S, burst: c.QUOTA_SESSION_COMMAND_BURST },
    codeCommands: { perS: c.QUOTA_CODE_COMMANDS_PER_S, burst: c.QUOTA_CODE_COMMAND_BURST },
    pointCommands: { perS: c.QUOTA_POINT_COMMANDS_PER_S, burst: c.QUOTA_POINT_COMMAND_BURST },
    sessionSyncs: { perS: c.QUOTA_SESSION_SYNCS_PER_S, burst: c.QUOTA_SESSION_SYNC_BURST },
    codeSnapshots: { perS: c.QUOTA_CODE_SNAPSHOTS_PER_S, burst: c.QUOTA_CODE_SNAPSHOT_BURST },
    socketsPerSession: c.QUOTA_SOCKETS_PER_SESSION,
    socketsPerCode: c.QUOTA_SOCKETS_PER_CODE, socketRefusalHoldMs: c.SOCKET_REFUSAL_HOLD_MS,
    handshakesPerAddress: { perS: c.QUOTA_HANDSHAKES_PER_ADDRESS_PER_S, burst: c.QUOTA_HANDSHAKE_BURST_PER_ADDRESS }, handshakeMaxWaitMs: c.HANDSHAKE_MAX_WAIT_MS,
    writtenCommentsPerPoint: c.QUOTA_WRITTEN_COMMENTS_PER_POINT,
    writtenCharsPerPoint: c.QUOTA_WRITTEN_CHARS_PER_POINT,
    transportsPerSession: c.QUOTA_TRANSPORTS_PER_SESSION,
    transportsPerCode: c.QUOTA_TRANSPORTS_PER_CODE,
    transportsPerConference: c.QUOTA_TRANSPORTS_PER_CONFERENCE,
    consumersPerSession: c.QUOTA_CONSUMERS_PER_SESSION,
    consumersPerCode: c.QUOTA_CONSUMERS_PER_CODE,
    consumersPerConference: c.QUOTA_CONSUMERS_PER_CONFERENCE,
    transportConnectMs: c.MEDIA_TRANSPORT_CONNECT_MS,
    messageBytes: c.SOCKET_MAX_MESSAGE_BYTES,
  };
}
