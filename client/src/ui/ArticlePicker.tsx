import { formatArticleRef, type ArticleRef, type Draft } from '@diem-cau/shared';
import { useId, useState, type KeyboardEvent } from 'react';
import { refKey, searchArticles } from '../domain/articleSearch';
import { useT } from '../i18n/i18n';

interface Props {
  draft: Draft;
  value: ArticleRef[];
  onChange: (refs: ArticleRef[]) => void;
  /** Enter on an empty field: the form's own action (save the comment). */
  onSubmitEmpty?: () => void;
  inputId?: string;
}

/**
 * Type-ahead over the draft (an ARIA combobox): "5", "5.2" or title words without diacritics;
 * ↑/↓ to move, Enter or Tab to take the highlighted article, Backspace on an empty field drops the last.
 */
export function ArticlePicker({ draft, value, onChange, onSubmitEmpty, inputId }: Props) {
  const t = useT();
  const listId = useId();
  const fallbackId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const taken = new Set(value.map(refKey));
  const options = searchArticles(draft, query).filter((o) => !taken.has(refKey(o.ref)));
  const open = query.trim().length > 0;

  const pick = (ref: ArticleRef) => {
    onChange([...value, ref]);
    setQuery('');
    setActive(0);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (options.length > 0) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if ((e.key === 'Enter' || (e.key === 'Tab' && !e.shiftKey)) && open && options[active]) {
      e.preventDefault();
      pick(options[active].ref);
    } else if (e.key === 'Enter' && !open && onSubmitEmpty) {
      e.preventDefault();
      onSubmitEmpty();
    } else if (e.key === 'Backspace' && query === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    } else if (e.key === 'Escape') {
      setQuery('');
    }
  };
  const id = inputId ?? fallbackId;
  return (
    <div className="picker">
      <ul className="picker__chosen" aria-live="polite">
        {value.map((r) => (
          <li key={refKey(r)} className="tag tag--article tag--removable">
            {formatArticleRef(r)}
            <button type="button" className="tag__x" aria-label={t.entry.remove(formatArticleRef(r))} onClick={() => onChange(value.filter((v) => refKey(v) !== refKey(r)))}>×</button>
          </li>
        ))}
      </ul>
      <input
        id={id} className="input picker__input" role="combobox" aria-expanded={open} aria-controls={listId} aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        value={query} placeholder={t.entry.articlesPlaceholder} autoComplete="off" spellCheck={false}
        onChange={(e) => { setQuery(e.target.value); setActive(0); }} onKeyDown={onKeyDown}
      />
      {open ? (
        <ul id={listId} role="listbox" className="picker__list" aria-label={t.entry.articles}>
          {options.length === 0 ? <li className="picker__none" role="option" aria-disabled="true" aria-selected="false">{t.entry.noMatch}</li> : null}
          {options.map((o, i) => (
            <li
              key={refKey(o.ref)} id={`${listId}-${i}`} role="option" aria-selected={i === active} className={`picker__opt${i === active ? ' is-active' : ''}`}
              // No hover highlighting: a list opening under a resting mouse must not move the choice Enter takes.
              onMouseDown={(e) => { e.preventDefault(); pick(o.ref); }}
            >
              <strong>{o.label}</strong> <span className="muted">{o.title}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
