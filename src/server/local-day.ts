/** A calendar day on this computer's clock, as the clerk means "today". */
export interface LocalDay {
  /** YYYY-MM-DD */
  iso: string;
  start: Date;
  /** The next day's start: the range is [start, end). */
  end: Date;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local day named by `iso`, or undefined when it is not a real YYYY-MM-DD date. */
export function parseLocalDay(iso: string): LocalDay | undefined {
  const m = ISO_DAY.exec(iso);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  // Local midnight to local midnight, so a day with a DST change is 23 or 25 hours long.
  const start = new Date(y, mo, d);
  if (start.getFullYear() !== y || start.getMonth() !== mo || start.getDate() !== d) return undefined;
  return { iso, start, end: new Date(y, mo, d + 1) };
}

export function localDayOf(date: Date): LocalDay {
  return parseLocalDay(isoDay(date))!;
}

/** "14:05" for a time today, "2026-11-24 14:05" otherwise. */
export function formatTime(value: Date | string | null | undefined, now: Date): string {
  if (value === null || value === undefined) return "";
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  const hm = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return isoDay(date) === isoDay(now) ? hm : `${isoDay(date)} ${hm}`;
}
