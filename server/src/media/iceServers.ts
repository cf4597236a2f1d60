import { createHmac } from 'node:crypto';
import type { IceServer } from '@diem-cau/shared';

/** How long TURN credentials minted for a session stay valid: a long conference day. */
export const TURN_CREDENTIAL_TTL_S = 12 * 3_600;

export interface IceServerConfig {
  /** Fixed STUN / TURN servers (MEDIA_ICE_SERVERS), handed to every client as they are. */
  staticServers: IceServer[];
  /** coturn with `use-auth-secret`: the hub mints short-lived credentials per session (MEDIA_TURN_*). */
  turn?: { urls: string[]; secret: string };
}

/**
 * The ICE servers one session's browser gets. TURN credentials follow coturn's REST API scheme
 * (username `expiry:user`, password base64 HMAC-SHA1 of it with the shared secret), so no long-lived
 * TURN password ever reaches a browser.
 */
export function iceServersFor(config: IceServerConfig, userId: string, nowMs: number): IceServer[] {
  if (!config.turn) return config.staticServers;
  const username = `${Math.floor(nowMs / 1000) + TURN_CREDENTIAL_TTL_S}:${userId}`;
  const credential = createHmac('sha1', config.turn.secret).update(username).digest('base64');
  return [...config.staticServers, { urls: config.turn.urls, username, credential }];
}
