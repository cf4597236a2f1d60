import { DEFAULT_TIME_ZONE } from '@diem-cau/shared';
import type { Locale } from '../../i18n/i18n';

/** "08:00, 27/10/2023" (vi) / "27 Oct 2023, 08:00" (en), in the conference's zone (K11), not the browser's. */
export function formatWhen(iso: string | null | undefined, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  if (locale === 'vi') {
    const time = d.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone });
    return `${time}, ${d.toLocaleDateString('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone })}`;
  }
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone });
}
