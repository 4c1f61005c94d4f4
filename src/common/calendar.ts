// The PC's local calendar, as the clerk, Best Buy's promises and Canada Post's dates mean a day.

/** A local calendar day with its bounds, for queries over "labels bought that day". */
export interface LocalDayRange {
  /** YYYY-MM-DD */
  iso: string;
  start: Date;
  /** The next day's start: the range is [start, end). */
  end: Date;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number): string => String(n).padStart(2, "0");

/** YYYY-MM-DD of `date` on this computer's clock: the clerk's "today". */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local day named by `iso`, or undefined when it is not a real YYYY-MM-DD date. */
export function parseLocalDay(iso: string): LocalDayRange | undefined {
  const m = ISO_DAY.exec(iso);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  // Local midnight to local midnight, so a day with a DST change is 23 or 25 hours long.
  const start = new Date(y, mo, d);
  if (start.getFullYear() !== y || start.getMonth() !== mo || start.getDate() !== d) return undefined;
  return { iso, start, end: new Date(y, mo, d + 1) };
}

/** The local day `date` falls on, with its bounds. */
export function localDayRange(date: Date): LocalDayRange {
  return parseLocalDay(localDay(date))!;
}

/** YYYY-MM-DD plus `days` working days (Saturdays and Sundays skipped; a weekend mailing counts from Monday). */
export function addBusinessDays(ymd: string, days: number): string {
  const [y, m, d] = ymd.split("-").map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  const weekend = (x: Date) => x.getUTCDay() === 0 || x.getUTCDay() === 6;
  while (weekend(date)) date.setUTCDate(date.getUTCDate() + 1);
  for (let left = days; left > 0; ) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (!weekend(date)) left--;
  }
  return date.toISOString().slice(0, 10);
}

/** "2026-12-04 13:59": a moment as the clerk reads it, on this computer's clock. */
export function localTime(date: Date): string {
  return `${localDay(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
