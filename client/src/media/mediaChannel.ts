import { ERROR_CODE, MediaNoticeSchema, PROTOCOL_VERSION, type DomainError, type ErrorCode, type MediaNotice, type MediaRequest } from '@diem-cau/shared';
import { io, type Socket } from 'socket.io-client';

const MEDIA_REQUEST_TIMEOUT_MS = 8_000;

export type MediaAnswer = { ok: true; data: unknown } | { ok: false; error: DomainError };

export interface MediaChannelHandlers {
  connect(): void;
  disconnect(): void;
  notice(notice: MediaNotice): void;
}

/** The media signalling as the media session needs it: request / ack, notices, connection changes. */
export interface MediaChannel {
  readonly connected: boolean;
  open(handlers: MediaChannelHandlers): void;
  request(body: MediaRequest): Promise<MediaAnswer>;
  close(): void;
}

/**
 * The `media` event on a Socket.IO connection of its own, authenticated with the console's session token.
 * The hub takes the acting point from that session, exactly as for the console's main connection; the
 * server closes what this socket created when it goes away, so a reconnect starts the media afresh.
 * (ConferenceConnection keeps its socket private: sharing it would need an accessor there.)
 */
export function socketMediaChannel(token: string, url?: string): MediaChannel {
  let socket: Socket | undefined;
  return {
    get connected() {
      return socket?.connected ?? false;
    },
    open(h) {
      const options = { auth: { token, protocol: PROTOCOL_VERSION }, reconnectionDelayMax: 5_000, forceNew: true };
      socket = url ? io(url, options) : io(options);
      socket.on('connect', h.connect);
      socket.on('disconnect', h.disconnect);
      socket.on('media', (raw: unknown) => {
        const parsed = MediaNoticeSchema.safeParse(raw);
        if (parsed.success) h.notice(parsed.data);
      });
    },
    async request(body) {
      if (!socket?.connected) return { ok: false, error: { code: 'UNAVAILABLE', message: 'offline' } };
      try {
        return parseAnswer(await socket.timeout(MEDIA_REQUEST_TIMEOUT_MS).emitWithAck('media', body));
      } catch {
        return { ok: false, error: { code: 'UNAVAILABLE', message: 'timeout' } };
      }
    },
    close: () => void socket?.close(),
  };
}

const CODES = new Set<string>(Object.values(ERROR_CODE));
const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && CODES.has(code);

/** The ack's envelope; the data itself is parsed by whoever asked, against the action's own schema. */
function parseAnswer(raw: unknown): MediaAnswer {
  if (typeof raw !== 'object' || raw === null || !('ok' in raw)) return { ok: false, error: { code: 'INVALID', message: 'bad media answer' } };
  if (raw.ok === true) return { ok: true, data: 'data' in raw ? raw.data : undefined };
  const error: unknown = 'error' in raw ? raw.error : undefined;
  const code = typeof error === 'object' && error !== null && 'code' in error && isErrorCode(error.code) ? error.code : 'UNAVAILABLE';
  const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : '';
  return { ok: false, error: { code, message } };
}
