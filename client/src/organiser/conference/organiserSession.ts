import { PROTOCOL_VERSION, type DomainError } from '@diem-cau/shared';
import { io } from 'socket.io-client';
import type { CommandBody } from '../../net/ConferenceConnection';
import { reloadForUpgrade } from '../../app/upgradeReload';
import { uuid } from '../../net/uuid';
import { parseCommandAck } from '../../net/wire';
import type { ApiResult } from '../api/http';
import type { OrganiserApi } from '../api/organiserApi';

const KEY = (conferenceId: string) => `diemcau.organiser.session.${conferenceId}`;
/** Renew a little before the hub would refuse the token. */
const RENEW_BEFORE_MS = 60_000;
const COMMAND_TIMEOUT_MS = 8_000;

interface Stored { token: string; expiresAt: number }

function cached(conferenceId: string): Stored | undefined {
  try {
    const raw = sessionStorage.getItem(KEY(conferenceId));
    const parsed = raw ? (JSON.parse(raw) as Partial<Stored>) : undefined;
    if (typeof parsed?.token === 'string' && typeof parsed.expiresAt === 'number' && parsed.expiresAt - RENEW_BEFORE_MS > Date.now()) {
      return { token: parsed.token, expiresAt: parsed.expiresAt };
    }
  } catch {
    // unreadable: ask the hub for a new one
  }
  return undefined;
}

/**
 * An organiser session of one conference (for the socket and the report links), kept for the
 * tab's life so reopening a conference does not create a session each time.
 */
export async function organiserSessionToken(api: OrganiserApi, conferenceId: string, fresh = false): Promise<ApiResult<string>> {
  const kept = fresh ? undefined : cached(conferenceId);
  if (kept) return { ok: true, value: kept.token };
  const answer = await api.organiserSession(conferenceId);
  if (!answer.ok) return answer;
  try {
    sessionStorage.setItem(KEY(conferenceId), JSON.stringify(answer.value));
  } catch {
    // not kept: the next page asks again
  }
  return { ok: true, value: answer.value.token };
}

/** One command over a short-lived socket: for the list's start and archive buttons. */
export async function sendOnce(token: string, conferenceId: string, body: CommandBody): Promise<{ ok: true } | { ok: false; error: DomainError }> {
  const socket = io({ auth: { token, protocol: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err) => reject(err));
    });
    const raw: unknown = await socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck('command', { ...body, commandId: uuid(), conferenceId });
    const ack = parseCommandAck(raw);
    return ack.ok ? { ok: true } : ack;
  } catch (error) {
    // A refusal at the handshake says why (U2: a workspace older than the hub is reloaded once, like the consoles).
    const refusal = (error as { data?: DomainError }).data;
    if (refusal?.reason === 'CONSOLE_OUTDATED') reloadForUpgrade(window.sessionStorage, Date.now(), () => window.location.reload());
    return { ok: false, error: refusal?.code ? refusal : { code: 'UNAVAILABLE', message: '' } };
  } finally {
    socket.close();
  }
}
