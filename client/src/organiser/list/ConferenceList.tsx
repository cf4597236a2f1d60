import { useCallback, useEffect, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { ErrorNote } from '../../ui/ErrorNote';
import { errorMessage, useApi } from '../api/apiContext';
import type { ConferenceSummary } from '../api/organiserApi';
import { formatWhen } from '../app/formatWhen';
import { routeHash } from '../app/route';
import { organiserSessionToken, sendOnce } from '../conference/organiserSession';
import { useOrganiserT } from '../i18n/useOrganiserT';

type Action = 'conference.start' | 'conference.archive';

/** The organisers' working list: every conference with its state, counts and next action. */
export function ConferenceList() {
  const t = useOrganiserT();
  const api = useApi();
  const [conferences, setConferences] = useState<ConferenceSummary[] | undefined>();
  const [showArchived, setShowArchived] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const load = useCallback(async () => {
    const answer = await api.list();
    if (answer.ok) setConferences(answer.value);
    else setError(errorMessage(answer.error, t.common.network));
  }, [api, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (c: ConferenceSummary, type: Action) => {
    const question = type === 'conference.start' ? t.list.startConfirm(c.title) : t.list.archiveConfirm(c.title);
    if (!window.confirm(question)) return;
    setBusy(c.id);
    setError(undefined);
    const token = await organiserSessionToken(api, c.id);
    const ack = token.ok ? await sendOnce(token.value, c.id, { type }) : undefined;
    setBusy(undefined);
    if (!token.ok) setError(errorMessage(token.error, t.common.network));
    else if (ack && !ack.ok) setError(ack.error.message || t.common.network);
    await load();
  };

  const shown = (conferences ?? []).filter((c) => showArchived || !c.archived);
  const archivedCount = (conferences ?? []).filter((c) => c.archived).length;
  return (
    <section className="org-page" aria-labelledby="list-title">
      <header className="org-page__head">
        <div>
          <h1 id="list-title" className="org-page__title">{t.list.title}</h1>
          {conferences ? <p className="muted">{t.list.count(shown.length)}</p> : null}
        </div>
        <a className="btn btn--primary" href={routeHash({ page: 'new' })}>
          <span aria-hidden="true">+</span> {t.list.create}
        </a>
      </header>
      <ErrorNote message={error} />
      {!conferences ? <p className="muted" role="status">{t.common.loading}</p> : null}
      {conferences && shown.length === 0 ? <p className="empty empty--big">{t.list.empty}</p> : null}
      {shown.length > 0 ? <ConferenceTable conferences={shown} busy={busy} onAct={(c, type) => void act(c, type)} /> : null}
      {archivedCount > 0 ? (
        <label className="check org-list__archived">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          {t.list.showArchived} ({archivedCount})
        </label>
      ) : null}
    </section>
  );
}

function ConferenceTable({ conferences, busy, onAct }: { conferences: ConferenceSummary[]; busy: string | undefined; onAct: (c: ConferenceSummary, type: Action) => void }) {
  const t = useOrganiserT();
  const common = useT();
  const { locale } = useLocale();
  const cols = t.list.columns;
  return (
    <div className="panel table-wrap">
      <table className="table org-list" data-testid="conference-list">
        <thead>
          <tr>
            <th scope="col">{cols.title}</th>
            <th scope="col">{cols.state}</th>
            <th scope="col" className="num">{cols.points}</th>
            <th scope="col" className="num">{cols.articles}</th>
            <th scope="col" className="num">{cols.comments}</th>
            <th scope="col"><span className="sr-only">{cols.actions}</span></th>
          </tr>
        </thead>
        <tbody>
          {conferences.map((c) => (
            <tr key={c.id} data-conference={c.id}>
              <th scope="row">
                <a className="org-list__title" href={routeHash({ page: 'conference', id: c.id, tab: 'codes' })}>{c.title}</a>
                <span className="org-list__meta">{formatWhen(c.scheduledAt, locale, c.timeZone) ?? t.list.noDate}{c.venue ? ` · ${c.venue}` : ''}</span>
              </th>
              <td>
                <span className={`chip chip--${c.archived ? 'ended' : c.status}`}>{c.archived ? t.list.archived : common.status[c.status]}</span>
              </td>
              <td className="num">{c.points}</td>
              <td className="num">{c.articles}</td>
              <td className="num" data-testid="list-comments">
                {c.comments}
                {c.commentsRetracted + c.commentsMerged > 0 ? <span className="muted small"> {t.list.setAside(c.commentsRetracted, c.commentsMerged)}</span> : null}
              </td>
              <td className="org-list__actions">
                {c.status === 'scheduled' ? (
                  <button type="button" className="btn btn--small" disabled={busy === c.id} onClick={() => onAct(c, 'conference.start')}>{t.list.start}</button>
                ) : null}
                {c.status === 'ended' && !c.archived ? (
                  <button type="button" className="btn btn--small" disabled={busy === c.id} onClick={() => onAct(c, 'conference.archive')}>{t.list.archive}</button>
                ) : null}
                <a className="btn btn--small btn--primary" href={routeHash({ page: 'conference', id: c.id, tab: 'codes' })} aria-label={`${t.list.open}: ${c.title}`}>{t.list.open}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
