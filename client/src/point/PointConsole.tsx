import { useState } from 'react';
import { ConsoleShell } from '../app/ConsoleShell';
import { useSession } from '../app/sessionContext';
import { PointBudget } from '../budget/PointBudget';
import { CommentsOverview } from '../comments/CommentsOverview';
import { PointConsultation } from '../consultation/PointConsultation';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { MediaSlot } from '../ui/MediaSlot';
import { CheckIn } from './CheckIn';
import { DraftText } from './DraftText';
import { FloorBanner } from './FloorBanner';
import { FloorNotices } from './FloorNotices';
import { MyRequests } from './MyRequests';
import { NowPanel } from './NowPanel';
import { PointComments } from './PointComments';
import { RequestForm } from './RequestForm';
import '../styles/point.css';
import '../styles/budget.css';
import '../styles/consultation.css';

type PointTab = 'request' | 'draft' | 'byArticle';

/** A provincial bridge point: check in, ask for the floor, speak, follow the draft and the comments. */
export function PointConsole() {
  const t = useT();
  const { session } = useSession();
  const state = useConferenceState();
  const [tab, setTab] = useState<PointTab>('request');
  const pointId = session.pointId ?? '';
  const tabs = [{ id: 'request', label: t.tabs.request }, { id: 'draft', label: t.tabs.draft }, { id: 'byArticle', label: t.tabs.byArticle }] as const;
  return (
    <ConsoleShell tabs={tabs} tab={tab} onTab={setTab}>
      <FloorBanner pointId={pointId} />
      <FloorNotices pointId={pointId} />
      <PointConsultation pointId={pointId} />
      {tab === 'request' ? (
        <div className="point-grid">
          <div className="point-grid__main">
            {state.status !== 'ended' ? <CheckIn pointId={pointId} /> : null}
            <NowPanel />
            <RequestForm pointId={pointId} />
          </div>
          <div className="point-grid__side">
            <PointBudget pointId={pointId} />
            <MyRequests pointId={pointId} />
            <MediaSlot role="point" size="small" />
            <PointComments pointId={pointId} />
          </div>
        </div>
      ) : null}
      {tab === 'draft' ? (
        <div className="point-grid point-grid--draft">
          <div className="point-grid__main"><DraftText /></div>
          <div className="point-grid__side"><NowPanel /><MyRequests pointId={pointId} /></div>
        </div>
      ) : null}
      {tab === 'byArticle' ? <CommentsOverview editable={false} /> : null}
    </ConsoleShell>
  );
}
