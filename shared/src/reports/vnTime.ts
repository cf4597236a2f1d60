/**
 * Report times are Vietnam time (Asia/Ho_Chi_Minh). Vietnam keeps UTC+7 all year (no
 * daylight saving since 1975), so a fixed offset is exact and keeps this module pure.
 */
export const VN_OFFSET_MS = 7 * 3_600_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function vnDate(ms: number): Date {
  return new Date(ms + VN_OFFSET_MS);
}

/** "08:05:09" */
export function formatClock(ms: number): string {
  const d = vnDate(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** "27/10/2023" */
export function formatDate(ms: number): string {
  const d = vnDate(ms);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** "08:05:09 27/10/2023" */
export function formatDateTime(ms: number): string {
  return `${formatClock(ms)} ${formatDate(ms)}`;
}

/** "ngày 27 tháng 10 năm 2023", the date line of an official document. */
export function formatLongDate(ms: number): string {
  const d = vnDate(ms);
  return `ngày ${pad(d.getUTCDate())} tháng ${pad(d.getUTCMonth() + 1)} năm ${d.getUTCFullYear()}`;
}

/** "4:05" under an hour, "1:02:03" above; whole seconds, rounded down. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
