import type { OrganiserMessages } from '../i18n/vi';
import { errorMessage } from './apiContext';
import type { ApiError } from './http';

/**
 * What to show for a refused import: the catalogue's sentence when it has one for the reason
 * (details.reason, e.g. TIMEOUT), otherwise the hub's own message (or the network sentence).
 */
export function importErrorMessage(error: ApiError, t: Pick<OrganiserMessages, 'common' | 'importReasons'>): string {
  const reasons: Partial<Record<string, string>> = t.importReasons;
  const said = error.reason === undefined ? undefined : reasons[error.reason];
  return said ?? errorMessage(error, t.common.network);
}
