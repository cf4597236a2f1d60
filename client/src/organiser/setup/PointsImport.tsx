import { useRef, useState } from 'react';
import { ErrorNote } from '../../ui/ErrorNote';
import { useApi } from '../api/apiContext';
import { importErrorMessage } from '../api/importErrorMessage';
import type { PointsImport as Imported } from '../api/organiserApi';
import { useOrganiserT } from '../i18n/useOrganiserT';
import type { ImportMode } from './mergePoints';

/** Upload a CSV / XLSX list to POST /api/points/parse and hand the points to the editor. */
export function PointsImport({ onImported }: { onImported: (result: Imported, mode: ImportMode) => void }) {
  const t = useOrganiserT();
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<ImportMode>('replace');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<Imported | undefined>();
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    const answer = await api.parsePoints(file);
    setBusy(false);
    if (input.current) input.current.value = '';
    if (!answer.ok) return setError(importErrorMessage(answer.error, t));
    setDone(answer.value);
    onImported(answer.value, mode);
  };
  return (
    <div className="points-import">
      <div className="points-import__row">
        <label className="btn" aria-busy={busy}>
          <span aria-hidden="true">⤒</span> {busy ? t.points.importing : t.points.import}
          <input ref={input} className="sr-only" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={busy} data-testid="points-file" onChange={(e) => void upload(e.target.files?.[0])} />
        </label>
        <fieldset className="segmented points-import__mode">
          <legend className="sr-only">{t.points.importMode}</legend>
          {(['replace', 'merge'] as const).map((m) => (
            <label key={m} className="segmented__opt">
              <input type="radio" name="points-import-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              {t.points[m]}
            </label>
          ))}
        </fieldset>
      </div>
      <p className="hint">{t.points.importHint}</p>
      <ErrorNote message={error} />
      {done ? (
        <div role="status" className="points-import__done">
          <p className="ok-note">{t.points.imported(done.stats.points, done.stats.delegates)}</p>
          {done.warnings.length > 0 ? (
            <>
              <p className="hint">{t.points.importWarnings}</p>
              <ul className="points-import__warnings">
                {done.warnings.map((w) => <li key={`${w.row}-${w.message}`}><strong>{t.points.row(w.row)}:</strong> {w.message}</li>)}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
