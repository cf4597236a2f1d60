import type { DraftWarning } from '../api/organiserApi';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useOrganiserT } from '../i18n/useOrganiserT';
import { visibleLines, type SuspectHeading } from './draftLines';

interface Props {
  lines: readonly string[];
  warnings: ReadonlyMap<number, DraftWarning[]>;
  suspects: readonly SuspectHeading[];
  /** true: every line; false: flagged lines with two lines of context. */
  all: boolean;
  onEdit: (line: number, text: string) => void;
}

/** The source text with its line numbers; each warning sits beside the line it is about, each line can be corrected. */
export function SourceLines({ lines, warnings, suspects, all, onEdit }: Props) {
  const t = useOrganiserT();
  const [editing, setEditing] = useState<number | undefined>();
  const suspectAt = new Map(suspects.map((s) => [s.line, s]));
  const flagged = new Set([...warnings.keys(), ...suspectAt.keys()]);
  const shown = all ? lines.map((_, i) => i + 1) : visibleLines(lines, flagged);
  if (shown.length === 0) return <p className="empty">{t.draft.noIssues}</p>;
  return (
    <ol className="src" data-testid="source-lines">
      {shown.map((n, i) =>
        n === 'gap' ? (
          <li key={`gap-${i}`} className="src__gap" aria-hidden="true">{t.draft.gap}</li>
        ) : (
          <SourceLine
            key={n} line={n} text={lines[n - 1] ?? ''} warnings={warnings.get(n) ?? []} suspect={suspectAt.get(n)}
            editing={editing === n} onStartEdit={() => setEditing(n)} onCancel={() => setEditing(undefined)}
            onSave={(text) => { setEditing(undefined); onEdit(n, text); }}
          />
        ),
      )}
    </ol>
  );
}

interface LineProps {
  line: number; text: string; warnings: DraftWarning[]; suspect: SuspectHeading | undefined; editing: boolean;
  onStartEdit: () => void; onCancel: () => void; onSave: (text: string) => void;
}

function SourceLine({ line, text, warnings, suspect, editing, onStartEdit, onCancel, onSave }: LineProps) {
  const t = useOrganiserT();
  const flagged = warnings.length > 0 || suspect !== undefined;
  return (
    <li className={`src__line${flagged ? ' src__line--flagged' : ''}`} data-line={line} data-testid="source-line">
      <button type="button" className="src__no" aria-label={t.draft.editLine(line)} title={t.draft.editLine(line)} onClick={onStartEdit}>{line}</button>
      <div className="src__body">
        {editing ? <LineEditor line={line} text={text} onSave={onSave} onCancel={onCancel} /> : <span className="src__text">{text === '' ? '\u00a0' : text}</span>}
      </div>
      {flagged ? (
        <div className="src__notes">
          {warnings.map((w) => (
            <p key={`${w.code}-${w.message}`} className="src__note" data-code={w.code}><span aria-hidden="true">⚠ </span>{w.message}</p>
          ))}
          {suspect ? (
            <div className="src__note src__note--suspect">
              <p>{t.draft.suspect}</p>
              {!editing ? (
                <button type="button" className="btn btn--small btn--primary" onClick={() => onSave(suspect.fix)}>{t.draft.fixTo(suspect.fix.length > 60 ? `${suspect.fix.slice(0, 59)}…` : suspect.fix)}</button>
              ) : null}
            </div>
          ) : null}
          {!editing ? <button type="button" className="btn btn--small btn--ghost" onClick={onStartEdit}>{t.draft.editLine(line)}</button> : null}
        </div>
      ) : null}
    </li>
  );
}

function LineEditor({ line, text, onSave, onCancel }: { line: number; text: string; onSave: (text: string) => void; onCancel: () => void }) {
  const t = useOrganiserT();
  const [value, setValue] = useState(text);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
  }, []);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') { e.preventDefault(); onSave(value); }
    if (e.key === 'Escape') { e.preventDefault(); onCancel(); }
  };
  return (
    <div className="src__edit">
      <input ref={input} className="input" aria-label={t.draft.lineText(line)} value={value} onChange={(e) => setValue(e.target.value)} onKeyDown={onKey} />
      <button type="button" className="btn btn--small btn--primary" onClick={() => onSave(value)}>{t.draft.applyLine}</button>
      <button type="button" className="btn btn--small" onClick={onCancel}>{t.common.cancel}</button>
    </div>
  );
}
