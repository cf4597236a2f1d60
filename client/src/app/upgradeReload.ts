const KEY = 'diem-cau:reloaded-for-upgrade';
/** A second refusal this soon after reloading means the page came back old (a cache): stop and say so. */
const GUARD_MS = 60_000;

/**
 * The hub serves a newer console than this page (U2): load the page again, once. False when it already did
 * within the last minute, so a proxy or cache still serving the old page cannot make it reload forever.
 */
export function reloadForUpgrade(storage: Pick<Storage, 'getItem' | 'setItem'>, now: number, reload: () => void): boolean {
  const last = Number(storage.getItem(KEY) ?? 0);
  if (now - last < GUARD_MS) return false;
  storage.setItem(KEY, String(now));
  reload();
  return true;
}
