import type { Socket } from 'socket.io-client';
import { listenOnHubSocket } from './hubSocket';

/** Why the hub turned a connection away: a code, and for quotas a reason the console says in words. */
export interface ConnectRefusal { code?: string; message: string; details?: unknown; reason?: string; params?: Record<string, string | number> }

export interface TransportHandlers {
  connect(): void;
  disconnect(): void;
  connectError(error: ConnectRefusal): void;
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
  let release = () => undefined as void;
  return {
    get connected() {
      return socket?.connected ?? false;
    },
    open(h) {
      const connectError = (err: Error & { data?: Partial<ConnectRefusal> }) => h.connectError({ ...err.data, message: err.data?.message ?? err.message });
      ({ socket, release } = listenOnHubSocket(token, url, { connect: h.connect, disconnect: h.disconnect, connect_error: connectError, events: h.events, presence: h.presence }));
    },
    pause: () => void socket?.disconnect(),
    reconnect: () => void (socket && !socket.connected && socket.connect()),
    close: () => {
      if (!socket) return;
      release();
      socket = undefined;
    },
    request: (event, payload, timeoutMs) => {
      if (!socket) return Promise.reject(new Error('not open'));
      return socket.timeout(timeoutMs).emitWithAck(event, payload);
    },
  };
}
