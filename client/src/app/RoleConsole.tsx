import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import type { Role } from '@diem-cau/shared';
import { useT } from '../i18n/i18n';

// One chunk per role: a bridge point's laptop never downloads the chair's or secretary's code.
const ChairConsole = lazy(() => import('../chair/ChairConsole').then((m) => ({ default: m.ChairConsole })));
const PointConsole = lazy(() => import('../point/PointConsole').then((m) => ({ default: m.PointConsole })));
const SecretaryConsole = lazy(() => import('../secretary/SecretaryConsole').then((m) => ({ default: m.SecretaryConsole })));
const DisplayConsole = lazy(() => import('../display/DisplayConsole').then((m) => ({ default: m.DisplayConsole })));

function Loading() {
  const t = useT();
  return (
    <div className="splash" role="status">
      {t.shell.loading}
    </div>
  );
}

// The organiser workspace (client/src/organiser, written separately) is picked up when it exists.
const organiserModules = import.meta.glob<{ OrganiserConsole: ComponentType }>('../organiser/OrganiserConsole.tsx');
const loadOrganiser = organiserModules['../organiser/OrganiserConsole.tsx'];
const OrganiserConsole = loadOrganiser ? lazy(() => loadOrganiser().then((m) => ({ default: m.OrganiserConsole }))) : OrganiserPlaceholder;

function OrganiserPlaceholder() {
  const t = useT();
  return (
    <div className="splash" role="status">
      {t.shell.organiserSoon}
    </div>
  );
}

/** A view-only code typed on the join page: the livestream is its own page (issue 13), which asks for the code again. */
function ToViewerPage() {
  useEffect(() => window.location.replace('/xem'), []);
  return <Loading />;
}

export function RoleConsole({ role }: { role: Role }) {
  return (
    <Suspense fallback={<Loading />}>
      {role === 'chair' ? <ChairConsole /> : null}
      {role === 'point' ? <PointConsole /> : null}
      {role === 'secretary' ? <SecretaryConsole /> : null}
      {role === 'display' ? <DisplayConsole /> : null}
      {role === 'organiser' ? <OrganiserConsole /> : null}
      {role === 'viewer' ? <ToViewerPage /> : null}
    </Suspense>
  );
}
