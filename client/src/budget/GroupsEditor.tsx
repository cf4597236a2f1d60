import { compareVi, foldDiacritics, type BudgetGroup } from '@diem-cau/shared';
import { useState } from 'react';
import { provincialPoints } from '../domain/selectors';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { ErrorNote } from '../ui/ErrorNote';
import { Panel } from '../ui/Panel';
import { useCommand } from '../ui/useCommand';

/** "Khối tỉnh ủy" → "khoi-tinh-uy", made unique among the groups. */
function groupId(name: string, taken: readonly BudgetGroup[]): string {
  const base = foldDiacritics(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50) || 'nhom';
  let id = base;
  for (let n = 2; taken.some((g) => g.id === id); n += 1) id = `${base}-${n}`;
  return id;
}

/** The organiser's groups of points (TB1): name groups, put each provincial point in one, save them together. */
export function GroupsEditor() {
  const t = useT();
  const state = useConferenceState();
  const { run, error, busy } = useCommand();
  // A point the setup has since dropped leaves its group here, or saving would be refused for it.
  const [groups, setGroups] = useState<BudgetGroup[]>(() => state.budgetGroups.list().map((g) => ({ ...g, pointIds: g.pointIds.filter((p) => state.points.has(p)) })));
  const [name, setName] = useState('');
  const points = provincialPoints(state);
  const groupOf = (pointId: string) => groups.find((g) => g.pointIds.includes(pointId))?.id ?? '';
  const assign = (pointId: string, id: string) =>
    setGroups((all) => all.map((g) => ({ ...g, pointIds: g.id === id ? [...g.pointIds.filter((p) => p !== pointId), pointId] : g.pointIds.filter((p) => p !== pointId) })));
  const add = () => {
    const trimmed = name.trim();
    if (trimmed === '') return;
    setGroups((all) => [...all, { id: groupId(trimmed, all), name: trimmed, pointIds: [] }]);
    setName('');
  };
  const sorted = [...groups].sort((a, b) => compareVi(a.name, b.name));
  return (
    <Panel id="budget-groups" title={t.budget.groupsTitle}>
      <p className="muted">{t.budget.groupsHint}</p>
      <form className="budget-form" onSubmit={(e) => { e.preventDefault(); add(); }}>
        <label className="field field--inline">
          <span>{t.budget.newGroup}</span>
          <input className="input" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} />
        </label>
        <button type="submit" className="btn btn--small" disabled={name.trim() === ''}>{t.budget.addGroup}</button>
      </form>
      {sorted.length > 0 ? (
        <ul className="budget-groups" data-testid="budget-groups">
          {sorted.map((g) => (
            <li key={g.id}>
              <strong>{g.name}</strong> <span className="muted">({g.pointIds.length})</span>{' '}
              <button type="button" className="btn btn--ghost btn--small" onClick={() => setGroups((all) => all.filter((x) => x.id !== g.id))}>{t.budget.removeGroup(g.name)}</button>
            </li>
          ))}
        </ul>
      ) : null}
      <table className="budget-table">
        <tbody>
          {points.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.name}</th>
              <td>
                <select className="input" aria-label={t.budget.groupOf(p.name)} value={groupOf(p.id)} onChange={(e) => assign(p.id, e.target.value)}>
                  <option value="">{t.budget.noGroup}</option>
                  {sorted.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void run({ type: 'budget.defineGroups', groups })}>{t.budget.saveGroups}</button>
      <ErrorNote message={error} />
    </Panel>
  );
}
