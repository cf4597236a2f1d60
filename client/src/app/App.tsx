import { useEffect, useState, useSyncExternalStore } from 'react';
import { joinCodeFromPath } from './joinPath';
import { JoinPage } from './JoinPage';
import { SessionView } from './SessionView';
import { sessionsSnapshot, subscribeSessions } from './sessionStore';

/** `/join` alone opens the join page even with a session open: how a display (which has no controls) is switched. */
const isJoinPage = (pathname: string) => /^\/join\/?$/.test(pathname);

export function App() {
  const { current } = useSyncExternalStore(subscribeSessions, sessionsSnapshot);
  const [linkCode, setLinkCode] = useState(() => joinCodeFromPath(window.location.pathname));
  const [joinPage, setJoinPage] = useState(() => isJoinPage(window.location.pathname));
  useEffect(() => {
    const onPop = () => {
      setLinkCode(joinCodeFromPath(window.location.pathname));
      setJoinPage(isJoinPage(window.location.pathname));
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const joined = () => {
    // The code must not stay in the address bar (or the history) once it became a token.
    window.history.replaceState(null, '', '/');
    setLinkCode(undefined);
    setJoinPage(false);
  };
  if (linkCode || joinPage || !current) return <JoinPage {...(linkCode ? { linkCode } : {})} onJoined={joined} />;
  return <SessionView key={current.token} session={current} />;
}
