import type { BudgetSplit } from '@diem-cau/shared';
import { useT } from '../i18n/i18n';

export interface Taker {
  id: string;
  name: string;
  value: number;
}

/** One number per taker: a weight (proportional) or minutes (by hand). */
export function ShareInputs({ split, takers, onChange }: { split: Exclude<BudgetSplit, 'equal'>; takers: readonly Taker[]; onChange(id: string, value: number): void }) {
  const t = useT();
  return (
    <table className="budget-table budget-shares" data-testid="budget-shares">
      <thead><tr><th scope="col">{t.budget.who}</th><th scope="col">{split === 'manual' ? t.budget.minutesEach : t.budget.weight}</th></tr></thead>
      <tbody>
        {takers.map((x) => (
          <tr key={x.id}>
            <th scope="row">{x.name}</th>
            <td>
              <input className="input input--narrow" type="number" min={0} max={24 * 60} aria-label={`${split === 'manual' ? t.budget.minutesEach : t.budget.weight}: ${x.name}`}
                value={x.value} onChange={(e) => onChange(x.id, Math.max(0, Math.min(24 * 60, Math.round(Number(e.target.value) || 0))))} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
