import { DEFAULT_TIME_ZONE } from '@diem-cau/shared';

/**
 * Wall-clock times in a conference's zone, whatever the viewer's computer is set to (K11): a console on a
 * machine set to UTC shows the 08:00 of a Hà Nội conference as 08:00, as the reports do.
 */
const parts = new Map<string, Intl.DateTimeFormat>();

function wall(ms: number, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number } {
  let f = parts.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    parts.set(timeZone, f);
  }
  const all = f.formatToParts(ms);
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(all.find((p) => p.type === type)?.value ?? 0);
  return { y: n('year'), mo: n('month'), d: n('day'), h: n('hour'), mi: n('minute') };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes east of UTC in `timeZone` at instant `ms`. */
export function offsetMinutes(ms: number, timeZone: string): number {
  const w = wall(ms, timeZone);
  return Math.round((Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi) - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/** "08:05" in the conference's zone. */
export function formatZonedClock(ms: number, locale: string, timeZone = DEFAULT_TIME_ZONE): string {
  return new Date(ms).toLocaleTimeString(locale === 'en' ? 'en-GB' : 'vi-VN', { hour: '2-digit', minute: '2-digit', timeZone });
}

/** An ISO instant → the "2023-10-27T08:00" a datetime-local field shows, read in `timeZone`. */
export function toZonedInput(iso: string | undefined, timeZone: string): string {
  if (!iso) return '';
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return '';
  const w = wall(ms, timeZone);
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}

/** "2023-10-27T08:00" typed for a conference in `timeZone` → "2023-10-27T08:00:00+07:00". */
export function fromZonedInput(local: string, timeZone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return undefined;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(asUtc)) return undefined;
  // The offset at the instant meant: guess with the offset at the wall time read as UTC, then correct once.
  let offset = offsetMinutes(asUtc, timeZone);
  offset = offsetMinutes(asUtc - offset * 60_000, timeZone);
  const sign = offset >= 0 ? '+' : '-';
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}
