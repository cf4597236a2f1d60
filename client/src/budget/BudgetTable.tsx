import type { BudgetLine, ItemLedger } from '@diem-cau/shared';
import { formatDuration } from '../domain/format';
import { useT } from '../i18n/i18n';
import { BudgetRemaining } from './BudgetRemaining';

function LineRow({ line, group = false }: { line: BudgetLine; group?: boolean }) {
  return (
    <tr className={group ? 'budget-table__group' : undefined} data-testid="budget-line" data-line={line.id}>
      <th scope="row">{line.name}</th>
      <td>{formatDuration(line.allocatedMs + line.carriedMs + line.addedMs)}</td>
      <td>{formatDuration(line.usedMs)}</td>
      <td><BudgetRemaining line={line} /></td>
    </tr>
  );
}

/** One item's lines: budget, spoken and left per point or group, then the groups summed when the budget is per point. */
export function BudgetTable({ ledger }: { ledger: ItemLedger }) {
  const t = useT();
  return (
    <table className="budget-table" data-testid="budget-table">
      <thead><tr><th scope="col">{t.budget.who}</th><th scope="col">{t.budget.allotted}</th><th scope="col">{t.budget.used}</th><th scope="col">{t.budget.left}</th></tr></thead>
      <tbody>
        {ledger.lines.map((l) => <LineRow key={l.id} line={l} />)}
        {ledger.groups.length > 0 ? <tr><th colSpan={4} scope="colgroup" className="subhead">{t.budget.groups}</th></tr> : null}
        {ledger.groups.map((g) => <LineRow key={`g-${g.id}`} line={g} group />)}
      </tbody>
    </table>
  );
}
