import type { ConferenceState } from '../conference/state';
import type { CommandOf } from '../protocol/commands';
import { accept, requireNotEnded, type Decision } from '../protocol/decision';
import { refuse } from '../protocol/errors';
import type { BudgetUnit, ShareInput } from './budgetCommands';
import { splitByWeight } from './splitBudget';

function groupsProblem(state: ConferenceState, c: CommandOf<'budget.defineGroups'>): Decision | undefined {
  const groupIds = new Set<string>();
  const owner = new Map<string, string>();
  for (const g of c.groups) {
    if (groupIds.has(g.id)) return refuse('BUDGET_GROUP_REPEATED', { group: g.name });
    groupIds.add(g.id);
    for (const pointId of g.pointIds) {
      if (!state.points.get(pointId)) return refuse('POINT_UNKNOWN', { point: pointId });
      const other = owner.get(pointId);
      if (other !== undefined) return refuse('BUDGET_POINT_IN_TWO_GROUPS', { point: state.points.get(pointId)?.name ?? pointId });
      owner.set(pointId, g.name);
    }
  }
  const inUse = state.budgets.list().find((b) => b.unit === 'group' && b.shares.some((s) => !groupIds.has(s.id)));
  if (inUse) return refuse('BUDGET_GROUP_IN_USE', { item: state.agenda.get(inUse.id)?.title ?? inUse.id });
  return undefined;
}

export function decideDefineGroups(state: ConferenceState, c: CommandOf<'budget.defineGroups'>): Decision {
  const ended = requireNotEnded(state);
  if (ended) return ended;
  const problem = groupsProblem(state, c);
  if (problem) return problem;
  return accept({ type: 'budget.groupsDefined', payload: { groups: c.groups } });
}

/** Who takes part when the command names nobody: every provincial point, or every group. */
function defaultTakers(state: ConferenceState, unit: BudgetUnit): ShareInput[] {
  if (unit === 'group') return state.budgetGroups.list().map((g) => ({ id: g.id, value: Math.max(1, g.pointIds.length) }));
  return state.points.list().filter((p) => p.kind === 'provincial').map((p) => ({ id: p.id, value: 1 }));
}

function takersProblem(state: ConferenceState, unit: BudgetUnit, takers: readonly ShareInput[]): Decision | undefined {
  if (takers.length === 0) return refuse('BUDGET_NO_TAKERS');
  const seen = new Set<string>();
  for (const t of takers) {
    if (seen.has(t.id)) return refuse('BUDGET_SHARE_REPEATED', { share: t.id });
    seen.add(t.id);
    const known = unit === 'group' ? state.budgetGroups.has(t.id) : state.points.has(t.id);
    if (!known) return refuse(unit === 'group' ? 'BUDGET_GROUP_UNKNOWN' : 'POINT_UNKNOWN', unit === 'group' ? { group: t.id } : { point: t.id });
  }
  return undefined;
}

function secondsOf(c: CommandOf<'budget.allocate'>, takers: readonly ShareInput[]): number[] | Decision {
  if (c.split === 'manual') return takers.map((t) => t.value);
  if (c.totalS === undefined) return refuse('BUDGET_TOTAL_NEEDED');
  if (c.split === 'equal') return splitByWeight(c.totalS, takers.map(() => 1));
  if (takers.every((t) => t.value === 0)) return refuse('BUDGET_WEIGHTS_ZERO');
  return splitByWeight(c.totalS, takers.map((t) => t.value));
}

export function decideAllocate(state: ConferenceState, c: CommandOf<'budget.allocate'>): Decision {
  const ended = requireNotEnded(state);
  if (ended) return ended;
  if (!state.agenda.has(c.itemId)) return refuse('AGENDA_ITEM_UNKNOWN');
  if (c.split === 'manual' && c.shares.length === 0) return refuse('BUDGET_SHARES_NEEDED');
  const takers = c.shares.length > 0 ? c.shares : defaultTakers(state, c.unit);
  const problem = takersProblem(state, c.unit, takers);
  if (problem) return problem;
  const seconds = secondsOf(c, takers);
  if (!Array.isArray(seconds)) return seconds;
  const shares = takers.map((t, i) => ({ id: t.id, seconds: seconds[i] ?? 0, ...(c.split === 'proportional' ? { weight: t.value } : {}) }));
  const totalS = shares.reduce((a, s) => a + s.seconds, 0);
  return accept({ type: 'budget.allocated', payload: { itemId: c.itemId, unit: c.unit, split: c.split, totalS, carryOver: c.carryOver, shares } });
}

/** The takers a target reaches: a group's time is spread over its points when the budget is per point. */
function addedShares(state: ConferenceState, c: CommandOf<'budget.addTime'>, itemId: string): { id: string; seconds: number }[] | Decision {
  const budget = state.budgets.get(itemId);
  if (!budget) return refuse('BUDGET_UNKNOWN');
  const ids = budget.shares.map((s) => s.id);
  const t = c.target;
  if (t.kind === 'all') return ids.map((id) => ({ id, seconds: c.seconds }));
  if (t.kind === 'point') {
    if (budget.unit !== 'point') return refuse('BUDGET_PER_GROUP');
    return ids.includes(t.pointId) ? [{ id: t.pointId, seconds: c.seconds }] : refuse('BUDGET_SHARE_UNKNOWN');
  }
  if (budget.unit === 'group') return ids.includes(t.groupId) ? [{ id: t.groupId, seconds: c.seconds }] : refuse('BUDGET_SHARE_UNKNOWN');
  const members = state.budgetGroups.get(t.groupId)?.pointIds.filter((p) => ids.includes(p)) ?? [];
  if (members.length === 0) return refuse('BUDGET_SHARE_UNKNOWN');
  const parts = splitByWeight(c.seconds, members.map(() => 1));
  return members.map((id, i) => ({ id, seconds: parts[i] ?? 0 }));
}

export function decideAddTime(state: ConferenceState, c: CommandOf<'budget.addTime'>): Decision {
  const ended = requireNotEnded(state);
  if (ended) return ended;
  const itemId = c.itemId ?? state.activeAgendaItemId;
  if (itemId === undefined) return refuse('BUDGET_UNKNOWN');
  const added = addedShares(state, c, itemId);
  if (!Array.isArray(added)) return added;
  return accept({ type: 'budget.timeAdded', payload: { itemId, target: c.target, added } });
}

export function decideClear(state: ConferenceState, c: CommandOf<'budget.clear'>): Decision {
  const ended = requireNotEnded(state);
  if (ended) return ended;
  if (!state.budgets.has(c.itemId)) return refuse('BUDGET_UNKNOWN');
  return accept({ type: 'budget.cleared', payload: { itemId: c.itemId } });
}
