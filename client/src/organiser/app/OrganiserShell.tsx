import { useEffect, useRef, type ReactNode } from 'react';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useOrganiserT } from '../i18n/useOrganiserT';
import { routeHash } from './route';

/** The organiser's frame: the same navy top bar as the consoles, a way home, language, log out. */
interface Props { pageKey: string; onLogout: () => void; children: ReactNode; /** Just signed in: the sign-in form the focus was in is gone. */ focusOnOpen?: boolean }

export function OrganiserShell({ pageKey, onLogout, children, focusOnOpen = false }: Props) {
  const t = useOrganiserT();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // A page change moves focus to the new page, as a full navigation would; a fresh load keeps the browser's.
    if (!first.current || focusOnOpen) main.current?.focus();
    first.current = false;
  }, [pageKey, focusOnOpen]);
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
