import { positionKey } from '@diem-cau/shared';
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { TallyView } from './TallyView';
import { endLabel, optionLabel, type ShownConsultation } from './useConsultation';

/**
 * What a point reads once a consultation takes no more answers (PO14): the final tally — which points chose what
 * only if the chair did not hide the names, never the reasons (the hall's screen shows the same) — and its own
 * answer, or that it gave none. Stays until the next consultation opens or the point puts it away.
 */
export function PointConsultationResult({ shown, pointId }: { shown: ShownConsultation; pointId: string }) {
  const t = useT();
  const state = useConferenceState();
  const [dismissed, setDismissed] = useState<string | undefined>();
  const c = shown.consultation;
  const mine = state.positions.get(positionKey(c.id, pointId));
  const option = c.options.find((o) => o.id === mine?.optionId);
  const asked = state.points.get(pointId)?.kind === 'provincial';
  const yours = !asked ? undefined
    : !option ? t.consultation.yourResultNone
      : mine?.recordedBy === 'chair' ? t.consultation.yourResultByChair(optionLabel(t, option)) : t.consultation.yourResult(optionLabel(t, option));
  if (dismissed === c.id) return null;
  return (
    <section className="panel consult-result" aria-labelledby="consult-result-title" data-testid="consult-result">
      <header className="panel__head">
        <h2 id="consult-result-title" className="panel__title">
          {t.consultation.result}: {t.consultation.where(c.article, c.clause)}
        </h2>
        <span className="consult-result__end">
          <span className="chip" data-testid="consult-result-status">{endLabel(t, c)}</span>
          <button type="button" className="btn btn--small btn--ghost" data-testid="consult-result-dismiss" onClick={() => setDismissed(c.id)}>{t.consultation.hideResult}</button>
        </span>
      </header>
      <div className="panel__body">
        {yours ? <p className="consult-result__mine" data-testid="consult-result-mine"><strong>{yours}</strong></p> : null}
        <TallyView tally={shown.tally} names={!c.hideNames} texts />
      </div>
    </section>
  );
}
