import { closedAtOf } from '@diem-cau/shared';
import { useT } from '../i18n/i18n';
import { useConferenceState, useServerTime } from '../state/hooks';
import { TallyView } from './TallyView';
import { endLabel, useShownConsultation } from './useConsultation';

/** How long the hall keeps a closed consultation's result up (a new one replaces it at once). */
const RESULT_SHOWN_MS = 5 * 60_000;

/** The hall's screen during a consultation and for a while after it: the question, the live tally, names unless the chair hid them. */
export function DisplayConsultation() {
  const t = useT();
  const state = useConferenceState();
  const shown = useShownConsultation();
  const recent = useServerTime((now) => {
    const closedAt = shown ? closedAtOf(state, shown.consultation, now) : undefined;
    return closedAt === undefined || now - closedAt < RESULT_SHOWN_MS;
  });
  if (!shown || !recent) return null;
  const c = shown.consultation;
  const closed = !shown.open;
  return (
    <section className="wall__consult" aria-labelledby="wall-consult" data-testid="display-consult">
      <h2 id="wall-consult" className="wall__label">
        {t.consultation.about(t.consultation.where(c.article, c.clause))}
        {shown.countdown ? <span className="wall__consult-time"> · {t.consultation.left(shown.countdown)}</span> : null}
        {closed ? <span className="wall__consult-time" data-testid="display-consult-closed"> · {endLabel(t, c)}</span> : null}
      </h2>
      <TallyView tally={shown.tally} names={!c.hideNames} />
    </section>
  );
}
