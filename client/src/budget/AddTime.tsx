import type { BudgetTarget, ItemLedger } from '@diem-cau/shared';
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { ErrorNote } from '../ui/ErrorNote';
import { useCommand } from '../ui/useCommand';

export const ADD_MINUTES = [1, 2, 5] as const;

/** Encoded in a <select>: "all", "point:<id>" or "group:<id>". */
function targetOf(value: string): BudgetTarget {
  const [kind, id = ''] = value.split(/:(.*)/s);
  if (kind === 'point') return { kind, pointId: id };
  if (kind === 'group') return { kind, groupId: id };
  return { kind: 'all' };
}

/** The chair adds time to one point, one group or everyone in the active item's budget. */
export function AddTime({ ledger }: { ledger: ItemLedger }) {
  const t = useT();
  const state = useConferenceState();
  const { run, error, busy } = useCommand();
  const [target, setTarget] = useState('all');
  const groups = ledger.unit === 'group' ? ledger.lines : state.budgetGroups.list().filter((g) => ledger.groups.some((x) => x.id === g.id));
  const points = ledger.unit === 'point' ? ledger.lines : [];
  const label = target === 'all' ? t.budget.everyone : (ledger.lines.concat(ledger.groups).find((l) => target.endsWith(`:${l.id}`))?.name ?? '');
  return (
    <div className="budget-add" data-testid="budget-add">
      <label className="field field--inline">
        <span>{t.budget.addTo}</span>
        <select className="input" value={target} onChange={(e) => setTarget(e.target.value)} data-testid="budget-target">
          <option value="all">{t.budget.everyone}</option>
          {groups.map((g) => <option key={`g-${g.id}`} value={`group:${g.id}`}>{g.name}</option>)}
          {points.map((p) => <option key={`p-${p.id}`} value={`point:${p.id}`}>{p.name}</option>)}
        </select>
      </label>
      {ADD_MINUTES.map((m) => (
        <button key={m} type="button" className="btn btn--small" disabled={busy} aria-label={t.budget.addLabel(m, label)}
          onClick={() => void run({ type: 'budget.addTime', itemId: ledger.itemId, target: targetOf(target), seconds: m * 60 })}>
          {t.budget.addMinutes(m)}
        </button>
      ))}
      <ErrorNote message={error} />
    </div>
  );
}
