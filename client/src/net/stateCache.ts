import { stateFromJson, type ConferenceState } from '@diem-cau/shared';

/**
 * The last known state of a conference, kept on the device so a console reloaded without
 * network still shows the draft, the speakers and its own pending comments. A sync from its
 * seq then brings it up to date.
 */
export interface StateCache {
  load(): ConferenceState | null;
  save(state: ConferenceState): void;
  clear(): void;
}

export const STATE_CACHE_PREFIX = 'diemcau.state.';

export function localStateCache(conferenceId: string): StateCache {
  const key = `${STATE_CACHE_PREFIX}${conferenceId}`;
  return {
    load() {
      try {
        const raw = localStorage.getItem(key);
        const parsed = raw ? (JSON.parse(raw) as { id?: unknown; seq?: unknown }) : null;
        return parsed && parsed.id === conferenceId && typeof parsed.seq === 'number' ? stateFromJson(parsed) : null;
      } catch {
        return null;
      }
    },
    save(state) {
      try {
        localStorage.setItem(key, JSON.stringify(state));
      } catch {
        // quota exceeded: the cache is a convenience, the hub has the truth
      }
    },
    clear() {
      localStorage.removeItem(key);
    },
  };
}

export const memoryStateCache = (): StateCache => {
  let saved: ConferenceState | null = null;
  return { load: () => saved, save: (s) => void (saved = s), clear: () => void (saved = null) };
};
