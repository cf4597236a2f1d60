import { z } from 'zod';
import { event } from '../protocol/eventBase';
import { IdSchema } from '../protocol/fields';
import { BudgetGroupSchema, BudgetSplitSchema, BudgetTargetSchema, BudgetUnitSchema } from './budgetCommands';

const SharesSchema = z.array(z.object({ id: IdSchema, seconds: z.number().int().min(0) }));
/** An allocated share; `weight`: the weight it was given (a proportional split), so the form shows it again (TB2). */
const AllocatedSharesSchema = z.array(z.object({ id: IdSchema, seconds: z.number().int().min(0), weight: z.number().int().min(0).optional() }));

export const BudgetGroupsDefined = event('budget.groupsDefined', { groups: z.array(BudgetGroupSchema) });
/** `shares` as decided: every taker's seconds, summing to `totalS`. */
export const BudgetAllocated = event('budget.allocated', {
  itemId: IdSchema,
  unit: BudgetUnitSchema,
  split: BudgetSplitSchema,
  totalS: z.number().int().min(0),
  carryOver: z.boolean(),
  shares: AllocatedSharesSchema,
});
/** `added`: the seconds each taker received (a group's time spread over its points when the budget is per point). */
export const BudgetTimeAdded = event('budget.timeAdded', { itemId: IdSchema, target: BudgetTargetSchema, added: SharesSchema });
export const BudgetCleared = event('budget.cleared', { itemId: IdSchema });
