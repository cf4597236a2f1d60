import type { BudgetGroup, BudgetSplit, BudgetUnit } from './budgetCommands';

export interface BudgetShare {
  /** A point id or a group id, by the budget's unit. */
  id: string;
  allocatedS: number;
  addedS: number;
  /** The weight it was given, on a proportional split. */
  weight?: number;
}

/** An agenda item's speaking-time budget; keyed by the item's id. What was spoken is read from the speeches. */
export interface ItemBudget {
  id: string;
  unit: BudgetUnit;
  split: BudgetSplit;
  totalS: number;
  carryOver: boolean;
  shares: BudgetShare[];
}

export type { BudgetGroup };
