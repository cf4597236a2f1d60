import { ERROR_CODE, MediaNoticeSchema, type DomainError, type ErrorCode, type MediaNotice, type MediaRequest } from '@diem-cau/shared';
import type { Socket } from 'socket.io-client';
import { listenOnHubSocket } from '../net/hubSocket';

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
 * The `media` event on the console's own Socket.IO connection (shared through hubSocket.ts). The hub
 * takes the acting point from that session; it closes what the connection created when it goes away,
 * so a reconnect starts the media afresh.
 */
export function socketMediaChannel(token: string, url?: string): MediaChannel {
  let socket: Socket | undefined;
  let release = () => undefined as void;
  return {
    get connected() {
      return socket?.connected ?? false;
    },
    open(h) {
      const media = (raw: unknown) => {
        const parsed = MediaNoticeSchema.safeParse(raw);
        if (parsed.success) h.notice(parsed.data);
      };
      // Already connected (the console opened it first): the media starts at once, not at the next connect.
      ({ socket, release } = listenOnHubSocket(token, url, { connect: h.connect, disconnect: h.disconnect, media }));
    },
    async request(body) {
      if (!socket?.connected) return { ok: false, error: { code: 'UNAVAILABLE', message: 'offline' } };
      try {
        return parseAnswer(await socket.timeout(MEDIA_REQUEST_TIMEOUT_MS).emitWithAck('media', body));
      } catch {
        return { ok: false, error: { code: 'UNAVAILABLE', message: 'timeout' } };
      }
    },
    close: () => {
      if (!socket) return;
      release();
      socket = undefined;
    },
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
