/**
 * The admin token lives in sessionStorage: it survives a reload of the tab but not its closing,
 * and other tabs (and other sites' scripts) never see it in a URL.
 */
const KEY = 'diemcau.organiser.adminToken';

export function loadAdminToken(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveAdminToken(token: string | undefined): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage disabled: the token only lasts as long as the page
  }
}
