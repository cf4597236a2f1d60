import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { RequestForm } from '../point/RequestForm';

/** "Trung ương đăng ký hộ": the chair files a point's request when its console cannot; closed until asked for. */
export function OnBehalfRequest() {
  const t = useT();
  const state = useConferenceState();
  const [open, setOpen] = useState(false);
  if (state.status === 'ended') return null;
  if (!open) {
    return (
      <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="on-behalf-open">
        + {t.onBehalf.open}
      </button>
    );
  }
  return (
    <div className="on-behalf" data-testid="on-behalf">
      <RequestForm pointId="" pickPoint onDone={() => setOpen(false)} />
      <button type="button" className="btn btn--ghost btn--small" onClick={() => setOpen(false)}>{t.onBehalf.close}</button>
    </div>
  );
}
