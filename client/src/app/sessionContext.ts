import { createContext, useContext } from 'react';
import type { StoredSession } from './sessionStore';

export interface SessionContextValue {
  session: StoredSession;
  /** Closes the console and returns to the join page (the session stays in "recent"). */
  leave(): void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a SessionContext');
  return value;
}
