import { normalise, type ConferenceState } from '../conference/state';
import type { StoredEvent } from '../protocol/events';
import type { ItemBudget } from './budgetState';

type BudgetEvent = Extract<StoredEvent, { type: `budget.${string}` }>;

/** Collections only grow; clearing rebuilds the budgets without one entry (one per agenda item: at most a few hundred). */
function withoutBudget(state: ConferenceState, itemId: string): ConferenceState {
  return { ...state, budgets: normalise(state.budgets.list().filter((b) => b.id !== itemId)) };
}

function addTime(budget: ItemBudget, added: readonly { id: string; seconds: number }[]): ItemBudget {
  const by = new Map(added.map((a) => [a.id, a.seconds]));
  return { ...budget, shares: budget.shares.map((s) => (by.has(s.id) ? { ...s, addedS: s.addedS + (by.get(s.id) ?? 0) } : s)) };
}

export function applyBudget(state: ConferenceState, e: BudgetEvent): ConferenceState {
  switch (e.type) {
    case 'budget.groupsDefined':
      return { ...state, budgetGroups: normalise(e.payload.groups) };
    case 'budget.allocated': {
      const { itemId, shares, ...rest } = e.payload;
      const budget: ItemBudget = { id: itemId, ...rest, shares: shares.map((s) => ({ id: s.id, allocatedS: s.seconds, addedS: 0, ...(s.weight === undefined ? {} : { weight: s.weight }) })) };
      return { ...state, budgets: state.budgets.add(itemId, budget) };
    }
    case 'budget.timeAdded': {
      const budget = state.budgets.get(e.payload.itemId);
      if (!budget) return state;
      return { ...state, budgets: state.budgets.put(budget.id, addTime(budget, e.payload.added)) };
    }
    case 'budget.cleared':
      return withoutBudget(state, e.payload.itemId);
  }
}
