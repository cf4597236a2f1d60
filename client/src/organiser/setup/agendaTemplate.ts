import type { Draft } from '@diem-cau/shared';
import type { OrganiserMessages } from '../i18n/vi';
import { chapterArticleNumbers, formatArticleList } from './articleList';
import { newKey } from './ids';
import type { AgendaForm } from './setupForm';

const DISCUSSION_MINUTES_PER_ARTICLE = 4;

/** "NHỮNG QUY ĐỊNH CHUNG" → "Những quy định chung"; titles already in sentence case stay. */
export function sentenceCase(title: string): string {
  const letters = title.match(/\p{L}/gu) ?? [];
  const upper = letters.filter((ch) => ch === ch.toLocaleUpperCase('vi') && ch !== ch.toLocaleLowerCase('vi')).length;
  if (letters.length < 2 || upper / letters.length < 0.8) return title;
  const lower = title.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** The usual running order: opening, presentation of the draft, one discussion per chapter, conclusion. */
export function agendaTemplate(draft: Draft | null, t: OrganiserMessages): AgendaForm[] {
  const item = (kind: AgendaForm['kind'], title: string, articles = '', minutes = ''): AgendaForm => ({ key: newKey('a'), kind, title, articles, plannedMinutes: minutes });
  const d = t.agenda.defaults;
  const discussions = (draft?.chapters ?? []).map((c, i) => {
    const numbers = chapterArticleNumbers(draft as Draft, i);
    const name = `${t.draft.chapter(c.number)}${c.title ? `. ${sentenceCase(c.title)}` : ''}`;
    return item('discussion', d.discussion(name), formatArticleList(numbers.map((article) => ({ article }))), String(Math.max(15, numbers.length * DISCUSSION_MINUTES_PER_ARTICLE)));
  });
  if (draft && discussions.length === 0 && draft.articles.length > 0) {
    discussions.push(item('discussion', d.discussion(t.draft.title.toLocaleLowerCase()), formatArticleList(draft.articles.map((a) => ({ article: a.number }))), '60'));
  }
  return [item('opening', d.opening, '', '10'), item('presentation', d.presentation, '', '20'), ...discussions, item('conclusion', d.conclusion, '', '15')];
}
