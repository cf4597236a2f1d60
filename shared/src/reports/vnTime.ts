import { DEFAULT_TIME_ZONE } from '../conference/timeZone';

/**
 * Report times in the conference's zone (Asia/Ho_Chi_Minh unless its setup says otherwise). Vietnam keeps
 * UTC+7 all year (no daylight saving since 1975), so there a fixed offset is exact and needs no time-zone
 * data; any other zone is read through Intl.
 */
export const VN_OFFSET_MS = 7 * 3_600_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

interface Wall { year: number; month: number; day: number; hour: number; minute: number; second: number }

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(ms: number, timeZone: string): Wall {
  if (timeZone === DEFAULT_TIME_ZONE) {
    const d = new Date(ms + VN_OFFSET_MS);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
  }
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(f.formatToParts(ms).find((p) => p.type === type)?.value ?? 0);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

/** "08:05:09" */
export function formatClock(ms: number, timeZone = DEFAULT_TIME_ZONE): string {
  const d = wallClock(ms, timeZone);
  return `${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)}`;
}

/** "27/10/2023" */
export function formatDate(ms: number, timeZone = DEFAULT_TIME_ZONE): string {
  const d = wallClock(ms, timeZone);
  return `${pad(d.day)}/${pad(d.month)}/${d.year}`;
}

/** "08:05:09 27/10/2023" */
export function formatDateTime(ms: number, timeZone = DEFAULT_TIME_ZONE): string {
  return `${formatClock(ms, timeZone)} ${formatDate(ms, timeZone)}`;
}

/** "ngày 27 tháng 10 năm 2023", the date line of an official document. */
export function formatLongDate(ms: number, timeZone = DEFAULT_TIME_ZONE): string {
  const d = wallClock(ms, timeZone);
  return `ngày ${pad(d.day)} tháng ${pad(d.month)} năm ${d.year}`;
}

/** "4:05" under an hour, "1:02:03" above; whole seconds, rounded down. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
