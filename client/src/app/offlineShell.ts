/**
 * A secretary's laptop may lose the network and be reloaded: the service worker keeps the app
 * shell (index.html and the built assets) so the console opens again and its queued comments
 * are still there. Service workers need a secure context (https or localhost); elsewhere the
 * console still works, it just cannot be reloaded while offline.
 */
export function registerOfflineShell(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((reg) => {
        // Assets fetched before the worker took control are not in its cache yet: hand it the list.
        const send = () => reg.active?.postMessage({ type: 'cache', urls: loadedAssets() });
        send();
        window.setTimeout(send, 3_000);
      })
      .catch(() => undefined);
  });
}

function loadedAssets(): string[] {
  const urls = performance.getEntriesByType('resource').map((e) => e.name);
  return ['/', ...urls.filter((u) => u.startsWith(`${location.origin}/assets/`))];
}
