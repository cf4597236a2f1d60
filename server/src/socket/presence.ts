import type { PresenceEntry } from '@diem-cau/shared';

/** Who is connected, per conference and bridge point. Ephemeral: never in the log. */
export class PresenceBook {
  private byConference = new Map<string, Map<string, { pointId?: string; role: string }>>();

  join(conferenceId: string, socketId: string, who: { pointId?: string; role: string }): void {
    let sockets = this.byConference.get(conferenceId);
    if (!sockets) this.byConference.set(conferenceId, (sockets = new Map()));
    sockets.set(socketId, who);
  }

  leave(conferenceId: string, socketId: string): void {
    this.byConference.get(conferenceId)?.delete(socketId);
  }

  entries(conferenceId: string): PresenceEntry[] {
    const byPoint = new Map<string, PresenceEntry>();
    for (const { pointId, role } of this.byConference.get(conferenceId)?.values() ?? []) {
      const key = pointId ?? `role:${role}`;
      const entry = byPoint.get(key) ?? { pointId: key, sessions: 0, roles: [] };
      entry.sessions += 1;
      if (!entry.roles.includes(role)) entry.roles.push(role);
      byPoint.set(key, entry);
    }
    return [...byPoint.values()];
  }
}
