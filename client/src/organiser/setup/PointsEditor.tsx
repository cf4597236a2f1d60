import { useState } from 'react';
import { useOrganiserT } from '../i18n/useOrganiserT';
import { emptyDelegate, emptyPoint, type DelegateForm, type PointForm } from './setupForm';
import { mergeImportedPoints, type PointsValue } from './mergePoints';
import { PointsImport } from './PointsImport';

interface Props { value: PointsValue; onChange: (value: PointsValue) => void }

/** The central point and the provincial points with their delegates: typed, or imported from a list. */
export function PointsEditor({ value, onChange }: Props) {
  const t = useOrganiserT();
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const toggle = (key: string, to?: boolean) => setOpen((s) => {
    const next = new Set(s);
    if (to ?? !next.has(key)) next.add(key);
    else next.delete(key);
    return next;
  });
  const setPoint = (i: number, p: PointForm) => onChange({ ...value, points: value.points.map((x, j) => (j === i ? p : x)) });
  const add = () => {
    const p = emptyPoint();
    toggle(p.key, true);
    onChange({ ...value, points: [...value.points, p] });
    window.requestAnimationFrame(() => document.getElementById(`point-${p.key}-name`)?.focus());
  };
  const delegates = value.points.reduce((n, p) => n + p.delegates.length, 0) + value.central.delegates.length;
  return (
    <div className="points-editor">
      <PointsImport onImported={(r, mode) => onChange(mergeImportedPoints(value, r.points, mode))} />
      <h3 className="subhead">{t.points.central}</h3>
      <PointCard point={value.central} central open onToggle={() => undefined} onChange={(central) => onChange({ ...value, central })} />
      <div className="points-editor__head">
        <h3 className="subhead">{t.points.provincial}</h3>
        <span className="muted" data-testid="points-count">{t.points.count(value.points.length, delegates)}</span>
      </div>
      <ul className="points-editor__list">
        {value.points.map((p, i) => (
          <li key={p.key}>
            <PointCard point={p} open={open.has(p.key)} onToggle={() => toggle(p.key)} onChange={(next) => setPoint(i, next)} onRemove={() => onChange({ ...value, points: value.points.filter((_, j) => j !== i) })} />
          </li>
        ))}
      </ul>
      <button type="button" className="btn" onClick={add}>
        <span aria-hidden="true">+</span> {t.points.add}
      </button>
    </div>
  );
}

interface CardProps { point: PointForm; central?: boolean; open: boolean; onToggle: () => void; onChange: (p: PointForm) => void; onRemove?: () => void }

function PointCard({ point, central = false, open, onToggle, onChange, onRemove }: CardProps) {
  const t = useOrganiserT();
  const name = point.name.trim() || t.points.unnamed;
  const setDelegate = (i: number, d: DelegateForm) => onChange({ ...point, delegates: point.delegates.map((x, j) => (j === i ? d : x)) });
  const addDelegate = () => {
    const d = emptyDelegate();
    onChange({ ...point, delegates: [...point.delegates, d] });
    window.requestAnimationFrame(() => document.getElementById(`delegate-${d.key}-name`)?.focus());
  };
  return (
    <div className={`point-card${central ? ' point-card--central' : ''}`} data-testid="point-card">
      <div className="point-card__head">
        <label className="point-card__name">
          <span className="sr-only">{t.points.name}</span>
          <input id={`point-${point.key}-name`} className="input" value={point.name} placeholder={t.points.name} onChange={(e) => onChange({ ...point, name: e.target.value })} />
        </label>
        {!central ? (
          <button type="button" className="btn btn--small btn--ghost" aria-expanded={open} aria-controls={`point-${point.key}-delegates`} onClick={onToggle}>
            {t.points.delegates}: {point.delegates.length} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
          </button>
        ) : null}
        {onRemove ? (
          <button type="button" className="btn btn--small btn--icon btn--danger-ghost" aria-label={t.points.remove(name)} title={t.common.remove} onClick={onRemove}>✕</button>
        ) : null}
      </div>
      {open ? (
        <div id={`point-${point.key}-delegates`} className="point-card__delegates">
          {point.delegates.length === 0 ? <p className="empty">{t.points.noDelegates}</p> : null}
          {point.delegates.map((d, i) => (
            <div key={d.key} className="delegate-row">
              <input id={`delegate-${d.key}-name`} className="input" aria-label={`${t.points.delegateName} (${name}, ${i + 1})`} placeholder={t.points.delegateName} value={d.name} onChange={(e) => setDelegate(i, { ...d, name: e.target.value })} />
              <input className="input" aria-label={`${t.points.delegatePosition} (${name}, ${i + 1})`} placeholder={t.points.delegatePosition} value={d.position} onChange={(e) => setDelegate(i, { ...d, position: e.target.value })} />
              <button type="button" className="btn btn--small btn--icon btn--danger-ghost" aria-label={t.points.removeDelegate(d.name || String(i + 1))} title={t.common.remove} onClick={() => onChange({ ...point, delegates: point.delegates.filter((_, j) => j !== i) })}>✕</button>
            </div>
          ))}
          <button type="button" className="btn btn--small" onClick={addDelegate}>
            <span aria-hidden="true">+</span> {t.points.addDelegate}
          </button>
        </div>
      ) : null}
    </div>
  );
}
