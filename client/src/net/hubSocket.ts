import { PROTOCOL_VERSION } from '@diem-cau/shared';
import { io, type Socket } from 'socket.io-client';

/**
 * One Socket.IO connection per session, shared by the console's log (`command`, `sync`, `time`) and
 * the media signalling (`media`): the hub sees one connection, one identity, one presence entry.
 * Counted: the connection closes when its last user lets go.
 */
const shared = new Map<string, { socket: Socket; users: number }>();

export function acquireHubSocket(token: string, url?: string): Socket {
  const key = `${url ?? ''}|${token}`;
  const found = shared.get(key);
  if (found) {
    found.users += 1;
    return found.socket;
  }
  // WebSocket only: one TCP connection per session, so any node behind any proxy can serve it without
  // sticky sessions (HTTP long-polling would need every request of a session on the node that opened it).
  const options = { auth: { token, protocol: PROTOCOL_VERSION }, transports: ['websocket'], reconnectionDelayMax: 5_000, forceNew: true };
  const socket = url ? io(url, options) : io(options);
  // Socket.IO does not reconnect after the server ended the connection; try once, so a session the hub
  // ended (its join code revoked) is refused with the reason, and any other one simply comes back.
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') socket.connect();
  });
  shared.set(key, { socket, users: 1 });
  return socket;
}

export function releaseHubSocket(socket: Socket): void {
  for (const [key, entry] of shared) {
    if (entry.socket !== socket) continue;
    entry.users -= 1;
    if (entry.users <= 0) {
      shared.delete(key);
      socket.close();
    }
    return;
  }
}

type Listener = (...args: never[]) => void;

/**
 * Listens on the session's shared connection. `connect` also runs at once when the connection is already
 * up (another user opened it first). `release` stops listening and lets go of the connection.
 */
export function listenOnHubSocket(token: string, url: string | undefined, listeners: { connect(): void } & Record<string, Listener>): { socket: Socket; release(): void } {
  const socket = acquireHubSocket(token, url);
  const entries = Object.entries(listeners) as Array<[string, (...args: unknown[]) => void]>;
  for (const [event, listener] of entries) socket.on(event, listener);
  if (socket.connected) queueMicrotask(() => listeners.connect());
  return {
    socket,
    release: () => {
      for (const [event, listener] of entries) socket.off(event, listener);
      releaseHubSocket(socket);
    },
  };
}
