import { articlesInOrder, commentTally, type ConferenceState } from '@diem-cau/shared';
import { lazy, Suspense, useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { ConnectionBadge } from '../../app/ConnectionBadge';
import { BudgetsTab } from '../../budget/BudgetsTab';
import { Recordings } from './Recordings';
import { useLocale, useT } from '../../i18n/i18n';
import type { ConferenceConnection } from '../../net/ConferenceConnection';
import { ReportDownloads } from '../../reports/ReportDownloads';
import { ConnectionContext } from '../../state/hooks';
import { ErrorNote } from '../../ui/ErrorNote';
import { useCommand } from '../../ui/useCommand';
import { errorMessage, useApi } from '../api/apiContext';
import type { JoinCodeInfo } from '../api/organiserApi';
import { takeFlash } from '../app/flash';
import { formatWhen } from '../app/formatWhen';
import { routeHash, type ConferenceTab } from '../app/route';
import { useOrganiserT } from '../i18n/useOrganiserT';
import { ArchiveDownload } from './ArchiveDownload';
import { JoinCodes } from './JoinCodes';
import { streamOffer } from './streamOffer';
import { Responses } from './Responses';
import { RevisionTab } from '../revision/RevisionTab';
import { useOrganiserConnection } from './useOrganiserConnection';
import { useStreamStatus } from './useStreamStatus';

// The QR encoder is only needed for the printed sheets.
const JoinSheets = lazy(() => import('./JoinSheets').then((m) => ({ default: m.JoinSheets })));
// The audit trail (H10) is opened now and then: its code loads with its tab.
const AuditView = lazy(() => import('../../audit/auditTab').then((m) => ({ default: m.AuditView })));

/** One conference after its creation: join codes, printable sheets, responses to comments, reports. */
export function ConferencePage({ conferenceId, tab, speechId }: { conferenceId: string; tab: ConferenceTab; speechId?: string }) {
  const t = useOrganiserT();
  const api = useApi();
  const link = useOrganiserConnection(api, conferenceId, t.common.network);
  if (link.status === 'failed') return <div className="org-page"><p className="notice" role="alert">{link.notFound ? t.conference.notFound : link.message}</p><a className="btn" href="#/">{t.common.back}</a></div>;
  if (link.status === 'opening') return <p className="muted" role="status">{t.conference.connecting}</p>;
  return (
    <ConnectionContext.Provider value={link.connection}>
      <Loaded conferenceId={conferenceId} tab={tab} token={link.token} connection={link.connection} {...(speechId ? { speechId } : {})} />
    </ConnectionContext.Provider>
  );
}

function Loaded({ conferenceId, tab, token, connection, speechId }: { conferenceId: string; tab: ConferenceTab; token: string; connection: ConferenceConnection; speechId?: string }) {
  const t = useOrganiserT();
  const api = useApi();
  const state = useSyncExternalStore(connection.subscribe, () => connection.getSnapshot().state);
  const [codes, setCodes] = useState<JoinCodeInfo[]>([]);
  const [codesError, setCodesError] = useState<string | undefined>();
  // The notice of the page that created or saved the conference, shown once, on the tab it opened.
  const [flash, setFlash] = useState(() => {
    const message = takeFlash();
    return message ? { message, tab } : undefined;
  });
  const loadCodes = useCallback(async () => {
    const answer = await api.joinCodes(conferenceId);
    if (answer.ok) setCodes(answer.value);
    else setCodesError(errorMessage(answer.error, t.common.network));
  }, [api, conferenceId, t]);
  useEffect(() => {
    void loadCodes();
  }, [loadCodes]);
  // Whether the hub records (issue 13): the comments then link to the speeches' recordings.
  // Unknown (undefined) until the hub answers; off (false): no viewer code and no recordings tab are offered (LS5).
  // Its warning (disk full, FFmpeg restarting) is pushed live and shown above every tab (LS11).
  const { enabled: recordingsOn, warning: streamWarning } = useStreamStatus(conferenceId, token);
  const { codes: offered, tabs } = streamOffer(recordingsOn, codes);
  if (!state) return <p className="muted" role="status">{t.conference.connecting}</p>;
  return (
    <div className="org-page conference-page">
      <ConferenceHeader state={state} />
      {flash && flash.tab === tab ? (
        <div className="ok-banner" role="status">
          <span>{flash.message}</span>
          <button type="button" className="btn btn--small btn--icon btn--ghost" aria-label={t.common.close} onClick={() => setFlash(undefined)}>✕</button>
        </div>
      ) : null}
      {streamWarning ? <p className="notice" role="alert" data-testid="stream-warning" data-kind={streamWarning.kind}>{t.conference.streamWarning[streamWarning.kind]}</p> : null}
      <nav className="tabs org-tabs" aria-label={state.title}>
        {tabs.map((x) => (
          <a key={x} className="tabs__tab" href={routeHash({ page: 'conference', id: conferenceId, tab: x })} aria-current={x === tab ? 'page' : undefined}>
            {t.conference.tabs[x]}
            {x === 'responses' ? <ResponsesBadge state={state} /> : null}
          </a>
        ))}
      </nav>
      <div className="conference-page__body">
        <ErrorNote message={codesError} />
        {tab === 'codes' ? <JoinCodes conferenceId={conferenceId} state={state} codes={offered} onReload={loadCodes} /> : null}
        {tab === 'sheets' ? (
          <Suspense fallback={<p className="muted" role="status">{t.sheets.loading}</p>}>
            <JoinSheets state={state} codes={offered} />
          </Suspense>
        ) : null}
        {tab === 'budgets' ? <BudgetsTab /> : null}
        {tab === 'responses' ? <Responses state={state} recordingsOn={recordingsOn === true} /> : null}
        {tab === 'revision' ? <RevisionTab state={state} /> : null}
        {tab === 'recordings' ? <Recordings conferenceId={conferenceId} token={token} timeZone={state.timeZone} {...(speechId ? { focus: speechId } : {})} /> : null}
        {tab === 'reports' ? <ReportDownloads conferenceId={conferenceId} token={token} hasRevision={state.revision !== undefined} /> : null}
        {tab === 'reports' ? <ArchiveDownload conferenceId={conferenceId} adminToken={api.adminToken()} status={state.status} /> : null}
        {tab === 'audit' ? (
          <Suspense fallback={<p className="muted" role="status">{t.conference.connecting}</p>}>
            <AuditView conferenceId={conferenceId} token={api.adminToken()} state={state} />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}

function ResponsesBadge({ state }: { state: ConferenceState }) {
  const open = state.comments.ids.filter((id) => {
    const c = state.comments.get(id);
    return c && !c.retracted && !c.mergedInto && !c.response;
  }).length;
  return open > 0 ? <span className="chip chip--warn chip--small">{open}</span> : null;
}

function ConferenceHeader({ state }: { state: ConferenceState }) {
  const t = useOrganiserT();
  const common = useT();
  const { locale } = useLocale();
  const { run, error, busy } = useCommand();
  const act = (question: string, type: 'conference.start' | 'conference.end' | 'conference.archive') => {
    if (window.confirm(question)) void run({ type });
  };
  const when = formatWhen(state.scheduledAt, locale, state.timeZone);
  const tally = commentTally(state);
  return (
    <header className="org-page__head conference-head">
      <div className="conference-head__text">
        <p className="conference-head__meta">
          <span className={`chip chip--${state.archived ? 'ended' : state.status}`} data-testid="conference-status">{state.archived ? t.list.archived : common.status[state.status]}</span>
          {when ? <span>{when}</span> : null}
          {state.venue ? <span>{state.venue}</span> : null}
          <ConnectionBadge />
        </p>
        <h1 className="org-page__title">{state.title}</h1>
        <p className="muted" data-testid="conference-summary">
          {t.conference.summary(state.points.ids.length, articlesInOrder(state.draft).length, tally.counted)}
          {tally.retracted + tally.merged > 0 ? ` ${t.list.setAside(tally.retracted, tally.merged)}` : ''}
        </p>
        <ErrorNote message={error} />
      </div>
      <div className="conference-head__actions">
        {state.status === 'scheduled' ? (
          <>
            <a className="btn" href={routeHash({ page: 'edit', id: state.id })}>{t.conference.edit}</a>
            <button type="button" className="btn btn--primary" disabled={busy} onClick={() => act(t.conference.startConfirm, 'conference.start')}>{t.conference.start}</button>
          </>
        ) : null}
        {state.status === 'live' ? <button type="button" className="btn btn--danger-ghost" disabled={busy} onClick={() => act(t.conference.endConfirm, 'conference.end')}>{t.conference.end}</button> : null}
        {state.status === 'ended' && !state.archived ? <button type="button" className="btn" disabled={busy} onClick={() => act(t.conference.archiveConfirm, 'conference.archive')}>{t.conference.archive}</button> : null}
      </div>
    </header>
  );
}
