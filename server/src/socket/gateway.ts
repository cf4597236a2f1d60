import {
  OLDEST_PROTOCOL_VERSION, PROTOCOL_VERSION, protocolVerdict, refuse, type Ack, type DomainError, type ClientToServerEvents, type ServerToClientEvents, type SyncResult,
} from '@diem-cau/shared';
import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import type { AccessService, SessionRefusal } from '../access/accessService';
import { actorOf } from '../access/actorOf';
import type { Session } from '../store/accessStore';
import type { ConferenceHub } from '../hub/conferenceHub';
import type { PresenceRelay } from '../presence/presenceRelay';
import { RefusalHold } from '../runtime/refusalHold';
import type { SessionQuotas } from './quotas/sessionQuotas';
import { newPace, paceAfterRefusal } from './quotas/refusalPacer';
import type { SnapshotShelf } from './sync/snapshotShelf';
import { answerSync } from './sync/syncAnswer';
import type { GatewayObserver } from '../metrics/hubMetrics';

export type HubServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { session: Session }>;
type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { session: Session }>;

/** Media signalling is plugged in by the media module; without it media requests are UNAVAILABLE. */
export type MediaHandler = (session: Session, socket: HubSocket, request: unknown) => Promise<Ack<{ data?: unknown }>>;

const SyncRequest = z.object({ sinceSeq: z.number().int().min(0) });

export const roomOf = (conferenceId: string) => `conf:${conferenceId}`;
/** Every socket of the sessions opened with one join code (on every hub node, through the adapter). */
const codeRoomOf = (code: string) => `code:${code}`;
/** The organisers' sockets of a conference (on every node): the livestream's warnings go there only (LS11). */
export const organisersRoomOf = (conferenceId: string) => `organisers:${conferenceId}`;

const REFUSAL_MESSAGE: Record<SessionRefusal, string> = {
  unknown: 'Phiên không hợp lệ',
  expired: 'Phiên làm việc đã hết hạn',
  revoked: 'Mã tham gia của phiên này đã bị thu hồi',
};

function safeAck<T>(ack: unknown): (res: T) => void {
  return typeof ack === 'function' ? (ack as (res: T) => void) : () => undefined;
}

