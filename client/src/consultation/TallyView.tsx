import type { ConsultationTally } from '@diem-cau/shared';
import { useT } from '../i18n/i18n';
import { optionLabel } from './useConsultation';

interface Props {
  tally: ConsultationTally;
  /** Which point chose what (the chair may hide it); counts are always shown. */
  names: boolean;
  /** The reasons beside the names: the chair's console, not the hall's screen. */
  reasons?: boolean;
  /** The alternatives' texts beside their labels (with the reasons unless said otherwise). */
  texts?: boolean;
}

/** Per option: its count, a bar, and the points that chose it; then the points that have not answered. */
export function TallyView({ tally, names, reasons = false, texts = reasons }: Props) {
  const t = useT();
  const consulted = tally.answered + tally.unanswered.length;
  return (
    <div className="tally" data-testid="tally">
      <ul className="tally__options">
        {tally.options.map(({ option, count, positions }) => (
          <li key={option.id} className="tally__option" data-testid={`tally-${option.id}`}>
            <div className="tally__head">
              <strong className="tally__label">{optionLabel(t, option)}{texts && option.text ? <span className="tally__text"> — {option.text}</span> : null}</strong>
              <span className="tally__count" data-testid="tally-count">{count}</span>
            </div>
            <div className="tally__bar" aria-hidden="true"><span style={{ width: `${consulted === 0 ? 0 : (100 * count) / consulted}%` }} /></div>
            {names && positions.length > 0 ? (
              <ul className="tally__points">
                {positions.map((p) => (
                  <li key={p.pointId}>
                    {p.pointName}
                    {p.recordedBy === 'chair' ? <span className="tally__by-chair" data-testid="tally-by-chair"> ({t.consultation.byChair})</span> : null}
                    {reasons && p.reason ? <span className="tally__reason"> — “{p.reason}”</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="tally__answered" data-testid="tally-answered">{t.consultation.answered(tally.answered, consulted)}</p>
      {tally.unanswered.length > 0 ? (
        <p className="tally__missing" data-testid="tally-unanswered">
          <span className="tally__missing-label">{t.consultation.unanswered}:</span> {tally.unanswered.map((p) => p.name).join(', ')}
        </p>
      ) : (
        <p className="tally__missing">{t.consultation.allAnswered}</p>
      )}
    </div>
  );
}
