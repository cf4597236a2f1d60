import { articlesInOrder } from '@diem-cau/shared';
import { lazy, Suspense, useRef, useState } from 'react';
import { ErrorNote } from '../../ui/ErrorNote';
import { useApi } from '../api/apiContext';
import { importErrorMessage } from '../api/importErrorMessage';
import { useOrganiserT } from '../i18n/useOrganiserT';
import type { DraftForm } from '../setup/setupForm';
import { clauseCount, pointCount } from './draftLines';

// The preview carries the parser and the tree views: loaded when a draft is there to look at.
const DraftPreview = lazy(() => import('./DraftPreview').then((m) => ({ default: m.DraftPreview })));

interface Props { value: DraftForm | null; onChange: (next: DraftForm | null) => void }

/** Upload (.docx, .txt, .md) or paste the draft, review its structure, correct, accept. */
export function DraftSection({ value, onChange }: Props) {
  const t = useOrganiserT();
  const api = useApi();
  const file = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [reviewing, setReviewing] = useState(false);
  const [pasted, setPasted] = useState('');

  const upload = async (f: File | undefined) => {
    if (!f) return;
    setBusy(true);
    setError(undefined);
    const answer = await api.parseDraft(f);
    setBusy(false);
    if (file.current) file.current.value = '';
    if (!answer.ok) return setError(`${t.draft.failed} ${importErrorMessage(answer.error, t)}`);
    const { draft, warnings, text } = answer.value;
    onChange({ draft, warnings, text, originalText: text, fileName: f.name, accepted: false });
    setReviewing(true);
  };
  const readPasted = async () => {
    const { parseText } = await import('./parseText');
    onChange(parseText(pasted, undefined));
    setReviewing(true);
  };

  const picker = (
    <label className={`btn${value ? '' : ' btn--primary'}`} aria-busy={busy}>
      <span aria-hidden="true">⤒</span> {busy ? t.draft.uploading : value ? t.draft.reupload : t.draft.upload}
      <input ref={file} className="sr-only" type="file" accept=".docx,.txt,.md,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown" disabled={busy} data-testid="draft-file" onChange={(e) => void upload(e.target.files?.[0])} />
    </label>
  );
  const showPreview = value !== null && (!value.accepted || reviewing);
  return (
    <div className="draft-section">
      {value === null ? <p className="muted">{t.draft.intro}</p> : null}
      {value && !showPreview ? (
        <div className="draft-summary" data-testid="draft-summary">
          <span className="draft-summary__ok" aria-hidden="true">✓</span>
          <div className="draft-summary__text">
            <strong>{value.draft.title}</strong>
            <span className="muted">
              {t.draft.accepted} · {t.draft.stats(value.draft.chapters.length, articlesInOrder(value.draft).length, clauseCount(value.draft), pointCount(value.draft))}
              {value.fileName ? ` · ${value.fileName}` : ''}
            </span>
          </div>
          <button type="button" className="btn btn--small" onClick={() => setReviewing(true)}>{t.draft.review}</button>
        </div>
      ) : null}
      <div className="row draft-section__actions">
        {picker}
        {value ? <button type="button" className="btn btn--ghost btn--small" onClick={() => { onChange(null); setReviewing(false); }}>{t.common.remove}</button> : null}
      </div>
      <ErrorNote message={error} />
      {value === null ? (
        <details className="draft-paste">
          <summary>{t.draft.paste}</summary>
          <label className="field">
            <span className="field__label">{t.draft.pasteLabel}</span>
            <textarea className="input" rows={8} value={pasted} onChange={(e) => setPasted(e.target.value)} />
          </label>
          <button type="button" className="btn" disabled={pasted.trim() === ''} onClick={() => void readPasted()}>{t.draft.pasteRead}</button>
        </details>
      ) : null}
      {value === null ? <p className="hint">{t.draft.none}</p> : null}
      {showPreview && value ? (
        <Suspense fallback={<p className="muted" role="status">{t.common.loading}</p>}>
          <DraftPreview value={value} onChange={onChange} onAccept={() => { onChange({ ...value, accepted: true }); setReviewing(false); }} />
        </Suspense>
      ) : null}
    </div>
  );
}
