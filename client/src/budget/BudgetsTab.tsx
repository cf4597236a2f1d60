import { listOf } from '@diem-cau/shared';
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { Panel } from '../ui/Panel';
import { AllocateForm } from './AllocateForm';
import { BudgetTable } from './BudgetTable';
import { GroupsEditor } from './GroupsEditor';
import { useLedgers } from './useBudget';
import '../styles/budget.css';

/** The organiser's setup of speaking time: groups of points, and each agenda item's budget (before or during the conference). */
export function BudgetsTab() {
  const t = useT();
  const state = useConferenceState();
  const ledgers = useLedgers();
  const [editing, setEditing] = useState<string | undefined>();
  const open = state.status !== 'ended';
  return (
    <div className="budgets-tab" data-testid="budgets-tab">
      {open ? <GroupsEditor /> : null}
      <Panel id="budget-items" title={t.budget.itemsTitle}>
        <ol className="budget-items">
          {listOf(state.agenda).map((item) => {
            const ledger = ledgers.get(item.id);
            return (
              <li key={item.id} data-testid="budget-item" data-item={item.id}>
                <p className="budget-items__head">
                  <strong>{item.title}</strong>
                  {open ? (
                    <button type="button" className="btn btn--small btn--ghost" aria-expanded={editing === item.id} aria-label={`${ledger ? t.budget.change : t.budget.allocate}: ${item.title}`} onClick={() => setEditing((e) => (e === item.id ? undefined : item.id))}>
                      {ledger ? t.budget.change : t.budget.allocate}
                    </button>
                  ) : null}
                </p>
                {editing === item.id ? <AllocateForm itemId={item.id} onDone={() => setEditing(undefined)} /> : null}
                {ledger ? <BudgetTable ledger={ledger} /> : <p className="muted">{t.budget.none}</p>}
              </li>
            );
          })}
        </ol>
      </Panel>
    </div>
  );
}
