/*
 * The sandbox's own calendar. It stands in for Canada Post, whose delivery dates shipdesk
 * judges with its own calendar (src/rates): written apart on purpose, so that a mistake in
 * production's date arithmetic disagrees with the sandbox in a test instead of agreeing with
 * itself. test/sandbox/calendar.test.ts holds the two side by side.
 */

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** The calendar day on this computer's clock at `at`: 2026-12-03 in bodies, 20261203 in query strings and group ids. */
export function localDate(at: Date, separator: "" | "-"): string {
  // Moved by the zone's offset at that instant, the UTC fields are the local ones.
  const local = new Date(at.getTime() - at.getTimezoneOffset() * MS_PER_MINUTE);
  return local.toISOString().slice(0, 10).replaceAll("-", separator);
}

/**
 * YYYY-MM-DD plus `days` working days, Saturdays and Sundays not counted; a parcel mailed on a
 * weekend starts on the Monday. Counted in whole weeks and a remainder, on day numbers.
 */
export function addBusinessDays(ymd: string, days: number): string {
  let day = Date.parse(`${ymd}T00:00:00Z`) / MS_PER_DAY;
  // 1970-01-01, day 0, was a Thursday: Monday is 0 … Sunday 6.
  const weekday = (((day + 3) % 7) + 7) % 7;
  if (weekday >= 5) day += 7 - weekday;
  const intoWeek = weekday >= 5 ? 0 : weekday;
  const total = intoWeek + days;
  day += Math.floor(total / 5) * 7 + (total % 5) - intoWeek;
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
