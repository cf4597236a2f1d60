import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { ErrorNote } from '../ui/ErrorNote';
import { Panel } from '../ui/Panel';
import { useCommand } from '../ui/useCommand';
import { OpenConsultationForm } from './OpenConsultationForm';
import { RecordForPointForm } from './RecordForPointForm';
import { TallyView } from './TallyView';
import { endLabel, useShownConsultation, type ShownConsultation } from './useConsultation';

function Question({ shown }: { shown: ShownConsultation }) {
  const t = useT();
  const c = shown.consultation;
  const status = shown.open ? shown.countdown && t.consultation.left(shown.countdown) : endLabel(t, c);
  return (
    <p className="consult__question" data-testid="consult-question">
      <strong>{t.consultation.about(t.consultation.where(c.article, c.clause))}</strong>
      {status ? <span className={`chip ${shown.open ? 'chip--open' : ''}`} data-testid="consult-status"> {status}</span> : null}
    </p>
  );
}

/** The chair's consultation: open one on an article, watch the tally fill, hide or show names, close it. */
export function ConsultationPanel() {
  const t = useT();
  const state = useConferenceState();
  const shown = useShownConsultation();
  const { run, error, busy } = useCommand();
  const [asking, setAsking] = useState(false);
  const [recording, setRecording] = useState(false);
  const [said, setSaid] = useState<string | undefined>();
  const live = state.status === 'live';
  const open = shown?.open === true;
  // Run out but not yet closed in the log: the chair's close (or the next open) records the expiry (PO6).
  const unrecorded = live && !open && shown?.consultation.status.kind === 'open';
  const toggle = live && !open ? (
    <button type="button" className="btn btn--small btn--ghost" aria-expanded={asking} data-testid="consult-new" onClick={() => setAsking((a) => !a)}>{t.consultation.open}</button>
  ) : undefined;
  return (
    <Panel id="consultation" title={t.consultation.title} actions={toggle}>
      {asking && live && !open ? <OpenConsultationForm onDone={() => setAsking(false)} /> : null}
      {!shown && !asking ? <p className="empty">{t.consultation.noneOpen}</p> : null}
      {shown ? (
        <div className="consult" data-testid="consult-live">
          {!open ? <p className="muted">{t.consultation.last}</p> : null}
          <Question shown={shown} />
          <TallyView tally={shown.tally} names reasons />
          {open ? (
            <div className="consult__record">
              <button type="button" className="btn btn--small btn--ghost" aria-expanded={recording} data-testid="consult-record"
                onClick={() => { setRecording((r) => !r); setSaid(undefined); }}>
                {t.consultation.record}
              </button>
              {recording ? <RecordForPointForm consultation={shown.consultation} onDone={(text) => { setRecording(false); setSaid(text); }} /> : null}
              {said ? <p className="muted" role="status" data-testid="consult-recorded">{said}</p> : null}
            </div>
          ) : null}
          {open || unrecorded ? (
            <div className="consult__actions">
              <label className="check">
                <input type="checkbox" data-testid="consult-hide-names" checked={shown.consultation.hideNames} disabled={busy}
                  onChange={(e) => void run({ type: 'consultation.showNames', consultationId: shown.consultation.id, shown: !e.target.checked })} />
                {' '}{t.consultation.hideNames}
              </label>
              <button type="button" className="btn btn--danger" disabled={busy} data-testid="consult-close"
                onClick={() => void run({ type: 'consultation.close', consultationId: shown.consultation.id })}>
                {t.consultation.close}
              </button>
            </div>
          ) : null}
          <ErrorNote message={error} />
        </div>
      ) : null}
    </Panel>
  );
}
