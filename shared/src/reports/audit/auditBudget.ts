import type { ConferenceState } from '../../conference/state';
import type { StoredEvent } from '../../protocol/events';
import { pointNameOf, type AuditFacts } from './auditNames';

export type BudgetAuditEvent = Extract<StoredEvent, { type: `budget.${string}` }>;

const itemName = (state: ConferenceState, itemId: string) => state.agenda.get(itemId)?.title ?? itemId;

function targetName(state: ConferenceState, e: Extract<BudgetAuditEvent, { type: 'budget.timeAdded' }>): string {
  const t = e.payload.target;
  if (t.kind === 'point') return pointNameOf(state, t.pointId);
  if (t.kind === 'group') return state.budgetGroups.get(t.groupId)?.name ?? t.groupId;
  return '';
}

/** Budgets belong to agenda items: their rows are in the agenda area; time added to one point names it. */
export function budgetFacts(e: BudgetAuditEvent, state: ConferenceState): AuditFacts {
  switch (e.type) {
    case 'budget.groupsDefined':
      return { area: 'agenda', params: { groups: e.payload.groups.length, names: e.payload.groups.map((g) => g.name).join(', ') } };
    case 'budget.allocated': {
      const p = e.payload;
      return { area: 'agenda', params: { item: itemName(state, p.itemId), unit: p.unit, split: p.split, totalS: p.totalS, carryOver: p.carryOver ? 1 : 0, takers: p.shares.length } };
    }
    case 'budget.timeAdded': {
      const p = e.payload;
      // For every taker: what each received; otherwise the whole time given (a group's, spread over its points).
      const seconds = p.target.kind === 'all' ? p.added[0]?.seconds ?? 0 : p.added.reduce((a, x) => a + x.seconds, 0);
      const params = { item: itemName(state, p.itemId), target: p.target.kind, who: targetName(state, e), seconds, takers: p.added.length };
      return p.target.kind === 'point' ? { area: 'agenda', pointId: p.target.pointId, params } : { area: 'agenda', params };
    }
    case 'budget.cleared':
      return { area: 'agenda', params: { item: itemName(state, e.payload.itemId) } };
  }
}
