import { articlesInOrder } from '@diem-cau/shared';
import { useEffect, useMemo, useState } from 'react';
import { useOrganiserT } from '../i18n/useOrganiserT';
import type { DraftForm } from '../setup/setupForm';
import { changedLineCount, clauseCount, pointCount, replaceLine, splitLines, suspectHeadings, warningsByLine } from './draftLines';
import { AlternativesEditor } from './AlternativesEditor';
import { DraftTree } from './DraftTree';
import { parseText, textOf } from './parseText';
import { SourceLines } from './SourceLines';

interface Props {
  value: DraftForm;
  onChange: (next: DraftForm) => void;
  onAccept: () => void;
}

/** The tree read from the draft beside its source lines and warnings; a corrected line is read again at once. */
export function DraftPreview({ value, onChange, onAccept }: Props) {
  const t = useOrganiserT();
  const [announce, setAnnounce] = useState('');
  useEffect(() => {
    if (value.text === '') {
      const text = textOf(value.draft);
      onChange({ ...value, text, originalText: text });
    }
  }, [value, onChange]);
  const lines = useMemo(() => splitLines(value.text), [value.text]);
  const warnings = useMemo(() => warningsByLine(value.warnings), [value.warnings]);
  const suspects = useMemo(() => suspectHeadings(lines, value.draft), [lines, value.draft]);
  const flagged = warnings.size + suspects.length;
  const [all, setAll] = useState(flagged === 0);
  const articles = articlesInOrder(value.draft).length;
  const edited = changedLineCount(value.originalText, value.text);

  const editLine = (line: number, text: string) => {
    const next = parseText(replaceLine(value.text, line, text), value.draft.title, value);
    onChange(next);
    setAnnounce(t.draft.reparsed(articlesInOrder(next.draft).length, next.warnings.length));
  };
  return (
    <div className="dpreview" data-testid="draft-preview">
      <div className="dpreview__bar">
        <div className="dpreview__facts">
          <strong data-testid="draft-stats">{t.draft.stats(value.draft.chapters.length, articles, clauseCount(value.draft), pointCount(value.draft))}</strong>
          <span className={`chip ${value.warnings.length > 0 ? 'chip--warn' : 'chip--open'}`} data-testid="draft-warning-count">{t.draft.warnings(value.warnings.length)}</span>
          {edited > 0 ? <span className="muted">{t.draft.edited(edited)}</span> : null}
        </div>
        <button type="button" className="btn btn--primary" onClick={onAccept}>
          <span aria-hidden="true">✓</span> {t.draft.accept}
        </button>
      </div>
      <p className="sr-only" role="status">{announce}</p>
      <label className="field">
        <span className="field__label">{t.draft.draftTitle}</span>
        <input className="input" value={value.draft.title} onChange={(e) => onChange({ ...value, draft: { ...value.draft, title: e.target.value } })} />
      </label>
      <div className="dpreview__cols">
        <section className="dpreview__col" aria-labelledby="dpreview-tree">
          <h3 id="dpreview-tree" className="subhead">{t.draft.tree}</h3>
          <DraftTree draft={value.draft} />
          <AlternativesEditor value={value} onChange={onChange} />
        </section>
        <section className="dpreview__col dpreview__col--source" aria-labelledby="dpreview-source">
          <div className="dpreview__source-head">
            <h3 id="dpreview-source" className="subhead">{t.draft.source}</h3>
            <fieldset className="segmented">
              <legend className="sr-only">{t.draft.source}</legend>
              <label className="segmented__opt"><input type="radio" name="dpreview-view" checked={!all} onChange={() => setAll(false)} />{t.draft.onlyIssues} ({flagged})</label>
              <label className="segmented__opt"><input type="radio" name="dpreview-view" checked={all} onChange={() => setAll(true)} />{t.draft.allLines}</label>
            </fieldset>
          </div>
          <SourceLines lines={lines} warnings={warnings} suspects={suspects} all={all} onEdit={editLine} />
        </section>
      </div>
    </div>
  );
}
