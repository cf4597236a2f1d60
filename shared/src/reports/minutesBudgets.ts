import { articleTime } from '../budget/articleTime';
import { budgetLedger, type BudgetLine } from '../budget/budgetLedger';
import { normalise, type ConferenceState, type Speech } from '../conference/state';
import { formatArticleRef } from '../comments/articleRefs';
import { articlesInOrder } from '../draft/draft';
import { formatDuration } from './vnTime';

export interface MinutesBudgetLine {
  name: string;
  /** 'Điểm cầu' or 'Nhóm': the level the line is kept at; a group summed over its points says 'Nhóm (cộng)'. */
  levelLabel: string;
  budgetMs: number;
  allocated: string;
  added: string;
  carried: string;
  used: string;
  usedMs: number;
  left: string;
  overrunMs: number;
  overrun: string;
}

export interface MinutesBudget {
  itemId: string;
  title: string;
  splitLabel: string;
  carryOver: boolean;
  lines: MinutesBudgetLine[];
}

export interface MinutesArticleTime {
  itemId: string;
  title: string;
  rows: Array<{ article: number; label: string; articleTitle: string; speeches: number; ms: number; time: string }>;
  unnamedMs: number;
  /** "Điều 2, Điều 7", or '' when every article of the item was spoken on. */
  silent: string;
}

const SPLIT_LABELS: Record<string, string> = { equal: 'chia đều', proportional: 'chia theo hệ số', manual: 'phân bổ cụ thể' };

/** "-00:30" for time carried as debt; '' for nothing. */
const signed = (ms: number) => (ms === 0 ? '' : ms < 0 ? `-${formatDuration(-ms)}` : formatDuration(ms));

function lineOf(l: BudgetLine, levelLabel: string): MinutesBudgetLine {
  const budgetMs = l.allocatedMs + l.carriedMs + l.addedMs;
  const overrunMs = Math.max(0, -l.remainingMs);
  return {
    name: l.name, levelLabel, budgetMs, allocated: formatDuration(l.allocatedMs), added: signed(l.addedMs), carried: signed(l.carriedMs),
    used: formatDuration(l.usedMs), usedMs: l.usedMs, left: formatDuration(Math.max(0, l.remainingMs)), overrunMs, overrun: overrunMs > 0 ? formatDuration(overrunMs) : '',
  };
}

/** The state the budget ledger reads: the folded conference with the minutes' speeches. */
function withSpeeches(base: ConferenceState, speeches: ReadonlyMap<string, Speech>): ConferenceState {
  return { ...base, speeches: normalise([...speeches.values()]) };
}

/** Budgets, used and overrun per point and group, per budgeted agenda item (TB10). */
export function minutesBudgets(base: ConferenceState, speeches: ReadonlyMap<string, Speech>): MinutesBudget[] {
  const state = withSpeeches(base, speeches);
  return [...budgetLedger(state).values()].map((ledger) => ({
    itemId: ledger.itemId,
    title: state.agenda.get(ledger.itemId)?.title ?? ledger.itemId,
    splitLabel: SPLIT_LABELS[ledger.split] ?? ledger.split,
    carryOver: ledger.carryOver,
    lines: [
      ...ledger.lines.map((l) => lineOf(l, ledger.unit === 'group' ? 'Nhóm' : 'Điểm cầu')),
      ...ledger.groups.map((g) => lineOf(g, 'Nhóm (cộng)')),
    ],
  }));
}

/** Time per article for every agenda item with speeches or articles under discussion (TB9, TB10). */
export function minutesArticleTimes(base: ConferenceState, speeches: ReadonlyMap<string, Speech>, now: number): MinutesArticleTime[] {
  const state = withSpeeches(base, speeches);
  const titles = new Map(articlesInOrder(state.draft).map((a) => [a.article.number, a.article.title]));
  const spoken = new Set([...speeches.values()].map((s) => s.agendaItemId));
  return state.agenda.list().filter((item) => spoken.has(item.id)).map((item) => {
    const spread = articleTime(state, item.id, now);
    return {
      itemId: item.id, title: item.title, unnamedMs: spread.unnamedMs,
      silent: spread.silent.map((n) => formatArticleRef({ article: n })).join(', '),
      rows: spread.articles.map((a) => ({ article: a.article, label: formatArticleRef({ article: a.article }), articleTitle: titles.get(a.article) ?? '', speeches: a.speeches, ms: a.ms, time: formatDuration(a.ms) })),
    };
  });
}

export const BUDGET_TABLE_HEADERS = ['Nội dung', 'Điểm cầu / nhóm', 'Cấp', 'Được phân bổ', 'Chuyển từ nội dung trước', 'Cộng thêm', 'Đã phát biểu', 'Còn lại', 'Vượt'] as const;
export const ARTICLE_TIME_HEADERS = ['Nội dung', 'Điều', 'Tên điều', 'Số lượt phát biểu', 'Thời gian'] as const;

/** The budget table's rows, the same in the print view, DOCX, XLSX and CSV. */
export function budgetTableRows(budgets: readonly MinutesBudget[]): Array<Array<string | number>> {
  return budgets.flatMap((b) => b.lines.map((l) => [`${b.title} (${b.splitLabel}${b.carryOver ? ', cộng dồn' : ''})`, l.name, l.levelLabel, l.allocated, l.carried, l.added, l.used, l.left, l.overrun]));
}

export function articleTimeRows(items: readonly MinutesArticleTime[]): Array<Array<string | number>> {
  return items.flatMap((i) => [
    ...i.rows.map((r) => [i.title, r.label, r.articleTitle, r.speeches, r.time]),
    ...(i.unnamedMs > 0 ? [[i.title, 'Không nêu điều', '', '', formatDuration(i.unnamedMs)]] : []),
  ]);
}
