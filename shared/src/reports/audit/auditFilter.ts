import { z } from 'zod';
import type { ConferenceState } from '../../conference/state';
import { IdSchema } from '../../protocol/fields';
import { compareVi } from '../../text/vietnamese';
import { AuditAreaSchema, type AuditRow } from './auditRow';

export const AUDIT_ORDERS = ['newest', 'oldest'] as const;

/** The audit view's filter, also the options of its CSV download: the file holds the rows the view shows. */
export const AuditFilterSchema = z.object({
  area: AuditAreaSchema.optional(),
  point: IdSchema.optional(),
  order: z.enum(AUDIT_ORDERS).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

/** Rows of one area and one point concerned; newest first unless `order` is 'oldest'. `rows` are in log order. */
export function filterAudit(rows: readonly AuditRow[], filter: AuditFilter): AuditRow[] {
  const kept = rows.filter((r) => (filter.area === undefined || r.area === filter.area) && (filter.point === undefined || r.pointId === filter.point));
  return filter.order === 'oldest' ? kept : kept.reverse();
}

/** The points a filter offers: every point of the conference, by Vietnamese collation. */
export function auditPointChoices(state: ConferenceState): Array<{ id: string; name: string }> {
  return state.points.list().map((p) => ({ id: p.id, name: p.name })).sort((a, b) => compareVi(a.name, b.name));
}
