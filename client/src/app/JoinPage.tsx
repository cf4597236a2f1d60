import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useT } from '../i18n/i18n';
import { exchangeJoinCode } from './joinApi';
import { LanguageSwitch } from './LanguageSwitch';
import { RecentSessions } from './RecentSessions';
import { rememberSession, sessionsSnapshot, subscribeSessions } from './sessionStore';

export function JoinPage({ linkCode, onJoined }: { linkCode?: string; onJoined: () => void }) {
  const t = useT();
  const { sessions } = useSyncExternalStore(subscribeSessions, sessionsSnapshot);
  const [code, setCode] = useState(linkCode ?? '');
  const [error, setError] = useState<'badCode' | 'network' | 'tooManyAttempts' | undefined>();
  const [busy, setBusy] = useState(false);
  const autoTried = useRef(false);

  const join = async (value: string) => {
    setBusy(true);
    setError(undefined);
    const outcome = await exchangeJoinCode(value);
    setBusy(false);
    if (!outcome.ok) return setError(outcome.reason);
    rememberSession(outcome.session);
    onJoined();
  };
  useEffect(() => {
    if (linkCode && !autoTried.current) {
      autoTried.current = true;
      void join(linkCode);
    }
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim()) void join(code);
  };

  return (
    <div className="join">
      <div className="join__lang">
        <LanguageSwitch />
      </div>
      <main className="join__card" id="main">
        <p className="join__brand">
          <span className="topbar__brand" aria-hidden="true">
            ĐC
          </span>
          {t.app.name}
        </p>
        <p className="muted">{t.app.tagline}</p>
        <h1>{t.join.title}</h1>
        <p>{t.join.intro}</p>
        <form onSubmit={submit} className="join__form">
          <label htmlFor="join-code">{t.join.codeLabel}</label>
          <input
            id="join-code" className="input input--code" value={code} onChange={(e) => setCode(e.target.value)}
            autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder={t.join.codeHint}
            aria-describedby="join-error" aria-invalid={error === 'badCode'} autoFocus
          />
          <button type="submit" className="btn btn--primary btn--large" disabled={busy}>
            {busy ? t.join.joining : t.join.submit}
          </button>
          <p id="join-error" className="error-note" role="alert" hidden={!error}>
            {error ? t.join[error] : ''}
          </p>
        </form>
        {sessions.length > 0 ? <RecentSessions sessions={sessions} onOpened={onJoined} /> : null}
      </main>
    </div>
  );
}
