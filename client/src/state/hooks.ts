import type { ConferenceState } from '@diem-cau/shared';
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ConferenceConnection, ConnectionSnapshot } from '../net/ConferenceConnection';
import { subscribeTicker } from './ticker';

export const ConnectionContext = createContext<ConferenceConnection | null>(null);

export function useConnection(): ConferenceConnection {
  const connection = useContext(ConnectionContext);
  if (!connection) throw new Error('useConnection outside a ConnectionContext');
  return connection;
}

export function useConnectionSnapshot(): ConnectionSnapshot {
  const connection = useConnection();
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot);
}

/** The conference state; the console shell renders its children only once there is one. */
export function useConferenceState(): ConferenceState {
  const state = useConnectionSnapshot().state;
  if (!state) throw new Error('useConferenceState before the first sync');
  return state;
}

/**
 * A value computed from the server's clock, recomputed every tick. `derive` must return a
 * primitive (a string, a number): equal values mean no re-render.
 */
export function useServerTime<T extends string | number | boolean>(derive: (serverNow: number) => T): T {
  const connection = useConnection();
  const read = () => derive(connection.clock.now());
  return useSyncExternalStore(subscribeTicker, read, read);
}
