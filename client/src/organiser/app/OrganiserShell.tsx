import { useEffect, useRef, type ReactNode } from 'react';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useOrganiserT } from '../i18n/useOrganiserT';
import { routeHash } from './route';

/** The organiser's frame: the same navy top bar as the consoles, a way home, language, log out. */
export function OrganiserShell({ pageKey, onLogout, children }: { pageKey: string; onLogout: () => void; children: ReactNode }) {
  const t = useOrganiserT();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // A page change moves focus to the new page, as a full navigation would, except on first load.
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [pageKey]);
  return (
    <div className="console console--organiser">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>
        {t.app.skip}
      </a>
      <header className="topbar">
        <a className="topbar__brand org-brand" href={routeHash({ page: 'list' })} aria-label={t.app.home}>
          ĐC
        </a>
        <div className="topbar__titles">
          <p className="topbar__role">{t.app.title}</p>
          <p className="topbar__title">{t.app.workspace}</p>
        </div>
        <nav aria-label={t.app.title}>
          <a className="btn btn--ghost btn--small" href={routeHash({ page: 'list' })}>
            {t.app.home}
          </a>
        </nav>
        <LanguageSwitch />
        <button type="button" className="btn btn--ghost btn--small" onClick={onLogout}>
          {t.app.logout}
        </button>
      </header>
      <main id="main" ref={main} className="console__main org-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
