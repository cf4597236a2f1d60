import type { AuditRow } from '@diem-cau/shared';
import { useEffect, useRef, useState } from 'react';
import { fetchAudit, type AuditFailure } from './auditApi';

const RETRY_MS = 3_000;

export interface AuditRows {
  /** In log order. */
  rows: AuditRow[];
  /** Nothing loaded yet. */
  loading: boolean;
  failure: AuditFailure | undefined;
}

/**
 * The conference's audit rows, following the live log (H10): whenever the console's state passes the last
 * seq asked for, only the rows since are fetched (one request at a time), so a long conference costs one
 * small answer per change, not the whole log again. A lost network is retried; a refusal is final.
 */
export function useAuditRows(conferenceId: string, token: string, seq: number, fetchFn?: typeof fetch): AuditRows {
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [loadedSeq, setLoadedSeq] = useState<number | undefined>();
  const [failure, setFailure] = useState<AuditFailure | undefined>();
  /** After a lost answer, until the retry is due. */
  const [waiting, setWaiting] = useState(false);
  const busy = useRef(false);
  const mounted = useRef(true);
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(retry.current);
    };
  }, []);
  const later = () => {
    setWaiting(true);
    retry.current = setTimeout(() => setWaiting(false), RETRY_MS);
  };
  useEffect(() => {
    if (busy.current || waiting || failure === 'refused' || (loadedSeq !== undefined && seq <= loadedSeq)) return;
    busy.current = true;
    const since = loadedSeq ?? 0;
    // Not cancelled when `seq` moves on meanwhile: the answer is kept, and the new loadedSeq asks for the rest.
    void fetchAudit(conferenceId, token, since, fetchFn).then((outcome) => {
      busy.current = false;
      if (!mounted.current) return;
      if (!outcome.ok) {
        setFailure(outcome.reason);
        if (outcome.reason === 'network') later();
        return;
      }
      setFailure(undefined);
      setRows((before) => [...before, ...outcome.answer.rows.filter((r) => r.seq > since)]);
      setLoadedSeq(outcome.answer.seq);
      // A hub node whose copy lags the console's: ask again later rather than at once.
      if (outcome.answer.seq < seq) later();
    });
  }, [conferenceId, token, seq, loadedSeq, failure, waiting, fetchFn]);
  return { rows, loading: loadedSeq === undefined && failure === undefined, failure };
}
