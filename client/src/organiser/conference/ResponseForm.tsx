import { RESPONSE_STATUSES, type Comment, type ResponseStatus } from '@diem-cau/shared';
import { useState, type FormEvent } from 'react';
import { ErrorNote } from '../../ui/ErrorNote';
import { useCommand } from '../../ui/useCommand';
import { useOrganiserT } from '../i18n/useOrganiserT';

/** tiếp thu / tiếp thu một phần / giải trình with the explanation, sent as `comment.respond`. */
/** `newPlace`: where the comment's article went in the confirmed revision ("Điều 6 khoản 2"), offered for the explanation. */
export function ResponseForm({ comment, newPlace }: { comment: Comment; newPlace?: string }) {
  const t = useOrganiserT();
  const { run, error, busy } = useCommand();
  const response = comment.response;
  const [editing, setEditing] = useState(!response);
  const [status, setStatus] = useState<ResponseStatus>(response?.status ?? 'accepted');
  const [explanation, setExplanation] = useState(response?.explanation ?? '');
  const [local, setLocal] = useState<string | undefined>();
  const id = `resp-${comment.id}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (status !== 'accepted' && explanation.trim() === '') return setLocal(t.responses.explanationRequired);
    setLocal(undefined);
    if (await run({ type: 'comment.respond', commentId: comment.id, status, explanation: explanation.trim() })) setEditing(false);
  };
  if (!editing && response) {
    return (
      <div className={`response response--${response.status}`} data-testid="response">
        <span className={`chip response__status response__status--${response.status}`}>{t.responses.statuses[response.status]}</span>
        {response.explanation ? <p className="response__text">{response.explanation}</p> : null}
        <button type="button" className="btn btn--small btn--ghost" onClick={() => { setStatus(response.status); setExplanation(response.explanation); setEditing(true); }}>{t.responses.change}</button>
      </div>
    );
  }
  return (
    <form className="response-form" onSubmit={(e) => void submit(e)} data-testid="response-form">
      <fieldset className="segmented">
        <legend className="segmented__legend">{t.responses.status}</legend>
        {RESPONSE_STATUSES.map((s) => (
          <label key={s} className="segmented__opt">
            <input type="radio" name={`${id}-status`} value={s} checked={status === s} onChange={() => setStatus(s)} />
            {t.responses.statuses[s]}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span className="field__label">{t.responses.explanation}{status !== 'accepted' ? <span className="req"> ({t.common.required})</span> : null}</span>
        <textarea className="input" rows={2} value={explanation} aria-invalid={local !== undefined} onChange={(e) => setExplanation(e.target.value)} />
      </label>
      <div className="row">
        <button type="submit" className="btn btn--primary btn--small" disabled={busy}>{t.responses.save}</button>
        {newPlace ? (
          <button type="button" className="btn btn--ghost btn--small" data-testid="response-name-place" onClick={() => setExplanation((x) => `${x.trim()}${x.trim() === '' ? '' : ' '}${t.responses.nowAt(newPlace)}`)}>
            {t.responses.namePlace}
          </button>
        ) : null}
        {response ? <button type="button" className="btn btn--ghost btn--small" onClick={() => setEditing(false)}>{t.common.cancel}</button> : null}
      </div>
      <ErrorNote message={local ?? error} />
    </form>
  );
}
