import type { DomainError, ReasonParams } from '@diem-cau/shared';
import { useCallback, useState } from 'react';
import { useT, type Messages } from '../i18n/i18n';
import type { CommandBody } from '../net/ConferenceConnection';
import { useConnection } from '../state/hooks';

export function errorText(t: Messages, error: DomainError): string {
  if (error.code === 'UNAVAILABLE' && error.details === 'offline') return t.errors.offline;
  if (error.code === 'UNAVAILABLE' && error.details === 'timeout') return t.errors.timeout;
  // A refusal of the domain in the console's language; the hub's message (Vietnamese) when the reason is unknown here.
  const say = error.reason === undefined ? undefined : (t.reasons as Record<string, ((p: ReasonParams) => string) | undefined>)[error.reason];
  if (say) return say(error.params ?? {});
  return error.message || t.errors.generic;
}

/** Sends commands from a panel and keeps the last refusal to show next to it. */
export function useCommand() {
  const connection = useConnection();
  const t = useT();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (body: CommandBody): Promise<boolean> => {
      setBusy(true);
      const ack = await connection.send(body);
      setBusy(false);
      setError(ack.ok ? undefined : errorText(t, ack.error));
      return ack.ok;
    },
    [connection, t],
  );
  return { run, error, busy, clearError: () => setError(undefined) };
}
