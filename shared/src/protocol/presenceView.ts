import type { PresenceEntry, PresenceUpdate, VersionedPresenceEntry } from './socketContract';

/** What a console knows of a conference's presence: each hub node's share, point by point, with versions. */
export type PresenceView = Readonly<Record<string, { v: number; points: Readonly<Record<string, VersionedPresenceEntry>> }>>;

export const EMPTY_PRESENCE: PresenceView = {};

/**
 * Folds one node's update into the view. Each node numbers its updates; per point the higher version wins,
 * so a snapshot read before a delta that arrived first cannot undo it. A full update also drops the points
 * the node no longer has (unless a newer delta says otherwise); `gone` drops the node (it died).
 */
export function applyPresence(view: PresenceView, update: PresenceUpdate): PresenceView {
  if (update.gone) {
    const { [update.node]: _dropped, ...rest } = view;
    return rest;
  }
  const known = view[update.node] ?? { v: 0, points: {} };
  const points: Record<string, VersionedPresenceEntry> = {};
  for (const [id, entry] of Object.entries(known.points)) {
    if (update.full && entry.v <= update.v) continue;
    points[id] = entry;
  }
  for (const entry of update.entries) {
    const mine = known.points[entry.pointId];
    if (mine && mine.v > entry.v) continue;
    if (entry.sessions > 0) points[entry.pointId] = entry;
    else delete points[entry.pointId];
  }
  return { ...view, [update.node]: { v: Math.max(known.v, update.v), points } };
}

/** The list the consoles show: per point, sessions summed over nodes and roles joined. */
export function presenceList(view: PresenceView): PresenceEntry[] {
  const byPoint = new Map<string, PresenceEntry>();
  for (const node of Object.values(view)) {
    for (const { pointId, sessions, roles } of Object.values(node.points)) {
      const entry = byPoint.get(pointId) ?? { pointId, sessions: 0, roles: [] };
      entry.sessions += sessions;
      for (const role of roles) if (!entry.roles.includes(role)) entry.roles.push(role);
      byPoint.set(pointId, entry);
    }
  }
  return [...byPoint.values()].sort((a, b) => (a.pointId < b.pointId ? -1 : a.pointId > b.pointId ? 1 : 0));
}
