import { useEffect, useRef } from 'react';
import { useConferenceState, useConnection, useServerTime } from '../state/hooks';
import { useShownConsultation } from './useConsultation';

/**
 * How long past a consultation's deadline (by this console's estimate of the hub's clock) the chair's console
 * records its expiry. The estimate may run a little ahead of the hub's clock: a close sent at the deadline
 * itself could reach the hub a few milliseconds early and be written as the chair closing it (seen in CI:
 * `reason: 'chair'`, 2 ms before the deadline). The hub's own timer records the expiry at the deadline (PO17).
 */
export const EXPIRY_RECORD_GRACE_MS = 1_000;

/**
 * Mounted with the chair's console whatever its tab: a second after a consultation's time runs out it sends
 * `consultation.close`, which the hub decides as expired at the deadline (PO6) — whichever console sends it, and
 * whenever, the log says the same. A close arriving after the hub's timer recorded it, or after another chair
 * tab's, is refused as already closed: fine. This stays for a hub of an earlier release in a rolling upgrade.
 */
export function ExpiryRecorder() {
  const state = useConferenceState();
  const connection = useConnection();
  const shown = useShownConsultation();
  const sent = useRef<string | undefined>(undefined);
  const c = shown?.consultation;
  const overdue = useServerTime((now) => c?.closesAt !== undefined && now >= c.closesAt + EXPIRY_RECORD_GRACE_MS);
  const runOut = state.status === 'live' && c !== undefined && c.status.kind === 'open' && !shown?.open && overdue;
  useEffect(() => {
    if (!runOut || !c || sent.current === c.id) return;
    sent.current = c.id;
    void connection.send({ type: 'consultation.close', consultationId: c.id });
  }, [connection, c, runOut]);
  return null;
}