/** A quota refusal the consoles can say in words, with how long to wait. */
function tooFast(reason: 'COMMANDS_TOO_FAST' | 'SYNCS_TOO_FAST', retryAfterMs: number): { ok: false; error: DomainError } {
  const refusal = refuse(reason, { seconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
  return { ok: false, error: { ...refusal.error, details: { retryAfterMs } } };
}

export interface GatewayDeps {
  hub: ConferenceHub;
  access: AccessService;
  logger: Logger;
  now: () => number;
  presence: PresenceRelay;
  quotas: SessionQuotas;
  snapshots: SnapshotShelf;
  media?: MediaHandler;
  /** Told of every answer (metrics). */
  observe?: GatewayObserver;
  /** The console protocols served (U2); the shared constants unless a test says otherwise. */
  protocols?: { oldest: number; current: number };
}

/** The WebSocket under a Socket.IO socket (consoles use no other transport), to stop and start reading it. */
function webSocketOf(socket: HubSocket): { pause(): void; resume(): void } | undefined {
  const ws = (socket.conn.transport as unknown as { socket?: { pause?: unknown; resume?: unknown } }).socket;
  return ws && typeof ws.pause === 'function' && typeof ws.resume === 'function' ? (ws as { pause(): void; resume(): void }) : undefined;
}

const reasonOf = (error: DomainError): string => error.reason ?? error.code;

/** An ack that also tells `seen` what it answered. */
const observed = <T>(ack: (res: T) => void, seen: (res: T) => void) => (res: T) => {
  ack(res);
  seen(res);
};

const retryAfterOf = (error: DomainError): number | undefined => {
  const wait = (error.details as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
  return typeof wait === 'number' ? wait : undefined;
};

/** A socket whose last message is not yet handed to the network (a console that stopped reading). */
const lineBusy = (socket: HubSocket) => !socket.conn.transport.writable;
const LINE_BUSY_RETRY_MS = 1_000;
/** Refused handshakes held at once (each holds a connection); past it they are refused at once. */
const MAX_HELD_HANDSHAKES = 512;

export function attachGateway(io: HubServer, deps: GatewayDeps): void {
  const { presence, quotas } = deps;

  /** A snapshot is large: within the join code's budget (Q14), and only to a line that took the previous message (Q15). */
  const snapshotAllowed = (session: Session, socket: HubSocket) => {
    if (lineBusy(socket)) return tooFast('SYNCS_TOO_FAST', LINE_BUSY_RETRY_MS);
    const quota = quotas.snapshot(session);
    return quota.ok ? quota : tooFast('SYNCS_TOO_FAST', quota.retryAfterMs);
  };

  const handshakes = new RefusalHold(MAX_HELD_HANDSHAKES);
  io.use(async (socket, next) => {
    // Q52: a refusal that asking again at once will not lift is told after a hold (as the HTTP edge's, Q48, Q51).
    const refuseLater = (error: Error) => handshakes.later(quotas.socketRefusalHoldMs, () => next(error), (gone) => socket.conn.once('close', gone));
    const auth = socket.handshake.auth as { token?: unknown; protocol?: unknown };
    // U2: a console older than the hub serves is told to reload; one newer (served by an upgraded node while this
    // one is not yet) to come back later, when the balancer may send it to an upgraded node.
    if (auth.protocol !== undefined) {
      const range = deps.protocols ?? { oldest: OLDEST_PROTOCOL_VERSION, current: PROTOCOL_VERSION };
      const verdict = typeof auth.protocol === 'number' ? protocolVerdict(auth.protocol, range) : 'CONSOLE_OUTDATED';
      if (verdict !== 'ok') {
        const refusal = refuse(verdict, { console: String(auth.protocol), oldest: range.oldest, current: range.current }).error;
        return next(Object.assign(new Error('PROTOCOL'), { data: refusal }));
      }
    }
    const checked = await deps.access.check(auth.token);
    // A client that hung up during the check is dropped by Socket.IO without a 'disconnect': count nothing for it.
    if (socket.conn.readyState !== 'open') return next(new Error('GONE'));
    if (!checked.ok) {
      const error = Object.assign(new Error('UNAUTHORIZED'), { data: { code: 'UNAUTHORIZED', message: REFUSAL_MESSAGE[checked.reason], details: { reason: checked.reason } } });
      // An expired or revoked session is a console to tell at once; a token never issued is someone trying tokens.
      return checked.reason === 'unknown' ? refuseLater(error) : next(error);
    }
    // Q5, Q17: more sockets buy a session or a code nothing; a console opened in one window too many is told so.
    const opened = quotas.openSocket(checked.session);
    if (!opened.ok) {
      deps.observe?.refused(opened.reason);
      const refusal = refuse(opened.reason, { limit: opened.limit }).error;
      return refuseLater(Object.assign(new Error(opened.reason), { data: refusal }));
    }
    socket.data.session = checked.session;
    next();
  });
  // A revoked code ends its live sessions; their consoles reconnect, are refused with reason "revoked" and say so.
  deps.access.onRevoked((code) => io.in(codeRoomOf(code)).disconnectSockets(true));

  io.on('connection', (socket: HubSocket) => {
    const session = socket.data.session;
    const room = roomOf(session.conferenceId);
    // While the socket is here, this node keeps the conference's room and makes sure it has an owner.
    const unfollow = deps.hub.follow(session.conferenceId);
    void socket.join([room, ...(session.joinCode ? [codeRoomOf(session.joinCode)] : []), ...(session.role === 'organiser' ? [organisersRoomOf(session.conferenceId)] : [])]);
    // A revocation landing between the handshake's check and this join would miss the socket: look once more.
    if (session.joinCode) void deps.access.isRevoked(session.joinCode).then((revoked) => revoked && socket.disconnect(true), () => undefined);
    const who = { role: session.role, ...(session.pointId ? { pointId: session.pointId } : {}) };
    presence.join(socket, session.conferenceId, who);
    // Q18: a socket that keeps asking while told to wait is not read until the wait is over.
    const pace = newPace();
    let resumeTimer: NodeJS.Timeout | undefined;
    let pausedLine: { resume(): void } | undefined;
    const readAgain = () => {
      clearTimeout(resumeTimer);
      resumeTimer = undefined;
      pausedLine?.resume();
      pausedLine = undefined;
    };
    const paced = <T>(ack: (res: T) => void) => (res: T) => {
      ack(res);
      const error = (res as { ok?: boolean; error?: DomainError }).error;
      if (error?.code === 'RATE_LIMITED') deps.observe?.refused(reasonOf(error));
      if (error?.code !== 'RATE_LIMITED' || resumeTimer) return;
      const pauseMs = paceAfterRefusal(pace, reasonOf(error), retryAfterOf(error), deps.now());
      const line = pauseMs > 0 ? webSocketOf(socket) : undefined;
      if (!line) return;
      // One warning per run of pauses (the longer ones that follow it within forgetMs are the same misbehaviour).
      if (pace.strikes === 1) deps.logger.warn({ sessionId: session.sessionId, role: session.role, conferenceId: session.conferenceId, pauseMs }, 'socket asks on after being told to wait: not read for a while');
      line.pause();
      pausedLine = line;
      resumeTimer = setTimeout(readAgain, pauseMs);
    };

    socket.on('command', async (raw, ackFn) => {
      const received = performance.now();
      const ack = paced(observed(safeAck<Ack<{ seq: number }>>(ackFn), (res) => deps.observe?.command((raw as { type?: unknown } | undefined)?.type, res.ok ? 'ok' : res.error.code, (performance.now() - received) / 1_000)));
      const quota = quotas.command(session);
      if (!quota.ok) return ack(tooFast('COMMANDS_TOO_FAST', quota.retryAfterMs));
      try {
        const outcome = await deps.hub.execute(session.conferenceId, raw, actorOf(session));
        ack(outcome.ok ? { ok: true, seq: outcome.seq } : outcome);
      } catch (error) {
        deps.logger.error({ err: error, conferenceId: session.conferenceId }, 'command failed');
        ack({ ok: false, error: { code: 'UNAVAILABLE', message: 'Không lưu được lệnh, vui lòng thử lại' } });
      }
    });

    socket.on('sync', async (raw, ackFn) => {
      const ack = paced(observed(safeAck<Ack<SyncResult>>(ackFn), (res) => deps.observe?.sync(res.ok ? ('snapshot' in res && res.snapshot ? 'snapshot' : 'events') : res.error.code)));
      const req = SyncRequest.safeParse(raw);
      if (!req.success) return ack({ ok: false, error: { code: 'INVALID', message: 'sync cần {sinceSeq: số nguyên ≥ 0}' } });
      const quota = quotas.sync(session);
      if (!quota.ok) return ack(tooFast('SYNCS_TOO_FAST', quota.retryAfterMs));
      try {
        ack(await answerSync({ hub: deps.hub, shelf: deps.snapshots, maySendSnapshot: () => snapshotAllowed(session, socket) }, session.conferenceId, req.data.sinceSeq));
      } catch (error) {
        // A store that fails (Redis away) must cost this answer, never the process.
        deps.logger.error({ err: error, conferenceId: session.conferenceId }, 'sync failed');
        ack({ ok: false, error: { code: 'UNAVAILABLE', message: 'Không đọc được nhật ký, vui lòng thử lại' } });
      }
    });

    socket.on('time', (_req, ackFn) => safeAck<Ack<{ serverTime: number }>>(ackFn)({ ok: true, serverTime: deps.now() }));

    socket.on('media', async (raw, ackFn) => {
      const ack = paced(safeAck<Ack<{ data?: unknown }>>(ackFn));
      if (!deps.media) return ack({ ok: false, error: { code: 'UNAVAILABLE', message: 'Máy chủ chưa bật truyền hình' } });
      try {
        ack(await deps.media(session, socket, raw));
      } catch (error) {
        deps.logger.error({ err: error }, 'media request failed');
        ack({ ok: false, error: { code: 'UNAVAILABLE', message: 'Lỗi truyền hình' } });
      }
    });

    socket.on('disconnect', () => {
      // Read again so the closing handshake completes now, not after the pause.
      readAgain();
      quotas.closeSocket(session);
      unfollow();
      presence.leave(socket, session.conferenceId, who);
    });
  });
}
