import { PROTOCOL_VERSION } from '@diem-cau/shared';
import { io, type Socket } from 'socket.io-client';

export interface TransportHandlers {
  connect(): void;
  disconnect(): void;
  connectError(error: { code?: string; message: string }): void;
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
  return {
    get connected() {
      return socket?.connected ?? false;
    },
    open(h) {
      const options = { auth: { token, protocol: PROTOCOL_VERSION }, reconnectionDelayMax: 5_000 };
      socket = url ? io(url, options) : io(options);
      socket.on('connect', h.connect);
      socket.on('disconnect', h.disconnect);
      socket.on('connect_error', (err: Error & { data?: { code?: string; message?: string } }) =>
        h.connectError({ ...(err.data?.code ? { code: err.data.code } : {}), message: err.data?.message ?? err.message }),
      );
      socket.on('events', h.events);
      socket.on('presence', h.presence);
    },
    pause: () => void socket?.disconnect(),
    reconnect: () => void (socket && !socket.connected && socket.connect()),
    close: () => void socket?.close(),
    request: (event, payload, timeoutMs) => {
      if (!socket) return Promise.reject(new Error('not open'));
      return socket.timeout(timeoutMs).emitWithAck(event, payload);
    },
  };
}
