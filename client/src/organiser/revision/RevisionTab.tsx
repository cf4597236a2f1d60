import { articlesInOrder, REVIEW_CONFIDENCE, type ConferenceState, type DraftAlignment, type DraftRevision } from '@diem-cau/shared';
import { useMemo, useState } from 'react';
import { useLocale } from '../../i18n/i18n';
import { ErrorNote } from '../../ui/ErrorNote';
import { errorMessage, useApi } from '../api/apiContext';
import { formatWhen } from '../app/formatWhen';
import { useOrganiserT } from '../i18n/useOrganiserT';
import { alignmentOf, startEdit, type MappingEdit } from './mappingEdit';
import { MappingRows } from './MappingRows';

/** The organiser's word: nothing confirmed reads "cần kiểm tra" (DA13 stores confidence 1; held here whatever the event carried). */
function asConfirmed(alignment: DraftAlignment): DraftAlignment {
  const sure = <G extends { confidence: number }>(g: G): G => ({ ...g, confidence: 1 });
  return { articles: alignment.articles.map(sure), clauses: alignment.clauses.map(sure) };
}

/** DA17: the confirmed revision, when and how often amended, above its mapping shown for correction. */
function ConfirmedNote({ revision, timeZone }: { revision: DraftRevision; timeZone: string }) {
  const t = useOrganiserT();
  const { locale } = useLocale();
  const when = formatWhen(new Date(revision.confirmedAt).toISOString(), locale, timeZone) ?? '';
  return (
    <div className="ok-banner revision__confirmed" role="status" data-testid="revision-confirmed">
      <p>{t.revision.confirmed(revision.draft.title)}</p>
      <p className="muted" data-testid="revision-confirmed-when">{t.revision.confirmedWhen(when, revision.amendments ?? 0)}</p>
    </div>
  );
}

/**
 * "Dự thảo lần 2": upload the revision, check the proposed mapping side by side, correct it, confirm (DA12–DA16);
 * once confirmed, the tab shows the confirmed mapping, which the organiser may correct and confirm again (DA17).
 */
export function RevisionTab({ state }: { state: ConferenceState }) {
  const t = useOrganiserT();
  const api = useApi();
  // The organiser's working copy; none: the confirmed mapping as it stands (when there is one).
  const [working, setWorking] = useState<MappingEdit | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const [fileName, setFileName] = useState<string | undefined>();
  const confirmed = useMemo(() => (state.revision ? startEdit(state.draft, state.revision.draft, asConfirmed(state.revision.alignment)) : undefined), [state.draft, state.revision]);
  const edit = working ?? confirmed;
  const amending = state.revision !== undefined && (working === undefined || working.proposal === confirmed?.proposal);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    setBusy(true);
    setError(undefined);
    setSaved(false);
    const answer = await api.proposeRevision(state.id, file);
    setBusy(false);
    if (!answer.ok) return setError(errorMessage(answer.error, t.common.network));
    setWorking(startEdit(state.draft, answer.value.draft, answer.value.alignment));
  };
  const result = edit ? alignmentOf(edit) : undefined;
  const confirm = async () => {
    if (!edit || !result?.ok) return;
    setBusy(true);
    const answer = await api.confirmRevision(state.id, edit.after, result.alignment);
    setBusy(false);
    if (!answer.ok) return setError(errorMessage(answer.error, t.common.network));
    setWorking(undefined);
    setSaved(true);
  };
  const toReview = working && !amending ? [...working.proposal.articles, ...working.proposal.clauses].filter((g) => g.confidence < REVIEW_CONFIDENCE && g.before.length > 0).length : 0;
  const newUnits = result?.ok ? result.alignment.articles.filter((g) => g.kind === 'new').flatMap((g) => g.after) : [];
  const titleOf = (n: number) => (edit ? articlesInOrder(edit.after).find((p) => p.article.number === n)?.article.title ?? '' : '');
  // Confirming the confirmed mapping unchanged would write nothing (DA17): only a correction or a new upload is sent.
  const canConfirm = !busy && result?.ok === true && working !== undefined && (!amending || working.touched.size > 0);
  return (
    <section className="panel revision" aria-labelledby="revision-title">
      <header className="panel__head"><h2 id="revision-title" className="panel__title">{t.revision.title}</h2></header>
      <div className="panel__body">
        <p className="hint">{t.revision.intro}</p>
        {state.status === 'scheduled' ? <p className="notice">{t.revision.notStarted}</p> : null}
        {state.revision && amending ? <ConfirmedNote revision={state.revision} timeZone={state.timeZone} /> : null}
        {/* Until the hub's event comes back; then the banner above says it, once. */}
        {saved && !state.revision ? <p className="muted" role="status">{t.revision.saved}</p> : null}
        {/* A label styled as a button, as for the first draft: the browser's own file button speaks the browser's language. */}
        <p className="revision__pick">
          <label className={`btn${edit ? '' : ' btn--primary'}`} aria-busy={busy} aria-disabled={state.status === 'scheduled' || undefined}>
            <span aria-hidden="true">⤒</span> {state.revision ? t.revision.uploadOther : t.revision.upload}
            <input className="sr-only" type="file" accept=".docx,.txt,.md" disabled={busy || state.status === 'scheduled'} data-testid="revision-file"
              onChange={(e) => { void upload(e.target.files?.[0]); e.target.value = ''; }} />
          </label>
          {fileName && working ? <span className="muted" data-testid="revision-file-name">{fileName}</span> : null}
        </p>
        {busy ? <p className="muted" role="status">{t.revision.reading}</p> : null}
        <ErrorNote message={error} />
        {edit ? (
          <>
            {toReview > 0 ? <p className="chip chip--warn" data-testid="revision-to-review">{t.revision.toReview(toReview)}</p> : null}
            {amending ? <h3 className="subhead">{t.revision.confirmedMapping}</h3> : null}
            <table className="mapping" data-testid="mapping" data-state={amending ? 'confirmed' : 'proposal'}>
              <thead><tr><th scope="col">{t.revision.before}</th><th scope="col">{t.revision.after}</th><th scope="col">{t.revision.change}</th></tr></thead>
              <tbody><MappingRows edit={edit} current={result?.ok ? result.alignment : undefined} onChange={setWorking} /></tbody>
            </table>
            <p data-testid="revision-new"><b>{t.revision.newUnits}:</b> {newUnits.length === 0 ? t.revision.none : newUnits.map((n) => `Điều ${n}. ${titleOf(n)}`).join('; ')}</p>
            {result && !result.ok ? <p className="notice" role="alert">{t.revision.manyToMany(result.unit)}</p> : null}
            <p className="revision__actions">
              <button type="button" className="btn btn--primary" disabled={!canConfirm} onClick={() => void confirm()} data-testid="revision-confirm">
                {amending ? t.revision.reconfirm : t.revision.confirm}
              </button>
              {working && state.revision ? <button type="button" className="btn btn--ghost" onClick={() => setWorking(undefined)} data-testid="revision-discard">{t.revision.discard}</button> : null}
            </p>
          </>
        ) : null}
      </div>
    </section>
  );
}
