import type { DomainError } from '@diem-cau/shared';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useT } from '../i18n/i18n';
import { ConferenceConnection } from '../net/ConferenceConnection';
import { localOutboxStorage } from '../net/outbox';
import { localStateCache } from '../net/stateCache';
import { socketTransport } from '../net/transport';
import { ConnectionContext } from '../state/hooks';
import { ConnectionBadge } from './ConnectionBadge';
import { RoleConsole } from './RoleConsole';
import { reloadForUpgrade } from './upgradeReload';
import { SessionContext } from './sessionContext';
import { forgetSession, openSession, type StoredSession } from './sessionStore';

const ONLINE_POLL_MS = 10_000;

export const outboxKey = (conferenceId: string) => `diemcau.outbox.${conferenceId}`;

function connect(session: StoredSession): ConferenceConnection {
  return new ConferenceConnection({
    conferenceId: session.conferenceId,
    transport: socketTransport(session.token),
    outboxStorage: localOutboxStorage(outboxKey(session.conferenceId)),
    cache: localStateCache(session.conferenceId),
    isOnline: () => navigator.onLine,
  });
}

/** Owns the connection of the open session: created on mount, closed on leave or switch. */
export function SessionView({ session }: { session: StoredSession }) {
  const [connection, setConnection] = useState<ConferenceConnection | null>(null);
  useEffect(() => {
    const c = connect(session);
    const online = () => c.setBrowserOnline(true);
    const offline = () => c.setBrowserOnline(false);
    const storage = (e: StorageEvent) => e.key === outboxKey(session.conferenceId) && c.outbox.refresh();
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    window.addEventListener('storage', storage);
    c.start();
    setConnection(c);
    // Belt and braces: should an 'online' event be missed, notice the network came back anyway.
    const poll = window.setInterval(() => {
      if (navigator.onLine && c.getSnapshot().status === 'offline') c.setBrowserOnline(true);
    }, ONLINE_POLL_MS);
    return () => {
      window.clearInterval(poll);
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      window.removeEventListener('storage', storage);
      c.stop();
    };
  }, [session]);
  const sessionValue = useMemo(() => ({ session, leave: () => openSession(undefined) }), [session]);
  if (!connection) return null;
  return (
    <SessionContext.Provider value={sessionValue}>
      <ConnectionContext.Provider value={connection}>
        <Gate session={session} connection={connection} />
      </ConnectionContext.Provider>
    </SessionContext.Provider>
  );
}

/** Why the hub refused this session, in the console's language. */
function refusalText(fatal: DomainError, t: ReturnType<typeof useT>): string {
  if (fatal.code !== 'UNAUTHORIZED') return fatal.message;
  const reason = (fatal.details as { reason?: string } | undefined)?.reason;
  return reason === 'revoked' ? t.join.revoked : t.join.expired;
}

/** The hub serves a newer console (U2): the page loads again, once; if it comes back old, the user is told how. */
function Outdated() {
  const t = useT();
  const [stuck, setStuck] = useState(false);
  useEffect(() => {
    setStuck(!reloadForUpgrade(window.sessionStorage, Date.now(), () => window.location.reload()));
  }, []);
  return (
    <div className={stuck ? 'splash splash--error' : 'splash'} role={stuck ? 'alert' : 'status'} data-testid="console-outdated">
      <p>{stuck ? t.join.outdatedStuck : t.join.outdated}</p>
      {stuck ? <button type="button" className="btn btn--primary" onClick={() => window.location.reload()}>{t.join.reload}</button> : null}
    </div>
  );
}

/** Waits for the first state (from the hub or the device cache); a refused session goes back to joining. */
function Gate({ session, connection }: { session: StoredSession; connection: ConferenceConnection }) {
  const t = useT();
  const snapshot = useSyncExternalStore(connection.subscribe, connection.getSnapshot);
  if (snapshot.outdated) return <Outdated />;
  if (snapshot.fatal) {
    return (
      <div className="splash splash--error" role="alert">
        <p>{refusalText(snapshot.fatal, t)}</p>
        <button type="button" className="btn btn--primary" onClick={() => forgetSession(session.token)}>
          {t.join.title}
        </button>
      </div>
    );
  }
  if (!snapshot.state) {
    return (
      <div className="splash" role="status">
        <p>{t.shell.loading}</p>
        <ConnectionBadge />
      </div>
    );
  }
  return <RoleConsole role={session.role} />;
}
