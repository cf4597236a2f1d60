import type { BudgetSplit, BudgetUnit, ConferenceState, ItemBudget } from '@diem-cau/shared';
import { useState } from 'react';
import { provincialPoints } from '../domain/selectors';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { ErrorNote } from '../ui/ErrorNote';
import { useCommand } from '../ui/useCommand';
import { ShareInputs, type Taker } from './ShareInputs';

const MAX_MINUTES = 24 * 60;

function Choice<V extends string>({ label, value, onChange, options }: { label: string; value: V; onChange(v: V): void; options: Array<[V, string]> }) {
  return (
    <label className="field field--inline">
      <span>{label}</span>
      <select className="input" value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </label>
  );
}

/** Who may take part at this unit, with the value the form starts from: the budget's own, else a group's size, else 1. */
function takersOf(state: ConferenceState, unit: BudgetUnit, split: BudgetSplit, existing: ItemBudget | undefined): Taker[] {
  const own = (id: string) => {
    const share = existing?.unit === unit && existing.split === split ? existing.shares.find((x) => x.id === id) : undefined;
    return share === undefined ? undefined : split === 'manual' ? Math.round(share.allocatedS / 60) : share.weight;
  };
  if (unit === 'group') return state.budgetGroups.list().map((g) => ({ id: g.id, name: g.name, value: own(g.id) ?? (split === 'manual' ? 10 : Math.max(1, g.pointIds.length)) }));
  return provincialPoints(state).map((p) => ({ id: p.id, name: p.name, value: own(p.id) ?? (split === 'manual' ? 10 : 1) }));
}

/** Gives an agenda item its speaking time, shared over every provincial point or every group. */
export function AllocateForm({ itemId, onDone }: { itemId: string; onDone?: () => void }) {
  const t = useT();
  const state = useConferenceState();
  const { run, error, busy } = useCommand();
  const existing = state.budgets.get(itemId);
  const hasGroups = state.budgetGroups.size > 0;
  const [minutes, setMinutes] = useState(existing ? Math.round(existing.totalS / 60) : 30);
  const [unit, setUnit] = useState<BudgetUnit>(existing?.unit ?? 'point');
  const [split, setSplit] = useState<BudgetSplit>(existing?.split ?? 'equal');
  const [carryOver, setCarryOver] = useState(existing?.carryOver ?? false);
  const [edited, setEdited] = useState<Record<string, number>>({});
  const takers = takersOf(state, unit, split, existing).map((x) => ({ ...x, value: edited[`${unit}/${split}/${x.id}`] ?? x.value }));
  const manual = split === 'manual';
  const submit = async () => {
    const shares = split === 'equal' ? [] : takers.map((x) => ({ id: x.id, value: manual ? x.value * 60 : x.value }));
    const ok = await run({ type: 'budget.allocate', itemId, unit, split, ...(manual ? {} : { totalS: minutes * 60 }), shares, carryOver });
    if (ok) onDone?.();
  };
  const splits: Array<[BudgetSplit, string]> = [['equal', t.budget.splitEqual], ['proportional', t.budget.splitProportional], ['manual', t.budget.splitManual]];
  return (
    <form className="budget-form" data-testid="budget-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      {hasGroups ? <Choice<BudgetUnit> label={t.budget.unit} value={unit} onChange={setUnit} options={[['point', t.budget.unitPoint], ['group', t.budget.unitGroup]]} /> : null}
      <Choice<BudgetSplit> label={t.budget.split} value={split} onChange={setSplit} options={splits} />
      {manual ? null : <label className="field field--inline">
        <span>{t.budget.totalMinutes}</span>
        <input className="input input--narrow" type="number" min={1} max={MAX_MINUTES} value={minutes} onChange={(e) => setMinutes(Math.max(0, Math.min(MAX_MINUTES, Math.round(Number(e.target.value) || 0))))} />
      </label>}
      {split === 'equal' ? null : <ShareInputs split={split} takers={takers} onChange={(id, value) => setEdited((all) => ({ ...all, [`${unit}/${split}/${id}`]: value }))} />}
      <label className="check">
        <input type="checkbox" checked={carryOver} onChange={(e) => setCarryOver(e.target.checked)} />
        {t.budget.carryOver}
      </label>
      <div className="budget-form__actions">
        <button type="submit" className="btn btn--primary btn--small" disabled={busy || (!manual && minutes <= 0) || takers.length === 0}>{t.budget.save}</button>
        {existing ? <button type="button" className="btn btn--ghost btn--small" disabled={busy} onClick={() => void run({ type: 'budget.clear', itemId }).then((ok) => ok && onDone?.())}>{t.budget.clear}</button> : null}
      </div>
      <ErrorNote message={error} />
    </form>
  );
}
