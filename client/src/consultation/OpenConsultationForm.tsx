import { articlesInOrder, findArticle, type ConferenceState, type ConsultationKind } from '@diem-cau/shared';
import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { ErrorNote } from '../ui/ErrorNote';
import { useCommand } from '../ui/useCommand';

const LIMITS_MIN = [0, 1, 2, 3, 5, 10] as const;

function alternativesOf(state: ConferenceState, article: number, clause: number): number {
  const place = findArticle(state.draft, article);
  const owner = clause === 0 ? place?.article : place?.article.clauses.find((c) => c.number === clause);
  return owner?.alternatives?.length ?? 0;
}

/** The first article that carries alternatives (on itself or a clause), else the first article. */
function firstTarget(state: ConferenceState): { article: number; clause: number } {
  const places = articlesInOrder(state.draft);
  for (const { article } of places) {
    if ((article.alternatives?.length ?? 0) >= 2) return { article: article.number, clause: 0 };
    const clause = article.clauses.find((c) => (c.alternatives?.length ?? 0) >= 2);
    if (clause) return { article: article.number, clause: clause.number };
  }
  return { article: places[0]?.article.number ?? 1, clause: 0 };
}

/** The chair's question: an article (or clause), alternatives or a plain approval, a time limit, names shown or not. */
export function OpenConsultationForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const state = useConferenceState();
  const { run, error, busy } = useCommand();
  const [first] = useState(() => firstTarget(state));
  const [article, setArticle] = useState(first.article);
  const [clause, setClause] = useState(first.clause);
  const [kind, setKind] = useState<ConsultationKind>('alternatives');
  const [limitMin, setLimitMin] = useState<number>(0);
  const [hideNames, setHideNames] = useState(false);
  const places = articlesInOrder(state.draft);
  const clauses = findArticle(state.draft, article)?.article.clauses ?? [];
  const hasAlternatives = alternativesOf(state, article, clause) >= 2;
  const chosenKind: ConsultationKind = hasAlternatives ? kind : 'approval';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run({
      type: 'consultation.open', kind: chosenKind, article, ...(clause > 0 ? { clause } : {}),
      ...(limitMin > 0 ? { timeLimitS: limitMin * 60 } : {}), hideNames,
    }).then((ok) => ok && onDone());
  };
  return (
    <form className="form consult-form" onSubmit={submit} data-testid="consult-form">
      <div className="consult-form__row">
        <label className="field">
          <span className="field__label">{t.consultation.article}</span>
          <select className="input" value={article} data-testid="consult-article" onChange={(e) => { setArticle(Number(e.target.value)); setClause(0); }}>
            {places.map(({ article: a }) => <option key={a.number} value={a.number}>{`${t.consultation.article} ${a.number}. ${a.title}`.slice(0, 80)}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t.consultation.clause}</span>
          <select className="input" value={clause} data-testid="consult-clause" onChange={(e) => setClause(Number(e.target.value))}>
            <option value={0}>{t.consultation.wholeArticle}</option>
            {clauses.map((c) => <option key={c.number} value={c.number}>{`${t.consultation.clause} ${c.number}`}</option>)}
          </select>
        </label>
      </div>
      <fieldset className="segmented">
        <legend className="field__label">{t.consultation.kind}</legend>
        <label className="segmented__opt"><input type="radio" name="consult-kind" checked={chosenKind === 'alternatives'} disabled={!hasAlternatives} onChange={() => setKind('alternatives')} />{t.consultation.kindAlternatives}</label>
        <label className="segmented__opt"><input type="radio" name="consult-kind" checked={chosenKind === 'approval'} onChange={() => setKind('approval')} />{t.consultation.kindApproval}</label>
      </fieldset>
      {!hasAlternatives ? <p className="muted">{t.consultation.noAlternatives}</p> : null}
      <div className="consult-form__row">
        <label className="field">
          <span className="field__label">{t.consultation.timeLimit}</span>
          <select className="input" value={limitMin} data-testid="consult-limit" onChange={(e) => setLimitMin(Number(e.target.value))}>
            {LIMITS_MIN.map((m) => <option key={m} value={m}>{m === 0 ? t.consultation.noLimit : t.consultation.minutes(m)}</option>)}
          </select>
        </label>
        <label className="check"><input type="checkbox" checked={hideNames} onChange={(e) => setHideNames(e.target.checked)} /> {t.consultation.hideNames}</label>
      </div>
      <button type="submit" className="btn btn--primary" disabled={busy} data-testid="consult-open">{t.consultation.open}</button>
      <ErrorNote message={error} />
    </form>
  );
}
