import type { MediaRequest, MediaSource } from '@diem-cau/shared';
import { sessionsSnapshot, subscribeSessions } from '../app/sessionStore';
import type { MediaViewRole } from './consumePlan';
import { socketMediaChannel } from './mediaChannel';
import { MediaSession } from './mediaSession';

/** Views come and go (React StrictMode, a quick tab flip): a watcher's media waits this long before closing. */
const RELEASE_GRACE_MS = 2_000;

interface Entry {
  media: MediaSession;
  role: MediaViewRole;
  refs: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const entries = new Map<string, Entry>();
let watchingSessions = false;

/**
 * One media session per console session (token), shared by every view that shows media. A point or the chair
 * keeps publishing while its session stays open even when no media view is on screen (the draft tab): the
 * floor holder must stay heard. It closes when the session is left or switched, and a display's when its
 * last view goes.
 */
export function acquireMediaSession(token: string, role: MediaViewRole): MediaSession {
  watchSessions();
  let entry = entries.get(token);
  if (!entry) {
    const media = new MediaSession({ channel: socketMediaChannel(token), role });
    entry = { media, role, refs: 0, timer: undefined };
    entries.set(token, entry);
    media.open();
  }
  if (entry.timer) clearTimeout(entry.timer);
  entry.timer = undefined;
  entry.refs += 1;
  exposeForDiagnostics(entry.media);
  return entry.media;
}

export function releaseMediaSession(token: string): void {
  const entry = entries.get(token);
  if (!entry) return;
  entry.refs = Math.max(0, entry.refs - 1);
  if (entry.refs > 0 || (entry.role !== 'display' && isCurrent(token))) return;
  entry.timer = setTimeout(() => closeEntry(token), RELEASE_GRACE_MS);
}

/** The live media session of a console session, if any (device changes in the check-in reach it). */
export function mediaSessionOf(token: string): MediaSession | undefined {
  return entries.get(token)?.media;
}

function closeEntry(token: string): void {
  const entry = entries.get(token);
  if (!entry) return;
  if (entry.timer) clearTimeout(entry.timer);
  entries.delete(token);
  entry.media.close();
}

function isCurrent(token: string): boolean {
  return sessionsSnapshot().current?.token === token;
}

function watchSessions(): void {
  if (watchingSessions) return;
  watchingSessions = true;
  subscribeSessions(() => {
    for (const [token, entry] of entries) if (entry.refs === 0 && !isCurrent(token)) closeEntry(token);
  });
  window.addEventListener('pagehide', () => {
    for (const token of [...entries.keys()]) closeEntry(token);
  });
}

/** What a modified client could do anyway, reachable from the console (diagnostics, the browser e2e suite). */
export interface MediaDiagnostics {
  stats: MediaSession['stats'];
  snapshot: () => ReturnType<MediaSession['getSnapshot']>;
  request: (body: MediaRequest) => ReturnType<MediaSession['request']>;
  ownProducerId: (source: MediaSource) => string | undefined;
}

function exposeForDiagnostics(media: MediaSession): void {
  const diagnostics: MediaDiagnostics = {
    stats: () => media.stats(),
    snapshot: () => media.getSnapshot(),
    request: (body) => media.request(body),
    ownProducerId: (source) => media.ownProducerId(source),
  };
  (window as unknown as { diemCauMedia?: MediaDiagnostics }).diemCauMedia = diagnostics;
}
