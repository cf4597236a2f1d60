import { useEffect, useRef } from 'react';
import { useConferenceState, useConnection } from '../state/hooks';
import { useShownConsultation } from './useConsultation';

/**
 * Mounted with the chair's console whatever its tab: when a consultation's time runs out it sends
 * `consultation.close`, which the hub decides as expired at the deadline (PO6) — whichever console sends it, and
 * whenever, the log says the same. Another chair tab's close arriving first is refused as already closed: fine.
 * The hub's own timer records it too (PO17); this stays for a hub of an earlier release in a rolling upgrade.
 */
export function ExpiryRecorder() {
  const state = useConferenceState();
  const connection = useConnection();
  const shown = useShownConsultation();
  const sent = useRef<string | undefined>(undefined);
  const c = shown?.consultation;
  const runOut = state.status === 'live' && c !== undefined && c.status.kind === 'open' && c.closesAt !== undefined && !shown?.open;
  useEffect(() => {
    if (!runOut || !c || sent.current === c.id) return;
    sent.current = c.id;
    void connection.send({ type: 'consultation.close', consultationId: c.id });
  }, [connection, c, runOut]);
  return null;
}
