import { AGENDA_KINDS, type AgendaKind, type Draft } from '@diem-cau/shared';
import { useEffect, useRef } from 'react';
import { useOrganiserT } from '../i18n/useOrganiserT';
import { agendaTemplate, sentenceCase } from './agendaTemplate';
import { chapterArticleNumbers, formatArticleList, readArticleList } from './articleList';
import { newKey } from './ids';
import type { AgendaForm } from './setupForm';

interface Props {
  agenda: AgendaForm[];
  draft: Draft | null;
  onChange: (agenda: AgendaForm[]) => void;
}

function move<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** The running order: add, remove, reorder (buttons, so the keyboard can do it), kind, title, articles, minutes. */
export function AgendaEditor({ agenda, draft, onChange }: Props) {
  const t = useOrganiserT();
  const list = useRef<HTMLOListElement>(null);
  // After a move the pressed button's row has moved: keep the focus on the same button of that row.
  const refocus = useRef<{ key: string; action: 'up' | 'down' | 'title' } | null>(null);
  useEffect(() => {
    const want = refocus.current;
    if (!want) return;
    refocus.current = null;
    const row = list.current?.querySelector<HTMLElement>(`[data-key="${want.key}"]`);
    const target = row?.querySelector<HTMLElement>(`[data-action="${want.action}"]:not(:disabled)`) ?? row?.querySelector<HTMLElement>('[data-action="title"]');
    target?.focus();
  }, [agenda]);

  const patch = (i: number, p: Partial<AgendaForm>) => onChange(agenda.map((a, j) => (j === i ? { ...a, ...p } : a)));
  const shift = (i: number, by: -1 | 1) => {
    const item = agenda[i];
    if (!item) return;
    refocus.current = { key: item.key, action: by < 0 ? 'up' : 'down' };
    onChange(move(agenda, i, i + by));
  };
  const add = () => {
    const item: AgendaForm = { key: newKey('a'), kind: 'discussion', title: '', articles: '', plannedMinutes: '' };
    refocus.current = { key: item.key, action: 'title' };
    onChange([...agenda, item]);
  };
  const template = () => {
    if (agenda.length === 0 || window.confirm(t.agenda.templateConfirm)) onChange(agendaTemplate(draft, t));
  };
  const total = agenda.reduce((n, a) => n + (Number(a.plannedMinutes) || 0), 0);
  return (
    <div className="agenda-editor">
      {agenda.length === 0 ? <p className="empty">{t.agenda.empty}</p> : null}
      <ol className="agenda-editor__list" ref={list}>
        {agenda.map((a, i) => (
          <AgendaRow key={a.key} item={a} index={i} count={agenda.length} draft={draft} onPatch={(p) => patch(i, p)} onShift={(by) => shift(i, by)} onRemove={() => onChange(agenda.filter((_, j) => j !== i))} />
        ))}
      </ol>
      <div className="row agenda-editor__foot">
        <button type="button" className="btn" onClick={add}>
          <span aria-hidden="true">+</span> {t.agenda.add}
        </button>
        <button type="button" className="btn btn--ghost" onClick={template}>
          {t.agenda.template}
        </button>
        {total > 0 ? <span className="muted agenda-editor__total">{t.agenda.totalMinutes(total)}</span> : null}
      </div>
    </div>
  );
}

interface RowProps {
  item: AgendaForm;
  index: number;
  count: number;
  draft: Draft | null;
  onPatch: (p: Partial<AgendaForm>) => void;
  onShift: (by: -1 | 1) => void;
  onRemove: () => void;
}

function AgendaRow({ item, index, count, draft, onPatch, onShift, onRemove }: RowProps) {
  const t = useOrganiserT();
  const n = index + 1;
  const id = `agenda-${item.key}`;
  const reading = readArticleList(item.articles, draft);
  const problems = [
    ...(reading.bad.length > 0 ? [t.agenda.badRefs(reading.bad.join(' '))] : []),
    ...(reading.unknown.length > 0 ? [t.agenda.unknownArticles(reading.unknown.map((x) => t.draft.article(x)).join(', '))] : []),
  ];
  const addChapter = (value: string) => {
    if (!draft || value === '') return;
    const numbers = chapterArticleNumbers(draft, Number(value));
    const merged = [...readArticleList(item.articles, draft).refs.map((r) => r.article), ...numbers];
    onPatch({ articles: formatArticleList(merged.map((article) => ({ article }))) });
  };
  return (
    <li className="agenda-item" data-key={item.key} data-testid="agenda-item" aria-label={t.agenda.item(n)}>
      <span className="agenda-item__n" aria-hidden="true">{n}</span>
      <div className="agenda-item__fields">
        <div className="agenda-item__line">
          <label className="field agenda-item__kind">
            <span className="field__label">{t.agenda.kind}</span>
            <select className="input" value={item.kind} onChange={(e) => onPatch({ kind: e.target.value as AgendaKind })}>
              {AGENDA_KINDS.map((k) => <option key={k} value={k}>{t.agenda.kinds[k]}</option>)}
            </select>
          </label>
          <label className="field agenda-item__title">
            <span className="field__label">{t.agenda.itemTitle}</span>
            <input className="input" data-action="title" value={item.title} onChange={(e) => onPatch({ title: e.target.value })} />
          </label>
          <label className="field agenda-item__minutes">
            <span className="field__label">{t.agenda.minutes}</span>
            <input className="input" inputMode="numeric" value={item.plannedMinutes} onChange={(e) => onPatch({ plannedMinutes: e.target.value.replace(/[^\d]/g, '') })} />
          </label>
        </div>
        {item.kind === 'discussion' || item.articles !== '' ? (
          <div className="agenda-item__line">
            <label className="field agenda-item__articles">
              <span className="field__label">{t.agenda.articles}</span>
              <input className="input" id={`${id}-articles`} placeholder={t.agenda.articlesHint} value={item.articles} aria-invalid={problems.length > 0} aria-describedby={`${id}-refs`} onChange={(e) => onPatch({ articles: e.target.value })} />
            </label>
            {draft && draft.chapters.length > 0 ? (
              <label className="field agenda-item__chapter">
                <span className="field__label sr-only">{t.agenda.addChapter}</span>
                <select className="input" value="" onChange={(e) => addChapter(e.target.value)}>
                  <option value="">{t.agenda.addChapter}</option>
                  {draft.chapters.map((c, i) => <option key={`${c.number}-${i}`} value={i}>{t.draft.chapter(c.number)}{c.title ? `. ${sentenceCase(c.title)}` : ''}</option>)}
                </select>
              </label>
            ) : null}
          </div>
        ) : null}
        <p id={`${id}-refs`} className={problems.length > 0 ? 'agenda-item__refs agenda-item__refs--bad' : 'agenda-item__refs'}>
          {problems.length > 0 ? problems.join('; ') : reading.refs.length > 0 ? t.agenda.resolved(formatArticleList(reading.refs), reading.refs.length) : null}
        </p>
      </div>
      <div className="agenda-item__actions">
        <button type="button" className="btn btn--small btn--icon" data-action="up" disabled={index === 0} aria-label={t.agenda.up(n)} title={t.common.moveUp} onClick={() => onShift(-1)}>↑</button>
        <button type="button" className="btn btn--small btn--icon" data-action="down" disabled={index === count - 1} aria-label={t.agenda.down(n)} title={t.common.moveDown} onClick={() => onShift(1)}>↓</button>
        <button type="button" className="btn btn--small btn--icon btn--danger-ghost" aria-label={t.agenda.remove(n)} title={t.common.remove} onClick={onRemove}>✕</button>
      </div>
    </li>
  );
}
