import {
  findArticle, listOf, OPEN_REQUEST_STATUSES, type ArticleRef, type BridgePoint, type ConferenceState, type FloorRequest,
} from '@diem-cau/shared';

export function pointName(state: ConferenceState, pointId: string | undefined): string {
  return (pointId && state.points.get(pointId)?.name) || pointId || '';
}

export function articleTitle(state: ConferenceState, article: number): string {
  return findArticle(state.draft, article)?.article.title ?? '';
}

/** The accepted requests in the chair's order. */
export function queuedRequests(state: ConferenceState): FloorRequest[] {
  return state.queue.map((id) => state.requests.get(id)).filter((r): r is FloorRequest => r !== undefined);
}

/** The articles the queued requests will speak to (clauses and points count for their article), with how many each. */
export function articlesInQueue(rows: readonly FloorRequest[]): Array<{ article: number; count: number }> {
  const counts = new Map<number, number>();
  for (const r of rows) for (const a of new Set(r.articles.map((x) => x.article))) counts.set(a, (counts.get(a) ?? 0) + 1);
  return [...counts].map(([article, count]) => ({ article, count })).sort((a, b) => a.article - b.article);
}

/** Requests waiting for the chair's approval (moderated conferences). */
export function pendingRequests(state: ConferenceState): FloorRequest[] {
  return listOf(state.requests).filter((r) => r.status === 'pending');
}

/** The chair's refusals a point is told of: its denied requests and revoked speeches, newest first. */
export function floorRefusalsOf(state: ConferenceState, pointId: string): FloorRequest[] {
  return listOf(state.requests)
    .filter((r) => r.pointId === pointId && (r.status === 'denied' || r.status === 'revoked'))
    .sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0));
}

/** A point's requests that are still open, each with its place in the queue (1-based) if queued. */
export function openRequestsOf(state: ConferenceState, pointId: string): Array<{ request: FloorRequest; place?: number }> {
  return listOf(state.requests)
    .filter((r) => r.pointId === pointId && OPEN_REQUEST_STATUSES.includes(r.status) && r.status !== 'granted')
    .map((request) => {
      const index = state.queue.indexOf(request.id);
      return index >= 0 ? { request, place: index + 1 } : { request };
    });
}

/** The articles being talked about: the current speaker's, else the active agenda item's. */
export function focusArticles(state: ConferenceState): ArticleRef[] {
  const speech = state.currentSpeechId ? state.speeches.get(state.currentSpeechId) : undefined;
  if (speech && speech.articles.length > 0) return speech.articles;
  const item = state.activeAgendaItemId ? state.agenda.get(state.activeAgendaItemId) : undefined;
  return item?.articles ?? [];
}

export function activeAgendaItem(state: ConferenceState) {
  return state.activeAgendaItemId ? state.agenda.get(state.activeAgendaItemId) : undefined;
}

/** Requests belong to discussion items; with no item active (or a discussion one) they are invited. */
export function invitesRequests(state: ConferenceState): boolean {
  const item = activeAgendaItem(state);
  return state.status === 'live' && (item === undefined || item.kind === 'discussion');
}

export function provincialPoints(state: ConferenceState): BridgePoint[] {
  return listOf(state.points).filter((p) => p.kind === 'provincial');
}

/** Points that have spoken to an article, through a speech about it or a comment logged on it. */
export function pointsThatSpokeTo(state: ConferenceState, article: number): Set<string> {
  const spoke = new Set<string>();
  for (const s of listOf(state.speeches)) if (s.articles.some((a) => a.article === article)) spoke.add(s.pointId);
  for (const c of listOf(state.comments)) {
    if (!c.retracted && c.pointId && c.articles.some((a) => a.article === article)) spoke.add(c.pointId);
  }
  return spoke;
}

export function uniqueArticles(refs: readonly ArticleRef[]): number[] {
  return [...new Set(refs.map((r) => r.article))];
}
