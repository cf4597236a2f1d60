import type { ConferenceState } from '@diem-cau/shared';
import type { JoinCodeInfo } from '../api/organiserApi';

const ROLE_ORDER = ['chair', 'secretary', 'display', 'organiser', 'viewer', 'point'];

/** Roles first (chair, secretaries, displays, organisers), then the points in the conference's order. */
export function sortCodes(codes: readonly JoinCodeInfo[], state: ConferenceState): JoinCodeInfo[] {
  const pointIndex = (c: JoinCodeInfo) => (c.pointId ? state.points.ids.indexOf(c.pointId) : -1);
  return [...codes].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || pointIndex(a) - pointIndex(b) || Number(a.revoked ?? false) - Number(b.revoked ?? false));
}

/** "Chủ trì · Điểm cầu Trung ương", "Tỉnh ủy Thái Nguyên": who a code lets in. */
export function codeHolder(code: JoinCodeInfo, state: ConferenceState, roleName: (role: string) => string): string {
  const point = code.pointId ? state.points.get(code.pointId)?.name : undefined;
  if (code.role === 'point') return point ?? code.label;
  return point ? `${roleName(code.role)} · ${point}` : roleName(code.role);
}
