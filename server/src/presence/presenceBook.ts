import type { PresenceEntry } from '@diem-cau/shared';

interface PointCount { sessions: number; roles: Map<string, number> }

/**
 * Who is connected to this node, per conference and bridge point (chair sessions count for the central point,
 * sockets without a point as `role:<role>`). Kept as counts, so a join or a leave costs the same with ten
 * sockets or ten thousand, and remembers which points changed since they were last taken.
 */
export class PresenceBook {
  private byConference = new Map<string, Map<string, PointCount>>();
  private changed = new Map<string, Set<string>>();

  join(conferenceId: string, who: { pointId?: string; role: string }): void {
    const key = keyOf(who);
    let points = this.byConference.get(conferenceId);
    if (!points) this.byConference.set(conferenceId, (points = new Map()));
    const count = points.get(key) ?? { sessions: 0, roles: new Map() };
    count.sessions += 1;
    count.roles.set(who.role, (count.roles.get(who.role) ?? 0) + 1);
    points.set(key, count);
    this.touch(conferenceId, key);
  }

  leave(conferenceId: string, who: { pointId?: string; role: string }): void {
    const key = keyOf(who);
    const points = this.byConference.get(conferenceId);
    const count = points?.get(key);
    if (!points || !count) return;
    count.sessions -= 1;
    const roles = (count.roles.get(who.role) ?? 1) - 1;
    if (roles <= 0) count.roles.delete(who.role);
    else count.roles.set(who.role, roles);
    if (count.sessions <= 0) points.delete(key);
    if (points.size === 0) this.byConference.delete(conferenceId);
    this.touch(conferenceId, key);
  }

  entry(conferenceId: string, pointId: string): PresenceEntry {
    const count = this.byConference.get(conferenceId)?.get(pointId);
    return { pointId, sessions: count?.sessions ?? 0, roles: count ? [...count.roles.keys()] : [] };
  }

  entries(conferenceId: string): PresenceEntry[] {
    return [...(this.byConference.get(conferenceId)?.keys() ?? [])].map((id) => this.entry(conferenceId, id));
  }

  /** The conferences with changes not yet taken. */
  dirty(): string[] {
    return [...this.changed.keys()];
  }

  /** The points of the conference that changed since the last call, as they are now (sessions 0: none left). */
  takeChanges(conferenceId: string): PresenceEntry[] {
    const keys = this.changed.get(conferenceId);
    this.changed.delete(conferenceId);
    return [...(keys ?? [])].map((id) => this.entry(conferenceId, id));
  }

  private touch(conferenceId: string, key: string): void {
    let keys = this.changed.get(conferenceId);
    if (!keys) this.changed.set(conferenceId, (keys = new Set()));
    keys.add(key);
  }
}

const keyOf = (who: { pointId?: string; role: string }) => who.pointId ?? `role:${who.role}`;
