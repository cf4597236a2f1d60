import { useT } from '../i18n/i18n';
import { Panel } from '../ui/Panel';
import { BudgetRemaining } from './BudgetRemaining';
import { useActiveLine } from './useBudget';

/** The point's own time left in the active item (its group's, when the budget is per group); nothing without a budget. */
export function PointBudget({ pointId }: { pointId: string }) {
  const t = useT();
  const line = useActiveLine(pointId);
  if (!line) return null;
  return (
    <Panel id="point-budget" title={t.budget.yours}>
      <p className="point-budget" data-testid="point-budget">
        {line.id !== pointId ? <span className="muted">{line.name}:</span> : null}
        <BudgetRemaining line={line} words />
      </p>
    </Panel>
  );
}

/** On the hall's screen, beside the speech timer: what the speaker's point (or group) has left, counting down with it. */
export function SpeakerBudget({ pointId }: { pointId: string }) {
  const t = useT();
  const line = useActiveLine(pointId);
  if (!line) return null;
  return (
    <p className="wall__budget" data-testid="speaker-budget">
      <span className="wall__label">{t.budget.speakerBudget}{line.id !== pointId ? ` · ${line.name}` : ''} </span>
      <BudgetRemaining line={line} />
    </p>
  );
}
