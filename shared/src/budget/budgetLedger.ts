import type { ConferenceState, Speech } from '../conference/state';
import { elapsedMs } from '../floor/speechClock';
import type { BudgetSplit, BudgetUnit } from './budgetCommands';
import type { ItemBudget } from './budgetState';

/** One taker's account on one agenda item, in ms; negative `remainingMs` is an overrun. */
export interface BudgetLine {
  id: string;
  name: string;
  allocatedMs: number;
  /** Left over (or overrun, negative) on the previous budgeted item, when the item carries over. */
  carriedMs: number;
  addedMs: number;
  /** Spoken time of the item's ended speeches, pauses excluded. */
  usedMs: number;
  remainingMs: number;
  /** The points drawing on this line: itself, or a group's members. */
  pointIds: string[];
}

export interface ItemLedger {
  itemId: string;
  unit: BudgetUnit;
  split: BudgetSplit;
  carryOver: boolean;
  lines: BudgetLine[];
  /** The other level, summed: groups when the budget is per point (only groups with budgeted members). */
  groups: BudgetLine[];
}

/** The budget line a point draws on in this item: its own, or its group's. */
export function lineIdOf(state: ConferenceState, budget: Pick<ItemBudget, 'unit' | 'shares'>, pointId: string): string | undefined {
  if (budget.unit === 'point') return budget.shares.some((s) => s.id === pointId) ? pointId : undefined;
  const group = state.budgetGroups.list().find((g) => g.pointIds.includes(pointId));
  return group && budget.shares.some((s) => s.id === group.id) ? group.id : undefined;
}

/** Spoken ms per agenda item and point, from the ended speeches (a running one is charged when it ends). */
function usedByItemAndPoint(speeches: readonly Speech[]): Map<string, Map<string, number>> {
  const used = new Map<string, Map<string, number>>();
  for (const speech of speeches) {
    if (speech.status.kind !== 'ended' || speech.agendaItemId === undefined) continue;
    const byPoint = used.get(speech.agendaItemId) ?? new Map<string, number>();
    byPoint.set(speech.pointId, (byPoint.get(speech.pointId) ?? 0) + elapsedMs(speech, speech.status.endedAt));
    used.set(speech.agendaItemId, byPoint);
  }
  return used;
}

function nameOf(state: ConferenceState, unit: BudgetUnit, id: string): string {
  return (unit === 'group' ? state.budgetGroups.get(id)?.name : state.points.get(id)?.name) ?? id;
}

function membersOf(state: ConferenceState, unit: BudgetUnit, id: string): string[] {
  return unit === 'group' ? [...(state.budgetGroups.get(id)?.pointIds ?? [])] : [id];
}

function sumLines(id: string, name: string, lines: readonly BudgetLine[], pointIds: string[]): BudgetLine {
  const sum = (k: 'allocatedMs' | 'carriedMs' | 'addedMs' | 'usedMs' | 'remainingMs') => lines.reduce((a, l) => a + l[k], 0);
  return { id, name, allocatedMs: sum('allocatedMs'), carriedMs: sum('carriedMs'), addedMs: sum('addedMs'), usedMs: sum('usedMs'), remainingMs: sum('remainingMs'), pointIds };
}

function groupRollup(state: ConferenceState, lines: readonly BudgetLine[]): BudgetLine[] {
  return state.budgetGroups.list().flatMap((g) => {
    const members = lines.filter((l) => g.pointIds.includes(l.id));
    return members.length === 0 ? [] : [sumLines(g.id, g.name, members, members.map((m) => m.id))];
  });
}

/**
 * Every budgeted agenda item's accounts, in agenda order. Carry-over (TB5) takes, per taker, what remained
 * on the previous budgeted item of the same unit — overruns carry as debt.
 */
export function budgetLedger(state: ConferenceState): Map<string, ItemLedger> {
  const used = usedByItemAndPoint(state.speeches.list());
  const lastRemaining = new Map<BudgetUnit, Map<string, number>>();
  const ledgers = new Map<string, ItemLedger>();
  for (const item of state.agenda.list()) {
    const budget = state.budgets.get(item.id);
    if (!budget) continue;
    const spoken = used.get(item.id) ?? new Map<string, number>();
    const previous = budget.carryOver ? lastRemaining.get(budget.unit) : undefined;
    const lines = budget.shares.map((share): BudgetLine => {
      const pointIds = membersOf(state, budget.unit, share.id);
      const usedMs = pointIds.reduce((a, p) => a + (spoken.get(p) ?? 0), 0);
      const carriedMs = previous?.get(share.id) ?? 0;
      const allocatedMs = share.allocatedS * 1000;
      const addedMs = share.addedS * 1000;
      return { id: share.id, name: nameOf(state, budget.unit, share.id), allocatedMs, carriedMs, addedMs, usedMs, remainingMs: allocatedMs + carriedMs + addedMs - usedMs, pointIds };
    });
    lastRemaining.set(budget.unit, new Map(lines.map((l) => [l.id, l.remainingMs])));
    const groups = budget.unit === 'point' ? groupRollup(state, lines) : [];
    ledgers.set(item.id, { itemId: item.id, unit: budget.unit, split: budget.split, carryOver: budget.carryOver, lines, groups });
  }
  return ledgers;
}

/** The line a point draws on in the active agenda item, if that item has a budget the point takes part in. */
export function activeLineOf(state: ConferenceState, ledgers: ReadonlyMap<string, ItemLedger>, pointId: string): BudgetLine | undefined {
  const itemId = state.activeAgendaItemId;
  const budget = itemId === undefined ? undefined : state.budgets.get(itemId);
  const ledger = itemId === undefined ? undefined : ledgers.get(itemId);
  if (!budget || !ledger) return undefined;
  const id = lineIdOf(state, budget, pointId);
  return ledger.lines.find((l) => l.id === id);
}

/** TB7: a request is flagged (never refused) when its point has no time left in the active item's budget. */
export function isOverBudget(line: BudgetLine | undefined): boolean {
  return line !== undefined && line.remainingMs <= 0;
}

/** What the current speaker's line has left while the speech runs: the screens count it down with the timer. */
export function liveRemainingMs(line: BudgetLine, speech: Speech, now: number): number {
  if (speech.status.kind === 'ended' || !line.pointIds.includes(speech.pointId)) return line.remainingMs;
  return line.remainingMs - elapsedMs(speech, now);
}
