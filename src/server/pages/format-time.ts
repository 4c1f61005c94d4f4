import { localDay } from "../../common/calendar.ts";

const pad = (n: number): string => String(n).padStart(2, "0");

/** "14:05" for a time today, "2026-11-24 14:05" otherwise. */
export function formatTime(value: Date | string | null | undefined, now: Date): string {
  if (value === null || value === undefined) return "";
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  const hm = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return localDay(date) === localDay(now) ? hm : `${localDay(date)} ${hm}`;
}
