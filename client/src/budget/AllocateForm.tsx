import type { BudgetSplit, BudgetUnit } from '@diem-cau/shared';
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { ErrorNote } from '../ui/ErrorNote';
import { useCommand } from '../ui/useCommand';

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

/** Gives an agenda item its speaking time, shared over every provincial point or every group. */
export function AllocateForm({ itemId, onDone }: { itemId: string; onDone?: () => void }) {
  const t = useT();
  const state = useConferenceState();
  const { run, error, busy } = useCommand();
  const existing = state.budgets.get(itemId);
  const hasGroups = state.budgetGroups.size > 0;
  const [minutes, setMinutes] = useState(existing ? Math.round(existing.totalS / 60) : 30);
  const [unit, setUnit] = useState<BudgetUnit>(existing?.unit ?? 'point');
  const [split, setSplit] = useState<BudgetSplit>(existing?.split === 'proportional' ? 'proportional' : 'equal');
  const [carryOver, setCarryOver] = useState(existing?.carryOver ?? false);
  const submit = async () => {
    const ok = await run({ type: 'budget.allocate', itemId, unit, split: unit === 'group' ? split : 'equal', totalS: minutes * 60, carryOver });
    if (ok) onDone?.();
  };
  return (
    <form className="budget-form" data-testid="budget-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <label className="field field--inline">
        <span>{t.budget.totalMinutes}</span>
        <input className="input input--narrow" type="number" min={1} max={MAX_MINUTES} value={minutes} onChange={(e) => setMinutes(Math.max(0, Math.min(MAX_MINUTES, Math.round(Number(e.target.value) || 0))))} />
      </label>
      {hasGroups ? <Choice<BudgetUnit> label={t.budget.unit} value={unit} onChange={setUnit} options={[['point', t.budget.unitPoint], ['group', t.budget.unitGroup]]} /> : null}
      {unit === 'group' ? <Choice<BudgetSplit> label={t.budget.split} value={split} onChange={setSplit} options={[['equal', t.budget.splitEqual], ['proportional', t.budget.splitProportional]]} /> : null}
      <label className="check">
        <input type="checkbox" checked={carryOver} onChange={(e) => setCarryOver(e.target.checked)} />
        {t.budget.carryOver}
      </label>
      <div className="budget-form__actions">
        <button type="submit" className="btn btn--primary btn--small" disabled={busy || minutes <= 0}>{t.budget.save}</button>
        {existing ? <button type="button" className="btn btn--ghost btn--small" disabled={busy} onClick={() => void run({ type: 'budget.clear', itemId }).then((ok) => ok && onDone?.())}>{t.budget.clear}</button> : null}
      </div>
      <ErrorNote message={error} />
    </form>
  );
}
