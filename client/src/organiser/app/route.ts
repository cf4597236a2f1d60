import { useEffect, useState } from 'react';

export const CONFERENCE_TABS = ['codes', 'sheets', 'budgets', 'responses', 'revision', 'reports', 'recordings', 'audit'] as const;
export type ConferenceTab = (typeof CONFERENCE_TABS)[number];

/** Pages live in the hash, so the hub serves one file at /to-chuc whatever page is open. */
export type Route =
  | { page: 'list' }
  | { page: 'new' }
  | { page: 'edit'; id: string }
  | { page: 'conference'; id: string; tab: ConferenceTab; speechId?: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  const [head, id, sub, speechId] = parts;
  if (head === 'new') return { page: 'new' };
  if (head === 'c' && id) {
    if (sub === 'edit') return { page: 'edit', id };
    const tab = CONFERENCE_TABS.find((t) => t === sub) ?? 'codes';
    // #/c/<id>/recordings/<speechId>: a speech's recording, linked from the minutes and the comments (issue 13).
    return { page: 'conference', id, tab, ...(tab === 'recordings' && speechId ? { speechId } : {}) };
  }
  return { page: 'list' };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'list':
      return '#/';
    case 'new':
      return '#/new';
    case 'edit':
      return `#/c/${encodeURIComponent(route.id)}/edit`;
    case 'conference':
      return `#/c/${encodeURIComponent(route.id)}/${route.tab}${route.speechId ? `/${encodeURIComponent(route.speechId)}` : ''}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}
