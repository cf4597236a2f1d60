import { currentSpeech, formatArticleRef, listOf, type ConferenceState, type Speech } from '@diem-cau/shared';
import { ConnectionBadge } from '../app/ConnectionBadge';
import { SpeakerBudget } from '../budget/PointBudget';
import { DisplayConsultation } from '../consultation/DisplayConsultation';
import { activeAgendaItem, articleTitle, focusArticles, pointName, queuedRequests } from '../domain/selectors';
import { useT } from '../i18n/i18n';
import { useConferenceState, useServerTime } from '../state/hooks';
import { MediaSlot } from '../ui/MediaSlot';
import { PriorityBadge } from '../ui/PriorityBadge';
import { SpeechTimer } from '../ui/SpeechTimer';
import '../styles/display.css';
import '../styles/budget.css';
import '../styles/consultation.css';

/** How long the hall is told, neutrally, that a speech the chair revoked has ended. */
const REVOKED_NOTICE_MS = 15_000;

function lastRevoked(state: ConferenceState): (Speech & { status: { kind: 'ended'; endedAt: number } }) | undefined {
  let last: (Speech & { status: { kind: 'ended'; endedAt: number } }) | undefined;
  for (const s of listOf(state.speeches)) {
    if (s.status.kind !== 'ended') continue;
    if (!last || s.status.endedAt > last.status.endedAt) last = s as typeof last;
  }
  return last?.status.reason === 'revoked' ? last : undefined;
}

/** No speaker now: idle, ended, or — for a while after the chair revoked a speech — that it ended, without the reason. */
function NoSpeaker() {
  const t = useT();
  const state = useConferenceState();
  const revoked = lastRevoked(state);
  const recent = useServerTime((now) => revoked !== undefined && now - revoked.status.endedAt < REVOKED_NOTICE_MS);
  if (state.status === 'ended') return <p className="wall__idle">{t.status.ended}</p>;
  if (state.status === 'scheduled') return <p className="wall__idle" data-testid="display-idle">{t.display.notStarted}</p>;
  if (revoked && recent) return <p className="wall__idle" data-testid="display-speech-ended">{t.floor.endedBy(pointName(state, revoked.pointId))}</p>;
  const item = activeAgendaItem(state);
  return <p className="wall__idle" data-testid="display-idle">{item ? t.display.idleBy[item.kind] : t.display.idle}</p>;
}

function Speaker() {
  const t = useT();
  const state = useConferenceState();
  const speech = currentSpeech(state);
  if (!speech) return <NoSpeaker />;
  return (
    <div className="wall__speaker" data-testid="display-speaker">
      <p className="wall__label">{t.speech.title}</p>
      <p className="wall__name" data-testid="speaker-name">{speech.delegate.name}</p>
      {speech.delegate.position ? <p className="wall__position">{speech.delegate.position}</p> : null}
      <p className="wall__point">{pointName(state, speech.pointId)}</p>
      <SpeechTimer speech={speech} size="huge" />
      <SpeakerBudget pointId={speech.pointId} />
    </div>
  );
}

function NextThree() {
  const t = useT();
  const state = useConferenceState();
  const next = queuedRequests(state).slice(0, 3);
  return (
    <section className="wall__next" aria-labelledby="wall-next">
      <h2 id="wall-next" className="wall__label">{t.display.next}</h2>
      {next.length === 0 ? <p className="wall__muted">{t.display.noQueue}</p> : null}
      <ol className="wall__queue" data-testid="display-queue">
        {next.map((r, i) => (
          <li key={r.id}>
            <span className="wall__pos">{i + 1}</span>
            <span className="wall__qtext"><strong>{pointName(state, r.pointId)}</strong> · {r.delegate.name}</span>
            <PriorityBadge priority={r.priority} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The hall's big screen, 1920×1080, read-only: no controls, text sized for the back row. */
export function DisplayConsole() {
  const t = useT();
  const state = useConferenceState();
  const item = activeAgendaItem(state);
  const focus = focusArticles(state);
  return (
    <div className="wall" data-testid="display">
      <header className="wall__head">
        <div>
          <p className="wall__conf">{state.title}</p>
          <h1 className="wall__agenda" data-testid="agenda-item">{item?.title ?? t.status[state.status]}</h1>
        </div>
        <ConnectionBadge />
      </header>
      <main className="wall__body">
        <MediaSlot role="display" size="large" />
        <Speaker />
      </main>
      <DisplayConsultation />
      <footer className="wall__foot">
        <section className="wall__article" aria-labelledby="wall-article">
          <h2 id="wall-article" className="wall__label">{t.display.article}</h2>
          {focus.length === 0 ? <p className="wall__muted">—</p> : null}
          <ul className="wall__articles" data-testid="display-articles">
            {focus.slice(0, 3).map((r) => (
              <li key={formatArticleRef(r)}><strong>{formatArticleRef(r)}.</strong> {articleTitle(state, r.article)}</li>
            ))}
            {focus.length > 3 ? <li className="wall__muted">+{focus.length - 3}</li> : null}
          </ul>
        </section>
        <NextThree />
      </footer>
    </div>
  );
}
