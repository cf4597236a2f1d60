import { currentSpeech } from '@diem-cau/shared';
import { activeAgendaItem, focusArticles, pointName } from '../domain/selectors';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { ArticleRefs } from '../ui/ArticleRefs';
import { Panel } from '../ui/Panel';
import { SpeechTimer } from '../ui/SpeechTimer';

/** What is happening now, anywhere in the conference: the agenda item and the floor holder. */
export function NowPanel() {
  const t = useT();
  const state = useConferenceState();
  const item = activeAgendaItem(state);
  const speech = currentSpeech(state);
  const focus = focusArticles(state);
  return (
    <Panel id="now" title={t.agenda.current}>
      <p className="now__agenda" data-testid="agenda-item">{item?.title ?? t.agenda.none}</p>
      <div className="now__speech">
        <div>
          <p className="field__label">{t.floor.now}</p>
          {speech ? (
            <p className="now__speaker" data-testid="now-speaker">
              <strong>{speech.delegate.name}</strong>
              {speech.delegate.position ? <span className="muted"> · {speech.delegate.position}</span> : null}
              <br />
              {pointName(state, speech.pointId)}
            </p>
          ) : (
            <p className="muted" data-testid="now-speaker">{t.speech.none}</p>
          )}
        </div>
        {speech ? <SpeechTimer speech={speech} size="medium" /> : null}
      </div>
      <p className="field__label">{t.agenda.underDiscussion}</p>
      <ArticleRefs refs={focus} titled={focus.length <= 2} empty="—" />
    </Panel>
  );
}
