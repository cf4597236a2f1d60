import { articlesInOrder, REVIEW_CONFIDENCE, type ConferenceState } from '@diem-cau/shared';
import { useState } from 'react';
import { ErrorNote } from '../../ui/ErrorNote';
import { errorMessage, useApi } from '../api/apiContext';
import { useOrganiserT } from '../i18n/useOrganiserT';
import { alignmentOf, startEdit, type MappingEdit } from './mappingEdit';
import { MappingRows } from './MappingRows';

/** "Dự thảo lần 2": upload the revision, check the proposed mapping side by side, correct it, confirm (DA12–DA16). */
export function RevisionTab({ state }: { state: ConferenceState }) {
  const t = useOrganiserT();
  const api = useApi();
  const [edit, setEdit] = useState<MappingEdit | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const [fileName, setFileName] = useState<string | undefined>();

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    setBusy(true);
    setError(undefined);
    setSaved(false);
    const answer = await api.proposeRevision(state.id, file);
    setBusy(false);
    if (!answer.ok) return setError(errorMessage(answer.error, t.common.network));
    setEdit(startEdit(state.draft, answer.value.draft, answer.value.alignment));
  };
  const result = edit ? alignmentOf(edit) : undefined;
  const confirm = async () => {
    if (!edit || !result?.ok) return;
    setBusy(true);
    const answer = await api.confirmRevision(state.id, edit.after, result.alignment);
    setBusy(false);
    if (!answer.ok) return setError(errorMessage(answer.error, t.common.network));
    setEdit(undefined);
    setSaved(true);
  };
  const toReview = edit ? [...edit.proposal.articles, ...edit.proposal.clauses].filter((g) => g.confidence < REVIEW_CONFIDENCE && g.before.length > 0).length : 0;
  const newUnits = result?.ok ? result.alignment.articles.filter((g) => g.kind === 'new').flatMap((g) => g.after) : [];
  const titleOf = (n: number) => (edit ? articlesInOrder(edit.after).find((p) => p.article.number === n)?.article.title ?? '' : '');
  return (
    <section className="panel revision" aria-labelledby="revision-title">
      <header className="panel__head"><h2 id="revision-title" className="panel__title">{t.revision.title}</h2></header>
      <div className="panel__body">
        <p className="hint">{t.revision.intro}</p>
        {state.status === 'scheduled' ? <p className="notice">{t.revision.notStarted}</p> : null}
        {state.revision && !edit ? <p className="ok-banner" role="status" data-testid="revision-confirmed">{t.revision.confirmed(state.revision.draft.title)}</p> : null}
        {/* Until the hub's event comes back; then the banner above says it, once. */}
        {saved && !state.revision ? <p className="muted" role="status">{t.revision.saved}</p> : null}
        {/* A label styled as a button, as for the first draft: the browser's own file button speaks the browser's language. */}
        <p className="revision__pick">
          <label className={`btn${edit ? '' : ' btn--primary'}`} aria-busy={busy} aria-disabled={state.status === 'scheduled' || undefined}>
            <span aria-hidden="true">⤒</span> {t.revision.upload}
            <input className="sr-only" type="file" accept=".docx,.txt,.md" disabled={busy || state.status === 'scheduled'} data-testid="revision-file"
              onChange={(e) => { void upload(e.target.files?.[0]); e.target.value = ''; }} />
          </label>
          {fileName ? <span className="muted" data-testid="revision-file-name">{fileName}</span> : null}
        </p>
        {busy ? <p className="muted" role="status">{t.revision.reading}</p> : null}
        <ErrorNote message={error} />
        {edit ? (
          <>
            {toReview > 0 ? <p className="chip chip--warn" data-testid="revision-to-review">{t.revision.toReview(toReview)}</p> : null}
            <table className="mapping" data-testid="mapping">
              <thead><tr><th scope="col">{t.revision.before}</th><th scope="col">{t.revision.after}</th><th scope="col">{t.revision.change}</th></tr></thead>
              <tbody><MappingRows edit={edit} current={result?.ok ? result.alignment : undefined} onChange={setEdit} /></tbody>
            </table>
            <p data-testid="revision-new"><b>{t.revision.newUnits}:</b> {newUnits.length === 0 ? t.revision.none : newUnits.map((n) => `Điều ${n}. ${titleOf(n)}`).join('; ')}</p>
            {result && !result.ok ? <p className="notice" role="alert">{t.revision.manyToMany(result.unit)}</p> : null}
            <button type="button" className="btn btn--primary" disabled={busy || !result?.ok} onClick={() => void confirm()} data-testid="revision-confirm">{t.revision.confirm}</button>
          </>
        ) : null}
      </div>
    </section>
  );
}
