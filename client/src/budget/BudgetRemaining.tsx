import type { BudgetLine } from '@diem-cau/shared';
import { useT } from '../i18n/i18n';
import { formatBudget, useLiveRemaining } from './useBudget';

/** A line's remaining time, live; red with a word once overrun (colour is never the only signal). */
export function BudgetRemaining({ line, words = false }: { line: BudgetLine; words?: boolean }) {
  const t = useT();
  const ms = useLiveRemaining(line);
  const over = ms < 0;
  const text = formatBudget(ms);
  return (
    <span className={`budget-left${over ? ' budget-left--over' : ms === 0 ? ' budget-left--out' : ''}`} data-testid="budget-left" data-over={over ? 'true' : 'false'}>
      {words ? (over ? t.budget.overBy(text.slice(1)) : t.budget.leftOf(text)) : text}
    </span>
  );
}
