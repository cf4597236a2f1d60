import { mediaFloorOf, type MediaFloor } from '@diem-cau/shared';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useSession } from '../app/sessionContext';
import { useConferenceState } from '../state/hooks';
import { nextPointIdOf, type MediaViewRole } from './consumePlan';
import { acquireMediaSession, releaseMediaSession } from './mediaRegistry';
import type { MediaSession, MediaSnapshot } from './mediaSession';

/** The console's media session while the calling view is mounted (see mediaRegistry for its lifetime). */
export function useMediaSession(role: MediaViewRole): MediaSession | null {
  const { session } = useSession();
  const [media, setMedia] = useState<MediaSession | null>(null);
  useEffect(() => {
    const acquired = acquireMediaSession(session.token, role);
    setMedia(acquired);
    return () => releaseMediaSession(session.token);
  }, [session.token, role]);
  return media;
}

const NO_SUBSCRIPTION = () => () => undefined;
const NO_SNAPSHOT = () => null;

export function useMediaSnapshot(media: MediaSession | null): MediaSnapshot | null {
  return useSyncExternalStore(media?.subscribe ?? NO_SUBSCRIPTION, media?.getSnapshot ?? NO_SNAPSHOT);
}

/** The floor as the media sees it, recomputed only when the conference state changes. */
export function useMediaFloor(): MediaFloor {
  const state = useConferenceState();
  const floor = mediaFloorOf(state);
  // Stable identity while the three fields stay the same, so effects below do not rerun on every event.
  return useMemo(() => floor, [floor.mode, floor.chairPointId, floor.floorPointId]); // eslint-disable-line react-hooks/exhaustive-deps
}

/** Keeps the session's floor (and the next point in the queue) in step with the conference state. */
export function useFloorFeed(media: MediaSession | null, floor: MediaFloor): void {
  const next = nextPointIdOf(useConferenceState());
  useEffect(() => {
    media?.setFloor(floor, next);
  }, [media, floor, next]);
}
