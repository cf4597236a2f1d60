/**
 * One shared interval drives every ticking view (timers, waiting times). Views derive a
 * primitive (a formatted string) from the server time, so React re-renders only when the
 * text a person would see changes. 100 ms keeps screens within a tenth of a second of each other.
 */
export const TICK_MS = 100;

const listeners = new Set<() => void>();
let handle: ReturnType<typeof setInterval> | undefined;

export function subscribeTicker(listener: () => void): () => void {
  listeners.add(listener);
  if (!handle) handle = setInterval(() => listeners.forEach((l) => l()), TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && handle) {
      clearInterval(handle);
      handle = undefined;
    }
  };
}
