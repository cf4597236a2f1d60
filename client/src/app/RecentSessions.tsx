import { useT } from '../i18n/i18n';
import { forgetSession, openSession, type StoredSession } from './sessionStore';

/** Switching conference or seat: every session this device joined and that is still valid. */
export function RecentSessions({ sessions, onOpened }: { sessions: StoredSession[]; onOpened: () => void }) {
  const t = useT();
  return (
    <section className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title">{t.join.recent}</h2>
      <ul className="recent__list">
        {sessions.map((s) => (
          <li key={s.token} className="recent__item">
            <span>
              <strong>{t.role[s.role]}</strong>
              {s.role === 'point' ? ` · ${s.label}` : ''}
              <span className="muted"> · {s.conferenceId}</span>
            </span>
            <span className="recent__actions">
              <button type="button" className="btn btn--small" onClick={() => { openSession(s.token); onOpened(); }}>
                {t.join.open}
              </button>
              <button type="button" className="btn btn--small btn--ghost" onClick={() => forgetSession(s.token)}>
                {t.join.forget}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
