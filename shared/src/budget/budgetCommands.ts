import { z } from 'zod';
import { command } from '../protocol/commandBase';
import { IdSchema, LIMITS, requiredText } from '../protocol/fields';

/** A budget is shared out over bridge points one by one, or over groups of points (khối). */
export const BUDGET_UNITS = ['point', 'group'] as const;
export const BudgetUnitSchema = z.enum(BUDGET_UNITS);
export type BudgetUnit = z.infer<typeof BudgetUnitSchema>;

/** equal: the total in equal parts; proportional: by the weights given; manual: the seconds given, which make the total. */
export const BUDGET_SPLITS = ['equal', 'proportional', 'manual'] as const;
export const BudgetSplitSchema = z.enum(BUDGET_SPLITS);
export type BudgetSplit = z.infer<typeof BudgetSplitSchema>;

/** A day of speaking at most: anything larger is a typing slip, refused as INVALID. */
export const MAX_BUDGET_S = 86_400;
export const MAX_BUDGET_GROUPS = 100;
export const MAX_BUDGET_SHARES = 500;

export const BudgetGroupSchema = z.object({
  id: IdSchema,
  name: requiredText(LIMITS.NAME_CHARS),
  pointIds: z.array(IdSchema).max(MAX_BUDGET_SHARES),
});
export type BudgetGroup = z.infer<typeof BudgetGroupSchema>;

/** One taker of a budget: a point or group id with its weight (proportional) or its seconds (manual). */
export const ShareInputSchema = z.object({ id: IdSchema, value: z.number().int().min(0).max(MAX_BUDGET_S).default(1) });
export type ShareInput = z.infer<typeof ShareInputSchema>;

/** The groups of points budgets can be given to; replaces the earlier list. */
export const BudgetDefineGroups = command('budget.defineGroups', {
  groups: z.array(BudgetGroupSchema).max(MAX_BUDGET_GROUPS),
});

/**
 * Gives an agenda item its speaking-time budget. `shares` names who takes part (all provincial points or all
 * groups when empty) and, by split, their weights or seconds. `carryOver`: each taker starts with what it had
 * left (or overran) on the previous budgeted item of the same unit.
 */
export const BudgetAllocate = command('budget.allocate', {
  itemId: IdSchema,
  unit: BudgetUnitSchema,
  split: BudgetSplitSchema,
  totalS: z.number().int().min(0).max(MAX_BUDGET_S).optional(),
  shares: z.array(ShareInputSchema).max(MAX_BUDGET_SHARES).default([]),
  carryOver: z.boolean().default(false),
});

export const BudgetTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('point'), pointId: IdSchema }).strict(),
  z.object({ kind: z.literal('group'), groupId: IdSchema }).strict(),
  z.object({ kind: z.literal('all') }).strict(),
]);
export type BudgetTarget = z.infer<typeof BudgetTargetSchema>;

/** The chair adds time to one point, one group or every taker of an item's budget (the active item's by default). */
export const BudgetAddTime = command('budget.addTime', {
  itemId: IdSchema.optional(),
  target: BudgetTargetSchema,
  seconds: z.number().int().min(10).max(3_600),
});

export const BudgetClear = command('budget.clear', { itemId: IdSchema });
