import type { BudgetLine } from '@diem-cau/shared';
import { useState } from 'react';
import { formatDuration } from '../domain/format';
import { activeAgendaItem } from '../domain/selectors';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { Panel } from '../ui/Panel';
import { AddTime } from './AddTime';
import { AllocateForm } from './AllocateForm';
import { ArticleSpread } from './ArticleSpread';
import { BudgetRemaining } from './BudgetRemaining';
import { useActiveLedger } from './useBudget';

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

/** The chair's view of the active item's speaking time: per point and group, adding time, and the spread over articles. */
export function BudgetPanel() {
  const t = useT();
  const state = useConferenceState();
  const item = activeAgendaItem(state);
  const ledger = useActiveLedger();
  const [editing, setEditing] = useState(false);
  const ended = state.status === 'ended';
  const toggle = !ended && item ? (
    <button type="button" className="btn btn--small btn--ghost" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
      {ledger ? t.budget.change : t.budget.allocate}
    </button>
  ) : undefined;
  return (
    <Panel id="budget" title={t.budget.title} actions={toggle}>
      {!item ? <p className="empty">{t.budget.noItem}</p> : null}
      {item && editing ? <AllocateForm itemId={item.id} onDone={() => setEditing(false)} /> : null}
      {item && !ledger && !editing ? <p className="empty">{t.budget.none}</p> : null}
      {ledger ? (
        <>
          <table className="budget-table" data-testid="budget-table">
            <thead><tr><th scope="col">{t.budget.who}</th><th scope="col">{t.budget.allotted}</th><th scope="col">{t.budget.used}</th><th scope="col">{t.budget.left}</th></tr></thead>
            <tbody>
              {ledger.lines.map((l) => <LineRow key={l.id} line={l} />)}
              {ledger.groups.length > 0 ? <tr><th colSpan={4} scope="colgroup" className="subhead">{t.budget.groups}</th></tr> : null}
              {ledger.groups.map((g) => <LineRow key={`g-${g.id}`} line={g} group />)}
            </tbody>
          </table>
          {!ended ? <AddTime ledger={ledger} /> : null}
        </>
      ) : null}
      {item ? <ArticleSpread itemId={item.id} /> : null}
    </Panel>
  );
}
