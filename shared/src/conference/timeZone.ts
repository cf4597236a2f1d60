/** Where a conference's clock is read: every console, join sheet and report shows its times in this zone. */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** An IANA zone name the runtime knows (Intl throws a RangeError on any other). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}
