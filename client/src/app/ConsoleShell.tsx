import { useEffect, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { useConferenceState, useConnectionSnapshot } from '../state/hooks';
import { ConnectionBadge } from './ConnectionBadge';
import { LanguageSwitch } from './LanguageSwitch';
import { useSession } from './sessionContext';

export interface Tab<T extends string> {
  id: T;
  label: string;
}

interface Props<T extends string> {
  tabs?: ReadonlyArray<Tab<T>>;
  tab?: T;
  onTab?: (tab: T) => void;
  children: ReactNode;
}

/** The frame every console shares: who and where I am, the conference, the connection, language, leave. */
export function ConsoleShell<T extends string>({ tabs, tab, onTab, children }: Props<T>) {
  const t = useT();
  const state = useConferenceState();
  const { session, leave } = useSession();
  const { outbox } = useConnectionSnapshot();
  useEffect(() => {
    document.title = `${t.role[session.role]} · ${t.app.name}`;
  }, [t, session.role]);
  const onLeave = () => {
    const waiting = outbox.filter((i) => !i.failed).length;
    if (waiting === 0 || window.confirm(t.shell.leaveConfirm(waiting))) leave();
  };
  return (
    <div className={`console console--${session.role}`}>
      <a className="skip-link" href="#main">
        {t.shell.skip}
      </a>
      <header className="topbar">
        <div className="topbar__brand" aria-hidden="true">
          ĐC
        </div>
        <div className="topbar__titles">
          <p className="topbar__role">
            {t.role[session.role]}
            {session.pointId ? ` · ${state.points.get(session.pointId)?.name ?? session.label}` : ''}
            {session.name ? ` · ${session.name}` : ''}
          </p>
          <h1 className="topbar__title">{state.title}</h1>
        </div>
        <span className={`chip chip--status chip--${state.status}`} data-testid="conference-status">
          {t.status[state.status]}
        </span>
        <ConnectionBadge />
        <LanguageSwitch />
        <button type="button" className="btn btn--ghost btn--small" onClick={onLeave}>
          {t.shell.leave}
        </button>
      </header>
      {tabs && tab && onTab ? (
        <nav className="tabs" aria-label={t.app.name}>
          {tabs.map((x) => (
            <button key={x.id} type="button" className="tabs__tab" aria-current={x.id === tab ? 'page' : undefined} onClick={() => onTab(x.id)}>
              {x.label}
            </button>
          ))}
        </nav>
      ) : null}
      <main id="main" className="console__main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
