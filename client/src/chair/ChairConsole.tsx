import { lazy, Suspense, useState } from 'react';
import { ConsoleShell } from '../app/ConsoleShell';
import { useSession } from '../app/sessionContext';
import { CommentsOverview } from '../comments/CommentsOverview';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { BudgetPanel } from '../budget/BudgetPanel';
import { ConsultationPanel } from '../consultation/ConsultationPanel';
import { ExpiryRecorder } from '../consultation/ExpiryRecorder';
import { ReportDownloads } from '../reports/ReportDownloads';
import { MediaSlot } from '../ui/MediaSlot';
import { AgendaPanel } from './AgendaPanel';
import { ConferenceControls } from './ConferenceControls';
import { OnBehalfRequest } from './OnBehalfRequest';
import { QueuePanel } from './QueuePanel';
import { ShortcutList } from './ShortcutList';
import { SpeechPanel } from './SpeechPanel';
import { SynopticPanel } from './SynopticPanel';
import { useChairShortcuts } from './useChairShortcuts';
import '../styles/chair.css';
import '../styles/budget.css';
import '../styles/consultation.css';

type ChairTab = 'work' | 'byArticle' | 'audit';

// The audit trail is read now and then, not while chairing: its code loads with the tab.
const AuditView = lazy(() => import('../audit/auditTab').then((m) => ({ default: m.AuditView })));

/** The audit tab alone follows every state change (for the seq), not the whole console. */
function ChairAudit() {
  const t = useT();
  const { session } = useSession();
  const state = useConferenceState();
  return (
    <Suspense fallback={<p className="muted" role="status">{t.shell.loading}</p>}>
      <AuditView conferenceId={session.conferenceId} token={session.token} state={state} />
    </Suspense>
  );
}

/** The reports; the synthesis offers either numbering once a revised draft is confirmed (DA15). */
function ChairReports() {
  const { session } = useSession();
  const hasRevision = useConferenceState().revision !== undefined;
  return <ReportDownloads conferenceId={session.conferenceId} token={session.token} hasRevision={hasRevision} />;
}

/** The central point's console: agenda, floor, queue and every point at a glance. */
export function ChairConsole() {
  const t = useT();
  const [tab, setTab] = useState<ChairTab>('work');
  useChairShortcuts();
  const tabs = [{ id: 'work', label: t.tabs.work }, { id: 'byArticle', label: t.tabs.byArticle }, { id: 'audit', label: t.tabs.audit }] as const;
  return (
    <ConsoleShell tabs={tabs} tab={tab} onTab={setTab}>
      <ExpiryRecorder />
      {tab === 'work' ? (
        <>
          <ConferenceControls />
          <div className="chair-grid">
            <div className="chair-grid__left">
              <AgendaPanel />
              <BudgetPanel />
              <ShortcutList />
            </div>
            <div className="chair-grid__center">
              <SpeechPanel />
              <QueuePanel />
              <ConsultationPanel />
              <OnBehalfRequest />
            </div>
            <div className="chair-grid__media">
              <MediaSlot role="chair" size="medium" />
            </div>
            <div className="chair-grid__synoptic">
              <SynopticPanel />
            </div>
          </div>
        </>
      ) : null}
      {tab === 'byArticle' ? (
        <>
          <CommentsOverview editable={false} />
          <ChairReports />
        </>
      ) : null}
      {tab === 'audit' ? <ChairAudit /> : null}
    </ConsoleShell>
  );
}
