import { AUDIT_AREAS, AUDIT_ORDERS, auditPointChoices, filterAudit, type AuditArea, type AuditFilter, type ConferenceState } from '@diem-cau/shared';
import { useMemo, useState } from 'react';
import { useLocale } from '../i18n/i18n';
import { downloadFrom } from '../reports/reportLinks';
import { requestAuditLink, type AuditFailure } from './auditApi';
import { AUDIT_MESSAGES } from './auditMessages';
import { AuditTable } from './AuditTable';
import { useAuditRows } from './useAuditRows';

/** Rows drawn at first; more on request, so a long conference's trail does not stall the console. */
const PAGE_ROWS = 200;

interface Props {
  conferenceId: string;
  /** The chair's session token or the admin token (H9); sent in a header, never in a URL. */
  token: string;
  /** The conference as the console knows it: its seq says when there is more to fetch, its points fill the filter. */
  state: ConferenceState;
  fetchFn?: typeof fetch;
}

/** A filter without the keys set back to "all". */
function refine(filter: AuditFilter, key: keyof AuditFilter, value: string): AuditFilter {
  const { [key]: _dropped, ...rest } = filter;
  return value ? { ...rest, [key]: value } : rest;
}

/** The audit trail (H10): who did what and when, filtered by kind and point, newest first, as CSV on request. */
export function AuditView({ conferenceId, token, state, fetchFn }: Props) {
  const { locale } = useLocale();
  const m = AUDIT_MESSAGES[locale];
  const { rows, loading, failure } = useAuditRows(conferenceId, token, state.seq, fetchFn);
  const [filter, setFilter] = useState<AuditFilter>({});
  const [limit, setLimit] = useState(PAGE_ROWS);
  const [linkFailure, setLinkFailure] = useState<AuditFailure | undefined>();
  const points = useMemo(() => auditPointChoices(state), [state]);
  const shown = useMemo(() => filterAudit(rows, filter), [rows, filter]);
  const change = (key: keyof AuditFilter, value: string) => {
    setFilter((f) => refine(f, key, value));
    setLimit(PAGE_ROWS);
  };
  const download = async () => {
    setLinkFailure(undefined);
    const link = await requestAuditLink(conferenceId, token, filter, fetchFn);
    if (link.ok) downloadFrom(link.url);
    else setLinkFailure(link.reason);
  };
  const problem = linkFailure ?? failure;
  return (
    <section className="panel audit" aria-labelledby="audit-title" data-testid="audit">
      <header className="panel__head">
        <h2 id="audit-title" className="panel__title">{m.title}</h2>
        <div className="panel__actions">
          <span className="chip" data-testid="audit-count">{m.count(shown.length, rows.length)}</span>
          <button type="button" className="btn btn--small btn--primary" onClick={() => void download()} aria-label={m.csvLabel} data-testid="audit-csv">
            <span aria-hidden="true">⤓</span> {m.csv}
          </button>
        </div>
      </header>
      <div className="panel__body">
        <p className="hint">{m.intro}</p>
        <div className="row audit__filters">
          <label className="inline-field">
            <span>{m.area}</span>
            <select className="input input--small" name="audit-area" value={filter.area ?? ''} onChange={(e) => change('area', e.target.value)}>
              <option value="">{m.areaAll}</option>
              {AUDIT_AREAS.map((a: AuditArea) => <option key={a} value={a}>{m.areas[a]}</option>)}
            </select>
          </label>
          <label className="inline-field">
            <span>{m.point}</span>
            <select className="input input--small" name="audit-point" value={filter.point ?? ''} onChange={(e) => change('point', e.target.value)}>
              <option value="">{m.pointAll}</option>
              {points.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </label>
          <label className="inline-field">
            <span>{m.orderLabel}</span>
            <select className="input input--small" name="audit-order" value={filter.order ?? 'newest'} onChange={(e) => change('order', e.target.value === 'oldest' ? 'oldest' : '')}>
              {AUDIT_ORDERS.map((o) => <option key={o} value={o}>{m.orders[o]}</option>)}
            </select>
          </label>
        </div>
        {problem ? <p className="notice" role="alert" data-testid="audit-failure">{m.failed[problem]}</p> : null}
        {loading ? <p className="muted" role="status">{m.loading}</p> : null}
        {!loading && shown.length === 0 ? <p className="muted">{m.empty}</p> : null}
        {shown.length > 0 ? <AuditTable rows={shown.slice(0, limit)} m={m} /> : null}
        {shown.length > limit ? (
          <button type="button" className="btn btn--ghost" onClick={() => setLimit((n) => n + PAGE_ROWS)}>{m.more(Math.min(PAGE_ROWS, shown.length - limit))}</button>
        ) : null}
      </div>
    </section>
  );
}
