import { currentSpeech } from '@diem-cau/shared';
import { useState } from 'react';
import { ConsoleShell } from '../app/ConsoleShell';
import { CommentsOverview } from '../comments/CommentsOverview';
import { pointName } from '../domain/selectors';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { SpeechTimer } from '../ui/SpeechTimer';
import { CommentEntry } from './CommentEntry';
import { CommentFeed } from './CommentFeed';
import { SecretaryName } from './SecretaryName';
import '../styles/secretary.css';

type SecretaryTab = 'entry' | 'byArticle';

function FloorStrip() {
  const t = useT();
  const state = useConferenceState();
  const speech = currentSpeech(state);
  return (
    <div className="floor-strip" data-testid="floor-strip">
      <span className="field__label">{t.floor.now}:</span>
      {speech ? (
        <>
          <strong>{speech.delegate.name}</strong>
          <span className="muted">{speech.delegate.position}</span>
          <span>{pointName(state, speech.pointId)}</span>
          <SpeechTimer speech={speech} size="medium" />
        </>
      ) : (
        <span className="muted">{t.speech.none}</span>
      )}
    </div>
  );
}

/** A secretary's console: log comments fast, see everyone's, keep working through network loss. */
export function SecretaryConsole() {
  const t = useT();
  const [tab, setTab] = useState<SecretaryTab>('entry');
  const tabs = [{ id: 'entry', label: t.tabs.entry }, { id: 'byArticle', label: t.tabs.byArticle }] as const;
  return (
    <ConsoleShell tabs={tabs} tab={tab} onTab={setTab}>
      <FloorStrip />
      <SecretaryName />
      {tab === 'entry' ? (
        <div className="secretary-grid">
          <CommentEntry />
          <CommentFeed />
        </div>
      ) : (
        <CommentsOverview editable />
      )}
    </ConsoleShell>
  );
}
