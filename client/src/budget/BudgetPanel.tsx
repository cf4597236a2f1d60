import { useState } from 'react';
import { activeAgendaItem } from '../domain/selectors';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { Panel } from '../ui/Panel';
import { AddTime } from './AddTime';
import { AllocateForm } from './AllocateForm';
import { ArticleSpread } from './ArticleSpread';
import { BudgetTable } from './BudgetTable';
import { useActiveLedger } from './useBudget';

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
          <BudgetTable ledger={ledger} />
          {!ended ? <AddTime ledger={ledger} /> : null}
        </>
      ) : null}
      {item ? <ArticleSpread itemId={item.id} /> : null}
    </Panel>
  );
}
