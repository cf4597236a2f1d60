import { listOf } from '@diem-cau/shared';
import { focusArticles } from '../domain/selectors';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { ArticleRefs } from '../ui/ArticleRefs';
import { ErrorNote } from '../ui/ErrorNote';
import { Panel } from '../ui/Panel';
import { useCommand } from '../ui/useCommand';

/** The live agenda: the item now being dealt with, and switching to another. */
export function AgendaPanel() {
  const t = useT();
  const state = useConferenceState();
  const { run, error } = useCommand();
  const focus = focusArticles(state);
  return (
    <Panel id="agenda" title={t.agenda.title}>
      <ol className="agenda">
        {listOf(state.agenda).map((item) => {
          const active = item.id === state.activeAgendaItemId;
          return (
            <li key={item.id} className={`agenda__item${active ? ' agenda__item--active' : ''}`} aria-current={active ? 'step' : undefined}>
              <span className="agenda__title">
                {active ? <span className="tag tag--live">▶ {t.agenda.active}</span> : null}
                {item.title}
                {item.plannedMinutes ? <span className="muted"> · {t.agenda.minutes(item.plannedMinutes)}</span> : null}
              </span>
              {!active && state.status !== 'ended' ? (
                <button type="button" className="btn btn--small" onClick={() => void run({ type: 'agenda.activate', itemId: item.id })} aria-label={`${t.agenda.activate}: ${item.title}`}>
                  {t.agenda.activate}
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
      <h3 className="subhead">{t.agenda.underDiscussion}</h3>
      <ArticleRefs refs={focus} titled empty="—" />
      <ErrorNote message={error} />
    </Panel>
  );
}
