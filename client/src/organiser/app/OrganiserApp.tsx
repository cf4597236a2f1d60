import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiContext } from '../api/apiContext';
import { loadAdminToken, saveAdminToken } from '../api/adminToken';
import { AdminApi } from '../api/http';
import { organiserApi } from '../api/organiserApi';
import { useOrganiserT } from '../i18n/useOrganiserT';
import { ConferenceList } from '../list/ConferenceList';
import { LoginPage } from './LoginPage';
import { OrganiserShell } from './OrganiserShell';
import { useRoute, type Route } from './route';

// The editor (draft import, agenda, points) and the conference page load on demand: the list opens fast.
const SetupPage = lazy(() => import('../setup/SetupPage').then((m) => ({ default: m.SetupPage })));
const ConferencePage = lazy(() => import('../conference/ConferencePage').then((m) => ({ default: m.ConferencePage })));

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'list':
      return <ConferenceList />;
    case 'new':
      return <SetupPage key="new" />;
    case 'edit':
      return <SetupPage key={`edit-${route.id}`} conferenceId={route.id} />;
    case 'conference':
      return <ConferencePage key={route.id} conferenceId={route.id} tab={route.tab} {...(route.speechId ? { speechId: route.speechId } : {})} />;
  }
}

export function OrganiserApp() {
  const t = useOrganiserT();
  const [token, setToken] = useState(loadAdminToken);
  const [signedIn, setSignedIn] = useState(false);
  const route = useRoute();
  const logout = useCallback(() => {
    saveAdminToken(undefined);
    setToken(undefined);
  }, []);
  const api = useMemo(() => (token ? organiserApi(new AdminApi(token, logout)) : null), [token, logout]);
  useEffect(() => {
    document.title = `${t.app.title} · Điểm Cầu`;
  }, [t]);
  if (!api) {
    return (
      <LoginPage
        onLogin={(value) => {
          saveAdminToken(value);
          setSignedIn(true);
          setToken(value);
        }}
      />
    );
  }
  const pageKey = route.page === 'conference' || route.page === 'edit' ? `${route.page}:${route.id}` : route.page;
  return (
    <ApiContext.Provider value={api}>
      <OrganiserShell pageKey={pageKey} onLogout={logout} focusOnOpen={signedIn}>
        <Suspense fallback={<p className="splash" role="status">{t.common.loading}</p>}>
          <Page route={route} />
        </Suspense>
      </OrganiserShell>
    </ApiContext.Provider>
  );
}
