import type { Actor } from '@diem-cau/shared';
import type { Session } from '../store/accessStore';

/** The server stamps authorship from the session; nothing a client claims about itself is used. */
export function actorOf(session: Session): Actor {
  return { role: session.role, sessionId: session.sessionId, label: session.label, ...(session.pointId ? { pointId: session.pointId } : {}) };
}
