import { useState, type FormEvent } from 'react';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { ErrorNote } from '../../ui/ErrorNote';
import { AdminApi } from '../api/http';
import { organiserApi } from '../api/organiserApi';
import { useOrganiserT } from '../i18n/useOrganiserT';

/** The admin token is checked against the hub (GET /api/conferences) before it is kept. */
export function LoginPage({ onLogin }: { onLogin: (token: string) => void }) {
  const t = useOrganiserT();
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = token.trim();
    if (!value) return;
    setBusy(true);
    const answer = await organiserApi(new AdminApi(value)).list();
    setBusy(false);
    if (answer.ok) onLogin(value);
    else setError(answer.error.status === 401 ? t.login.bad : answer.error.code === 'NETWORK' ? t.common.network : answer.error.message);
  };
  return (
    <div className="join">
      <div className="join__lang">
        <LanguageSwitch />
      </div>
      <main className="join__card">
        <p className="join__brand">
          <span className="topbar__brand" aria-hidden="true">ĐC</span> Điểm Cầu
        </p>
        <h1>{t.login.title}</h1>
        <p className="muted">{t.login.intro}</p>
        <form className="join__form" onSubmit={(e) => void submit(e)}>
          <label htmlFor="admin-token">{t.login.token}</label>
          <input id="admin-token" className="input" type="password" autoComplete="current-password" autoFocus value={token} onChange={(e) => setToken(e.target.value)} />
          <button type="submit" className="btn btn--primary btn--large" disabled={busy || token.trim() === ''}>
            {busy ? t.login.checking : t.login.submit}
          </button>
          <ErrorNote message={error} />
        </form>
        <p className="hint">{t.login.where}</p>
      </main>
    </div>
  );
}
