import { articlesInOrder, listOf, type ConferenceState } from '@diem-cau/shared';
import { useSession } from '../../app/sessionContext';
import { countsAsLive } from '../../domain/commentStats';
import { formatClockTime } from '../../domain/format';
import { useLocale } from '../../i18n/i18n';
import { useConferenceState, useConnectionSnapshot } from '../../state/hooks';
import { ErrorNote } from '../../ui/ErrorNote';
import { useCommand } from '../../ui/useCommand';
import { routeHash } from '../app/route';
import { useOrganiserT } from '../i18n/useOrganiserT';

type Lifecycle = 'conference.start' | 'conference.end' | 'conference.archive';

function counts(state: ConferenceState) {
  const comments = listOf(state.comments);
  const live = comments.filter(countsAsLive);
  return {
    live: live.length,
    answered: live.filter((c) => c.response).length,
    merged: comments.filter((c) => c.mergedInto !== undefined).length,
    retracted: comments.filter((c) => c.retracted).length,
  };
}

/** Where the conference stands for the organisers: its state, the figures, start / end / archive. */
export function ConferenceOverview() {
  const t = useOrganiserT();
  const { locale } = useLocale();
  const { session } = useSession();
  const state = useConferenceState();
  const { presence } = useConnectionSnapshot();
  const { run, error, busy } = useCommand();
  const n = counts(state);
  const online = presence.filter((p) => p.sessions > 0 && state.points.get(p.pointId)).length;
  const act = (question: string, type: Lifecycle) => {
    if (window.confirm(question)) void run({ type });
  };
  const time = (ms: number | undefined) => (ms === undefined ? '' : formatClockTime(ms, locale, state.timeZone));
  const when = state.endedAt !== undefined ? t.console.until(time(state.startedAt), time(state.endedAt)) : state.startedAt !== undefined ? t.console.since(time(state.startedAt)) : '';
  const stats: Array<[string, string, string?]> = [
    [t.console.points, String(state.points.ids.length), t.console.online(online)],
    [t.console.articles, String(articlesInOrder(state.draft).length)],
    [t.console.comments, String(n.live), t.console.folded(n.merged, n.retracted)],
    [t.console.answered, `${n.answered}/${n.live}`],
    [t.console.speeches, String(state.speeches.ids.length)],
  ];
  return (
    <section className="panel org-overview" aria-labelledby="org-overview-title" data-testid="organiser-overview">
      <header className="panel__head">
        <h2 id="org-overview-title" className="panel__title">{t.console.overview}</h2>
        <div className="panel__actions">
          {when ? <span className="muted">{when}</span> : null}
          {state.archived ? <span className="chip chip--ended">{t.list.archived}</span> : null}
        </div>
      </header>
      <div className="panel__body">
        <dl className="org-stats">
          {stats.map(([label, value, detail]) => (
            <div key={label} className="org-stats__item">
              <dt>{label}</dt>
              <dd><strong>{value}</strong>{detail ? <span className="muted">{detail}</span> : null}</dd>
            </div>
          ))}
        </dl>
        <div className="row">
          {state.status === 'scheduled' ? <button type="button" className="btn btn--primary" disabled={busy} onClick={() => act(t.conference.startConfirm, 'conference.start')}>{t.conference.start}</button> : null}
          {state.status === 'live' ? <button type="button" className="btn btn--danger-ghost" disabled={busy} onClick={() => act(t.conference.endConfirm, 'conference.end')}>{t.conference.end}</button> : null}
          {state.status === 'ended' && !state.archived ? <button type="button" className="btn" disabled={busy} onClick={() => act(t.conference.archiveConfirm, 'conference.archive')}>{t.conference.archive}</button> : null}
          <a className="btn btn--ghost" href={`/to-chuc${routeHash({ page: 'conference', id: session.conferenceId, tab: 'codes' })}`} target="_blank" rel="noopener noreferrer">
            {t.console.workspace} <span aria-hidden="true">↗</span>
          </a>
        </div>
        <p className="hint">{t.console.workspaceHint}</p>
        <ErrorNote message={error} />
      </div>
    </section>
  );
}
