import { POSITION_REASON_CHARS, consultedPoints, positionKey, type Consultation } from '@diem-cau/shared';
import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { ErrorNote } from '../ui/ErrorNote';
import { useCommand } from '../ui/useCommand';
import { optionLabel } from './useConsultation';

/**
 * The chair records a point's answer on its behalf (PO13): a point that phoned in its choice because its
 * console is down. The hub marks the answer as recorded by the chair; the point answering itself later replaces it.
 * Points come in Vietnamese order (`consultedPoints`), each with what it has answered so far.
 */
export function RecordForPointForm({ consultation: c, onDone }: { consultation: Consultation; onDone: (said: string) => void }) {
  const t = useT();
  const state = useConferenceState();
  const { run, error, busy } = useCommand();
  const points = consultedPoints(state);
  const [pointId, setPointId] = useState(() => points.find((p) => !state.positions.get(positionKey(c.id, p.id)))?.id ?? points[0]?.id ?? '');
  const [optionId, setOptionId] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const labelOf = (id: string | undefined) => {
    const option = c.options.find((o) => o.id === id);
    return option ? optionLabel(t, option) : t.consultation.answeredNone;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!optionId || !pointId) return;
    const name = state.points.get(pointId)?.name ?? pointId;
    void run({ type: 'consultation.answer', consultationId: c.id, pointId, optionId, reason }).then((ok) => ok && onDone(t.consultation.recorded(name, labelOf(optionId))));
  };
  return (
    <form className="form consult-form consult-record" onSubmit={submit} data-testid="consult-record-form">
      <label className="field">
        <span className="field__label">{t.consultation.recordPoint}</span>
        <select className="input" value={pointId} data-testid="consult-record-point" onChange={(e) => setPointId(e.target.value)}>
          {points.map((p) => (
            <option key={p.id} value={p.id}>{`${p.name} — ${labelOf(state.positions.get(positionKey(c.id, p.id))?.optionId)}`}</option>
          ))}
        </select>
      </label>
      <fieldset className="consult-answer__options">
        <legend className="field__label">{t.consultation.recordOption}</legend>
        {c.options.map((o) => (
          <label key={o.id} className={`consult-answer__option${optionId === o.id ? ' is-picked' : ''}`}>
            <input type="radio" name="consult-record-option" value={o.id} checked={optionId === o.id} data-testid={`consult-record-${o.id}`} onChange={() => setOptionId(o.id)} />
            <span><strong>{optionLabel(t, o)}</strong>{o.text ? <span className="consult-answer__text">{o.text}</span> : null}</span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span className="field__label">{t.consultation.recordReason}</span>
        <input className="input" maxLength={POSITION_REASON_CHARS} value={reason} placeholder={t.consultation.recordReasonHint} data-testid="consult-record-reason" onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" className="btn btn--primary" disabled={busy || !optionId || !pointId} data-testid="consult-record-submit">{t.consultation.recordSubmit}</button>
      <ErrorNote message={error} />
    </form>
  );
}
