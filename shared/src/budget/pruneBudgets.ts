import { normalise, type ConferenceState } from '../conference/state';
import type { ItemBudget } from './budgetState';

/**
 * TB12: what a new setup (before the start) leaves of the speaking-time set-up: groups keep the points that stay
 * (a group left empty goes), budgets of agenda items that went away go, and a budget keeps the shares of the
 * points or groups that stay, its total the sum of those. A point added by the setup has no share until the
 * organiser allocates again. Nothing is re-split: by-hand and by-weight shares stay as they were given.
 */
export function pruneBudgets(state: ConferenceState): ConferenceState {
  const groups = state.budgetGroups.list()
    .map((g) => ({ ...g, pointIds: g.pointIds.filter((id) => state.points.has(id)) }))
    .filter((g) => g.pointIds.length > 0);
  const groupIds = new Set(groups.map((g) => g.id));
  const takerExists = (b: ItemBudget, id: string) => (b.unit === 'group' ? groupIds.has(id) : state.points.has(id));
  const budgets = state.budgets.list().flatMap((b): ItemBudget[] => {
    if (!state.agenda.has(b.id)) return [];
    const shares = b.shares.filter((s) => takerExists(b, s.id));
    if (shares.length === b.shares.length) return [b];
    return shares.length === 0 ? [] : [{ ...b, shares, totalS: shares.reduce((n, s) => n + s.allocatedS, 0) }];
  });
  const unchanged = groups.length === state.budgetGroups.list().length && groups.every((g, i) => g.pointIds.length === state.budgetGroups.list()[i]?.pointIds.length)
    && budgets.length === state.budgets.list().length && budgets.every((b, i) => b === state.budgets.list()[i]);
  return unchanged ? state : { ...state, budgetGroups: normalise(groups), budgets: normalise(budgets) };
}
