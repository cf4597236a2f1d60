import { useT } from '../i18n/i18n';
import { BudgetRemaining } from './BudgetRemaining';
import { useActiveLine, useLiveRemaining } from './useBudget';
import type { BudgetLine } from '@diem-cau/shared';

function Flag({ line, pointName }: { line: BudgetLine; pointName: string }) {
  const t = useT();
  const over = useLiveRemaining(line) <= 0;
  if (!over) return <span className="qrow__budget muted"><BudgetRemaining line={line} words /></span>;
  return (
    <span className="tag tag--over" data-testid="over-budget" title={t.budget.overTitle(pointName)}>
      <span aria-hidden="true">⏱ </span>{t.budget.over} <BudgetRemaining line={line} />
    </span>
  );
}

/** TB7, beside a queued request: the point's time left in the active item, flagged once it has none (never refused). */
export function RequestBudget({ pointId, pointName }: { pointId: string; pointName: string }) {
  const line = useActiveLine(pointId);
  return line ? <Flag line={line} pointName={pointName} /> : null;
}
