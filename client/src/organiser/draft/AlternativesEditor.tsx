import { articlesInOrder, findArticle, renderDraftText } from '@diem-cau/shared';
import { useState } from 'react';
import { useOrganiserT } from '../i18n/useOrganiserT';
import type { DraftForm } from '../setup/setupForm';
import { clausesSwallowed, withAlternatives } from './alternativesEdit';
import { parseText } from './parseText';

interface Props { value: DraftForm; onChange: (next: DraftForm) => void }

function currentTexts(value: DraftForm, article: number, clause: number): string[] {
  const a = findArticle(value.draft, article)?.article;
  const owner = clause === 0 ? a : a?.clauses.find((c) => c.number === clause);
  return (owner?.alternatives ?? []).map((x) => x.text);
}

/**
 * Adds or edits an article's or clause's alternatives. The change goes through the draft's text (rendered and read
 * again), so the source lines, the tree and the warnings stay one story.
 */
export function AlternativesEditor({ value, onChange }: Props) {
  const t = useOrganiserT();
  const places = articlesInOrder(value.draft);
  const [article, setArticle] = useState(places[0]?.article.number ?? 1);
  const [clause, setClause] = useState(0);
  const [texts, setTexts] = useState<string[]>(() => currentTexts(value, article, clause));
  const pick = (a: number, c: number) => {
    setArticle(a);
    setClause(c);
    setTexts(currentTexts(value, a, c));
  };
  const save = () => {
    const draft = withAlternatives(value.draft, article, clause, texts);
    onChange(parseText(renderDraftText(draft), value.draft.title, value));
  };
  const clauses = findArticle(value.draft, article)?.article.clauses ?? [];
  // Read again, whole-article alternatives would take the article's clauses as their text (P20): refused here.
  const swallowed = texts.some((x) => x.trim() !== '') ? clausesSwallowed(value.draft, article, clause) : 0;
  return (
    <section className="alt-editor" aria-labelledby="alt-editor-title" data-testid="alt-editor">
      <h3 id="alt-editor-title" className="subhead">{t.draft.alternatives}</h3>
      <p className="muted">{t.draft.alternativesHint}</p>
      <div className="alt-editor__pick">
        <label className="field">
          <span className="field__label">{t.draft.alternativesOf}</span>
          <select className="input" value={article} data-testid="alt-article" onChange={(e) => pick(Number(e.target.value), 0)}>
            {places.map(({ article: a }) => <option key={a.number} value={a.number}>{`${t.draft.article(a.number)}. ${a.title}`.slice(0, 80)}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="sr-only">{t.draft.alternativesOf}</span>
          <select className="input" value={clause} data-testid="alt-clause" onChange={(e) => pick(article, Number(e.target.value))}>
            <option value={0}>{t.draft.wholeArticle}</option>
            {clauses.map((c) => <option key={c.number} value={c.number}>{t.draft.clause(c.number)}</option>)}
          </select>
        </label>
      </div>
      <ol className="alt-editor__list">
        {texts.map((text, i) => (
          <li key={i} className="alt-editor__item">
            <label className="field">
              <span className="field__label">{t.draft.alternative(i + 1)}</span>
              <textarea className="input" rows={2} value={text} data-testid={`alt-text-${i + 1}`} onChange={(e) => setTexts(texts.map((x, k) => (k === i ? e.target.value : x)))} />
            </label>
            <button type="button" className="btn btn--small btn--ghost" onClick={() => setTexts(texts.filter((_, k) => k !== i))}>{t.draft.removeAlternative(i + 1)}</button>
          </li>
        ))}
      </ol>
      {swallowed > 0 ? <p className="notice" role="alert" data-testid="alt-over-clauses">{t.draft.alternativesOverClauses(article, swallowed)}</p> : null}
      <div className="alt-editor__actions">
        <button type="button" className="btn btn--small" data-testid="alt-add" onClick={() => setTexts([...texts, ''])}>{t.draft.addAlternative}</button>
        <button type="button" className="btn btn--small btn--primary" data-testid="alt-save" disabled={swallowed > 0} onClick={save}>{t.draft.saveAlternatives}</button>
      </div>
    </section>
  );
}
