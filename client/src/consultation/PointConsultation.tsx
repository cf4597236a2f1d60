import { positionKey } from '@diem-cau/shared';
import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/i18n';
import { useConferenceState, useConnection, useConnectionSnapshot } from '../state/hooks';
import { PointConsultationResult } from './PointConsultationResult';
import { optionLabel, useShownConsultation } from './useConsultation';

/** This device's last answer still in its outbox (offline, or not yet acknowledged). */
function useQueuedAnswer(consultationId: string | undefined, pointId: string) {
  const { outbox } = useConnectionSnapshot();
  const mine = outbox.filter((i) => i.command.type === 'consultation.answer' && i.command.consultationId === consultationId && i.command.pointId === pointId);
  return mine[mine.length - 1];
}

/**
 * The point's answer to the open consultation: one option, an optional reason, changeable until it closes.
 * Sent through the outbox like a written comment, so an answer given offline reaches the hub exactly once.
 * Once it takes no more answers, every point sees its result instead (PO14).
 */
export function PointConsultation({ pointId }: { pointId: string }) {
  const t = useT();
  const state = useConferenceState();
  const connection = useConnection();
  const shown = useShownConsultation();
  const [choice, setChoice] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const c = shown?.consultation;
  const queued = useQueuedAnswer(c?.id, pointId);
  const point = state.points.get(pointId);
  if (!shown || !c) return null;
  if (!shown.open) return <PointConsultationResult shown={shown} pointId={pointId} />;
  if (point?.kind !== 'provincial') return null;
  const stored = state.positions.get(positionKey(c.id, pointId));
  const labelOf = (id: unknown) => {
    const option = c.options.find((o) => o.id === id);
    return option ? optionLabel(t, option) : String(id);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!choice) return;
    connection.sendReliably({ type: 'consultation.answer', consultationId: c.id, pointId, optionId: choice, reason });
    setChoice(undefined);
    setReason('');
  };
  const picked = choice ?? (queued ? String(queued.command.optionId) : stored?.optionId);
  return (
    <section className="panel consult-answer" aria-labelledby="consult-answer-title" data-testid="consult-answer">
      <header className="panel__head">
        <h2 id="consult-answer-title" className="panel__title">{t.consultation.about(t.consultation.where(c.article, c.clause))}</h2>
        {shown.countdown ? <span className="chip chip--open" data-testid="consult-countdown">{t.consultation.left(shown.countdown)}</span> : null}
      </header>
      <form className="panel__body form" onSubmit={submit}>
        <fieldset className="consult-answer__options">
          <legend className="field__label">{t.consultation.yourAnswer}</legend>
          {c.options.map((o) => (
            <label key={o.id} className={`consult-answer__option${picked === o.id ? ' is-picked' : ''}`}>
              <input type="radio" name="consult-option" value={o.id} checked={picked === o.id} data-testid={`consult-option-${o.id}`} onChange={() => setChoice(o.id)} />
              <span><strong>{optionLabel(t, o)}</strong>{o.text ? <span className="consult-answer__text">{o.text}</span> : null}</span>
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span className="field__label">{t.consultation.reason}</span>
          <textarea className="input" rows={2} maxLength={500} value={reason} data-testid="consult-reason" onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" className="btn btn--primary" disabled={!choice} data-testid="consult-send">{stored || queued ? t.consultation.change : t.consultation.send}</button>
        <p className="muted" role="status" data-testid="consult-mine">
          {queued?.failed ? t.consultation.failed : queued ? t.consultation.waiting(labelOf(queued.command.optionId)) : stored ? t.consultation.sent(labelOf(stored.optionId)) : ''}
        </p>
      </form>
    </section>
  );
}
