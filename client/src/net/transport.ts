import type { Socket } from 'socket.io-client';
import { acquireHubSocket, releaseHubSocket } from './hubSocket';

export interface TransportHandlers {
  connect(): void;
  disconnect(): void;
  connectError(error: { code?: string; message: string; details?: unknown }): void;
  events(raw: unknown): void;
  presence(raw: unknown): void;
}

/** What ConferenceConnection needs from the wire: Socket.IO in the app, a fake in tests. */
export interface Transport {
  readonly connected: boolean;
  open(handlers: TransportHandlers): void;
  /** Stops trying until `reconnect` (used when the browser says it is offline). */
  pause(): void;
  reconnect(): void;
  close(): void;
  /** Emits with an ack; rejects when no ack arrives within `timeoutMs`. */
  request(event: 'command' | 'sync' | 'time', payload: unknown, timeoutMs: number): Promise<unknown>;
}

export function socketTransport(token: string, url?: string): Transport {
  let socket: Socket | undefined;
  let detach = () => undefined as void;
  return {
    get connected() {
      return socket?.connected ?? false;
    },
    open(h) {
      const s = acquireHubSocket(token, url);
      const onError = (err: Error & { data?: { code?: string; message?: string; details?: unknown } }) =>
        h.connectError({ ...(err.data?.code ? { code: err.data.code } : {}), message: err.data?.message ?? err.message, ...(err.data?.details ? { details: err.data.details } : {}) });
      s.on('connect', h.connect).on('disconnect', h.disconnect).on('connect_error', onError).on('events', h.events).on('presence', h.presence);
      detach = () => void s.off('connect', h.connect).off('disconnect', h.disconnect).off('connect_error', onError).off('events', h.events).off('presence', h.presence);
      socket = s;
      // Already connected (another user of the shared connection opened it first).
      if (s.connected) queueMicrotask(h.connect);
    },
    pause: () => void socket?.disconnect(),
    reconnect: () => void (socket && !socket.connected && socket.connect()),
    close: () => {
      if (!socket) return;
      detach();
      releaseHubSocket(socket);
      socket = undefined;
    },
    request: (event, payload, timeoutMs) => {
      if (!socket) return Promise.reject(new Error('not open'));
      return socket.timeout(timeoutMs).emitWithAck(event, payload);
    },
  };
}
