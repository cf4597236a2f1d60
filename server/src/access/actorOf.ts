import type { Actor } from '@diem-cau/shared';
import type { Session } from '../store/accessStore';

/**
 * The server stamps authorship from the session; nothing a client claims about itself is used. The label
 * is the name the person gave the session (C12), else the join code's ("Thư ký", a point's name).
 */
export function actorOf(session: Session): Actor {
  return { role: session.role, sessionId: session.sessionId, label: session.name ?? session.label, ...(session.pointId ? { pointId: session.pointId } : {}) };
}
