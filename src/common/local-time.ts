// Times as people and files read them: a person reads the PC's local time; a file (the log, the
// report) carries ISO 8601 with the local offset, so it is exact wherever it is opened.

const pad = (n: number, width = 2): string => String(Math.trunc(n)).padStart(width, "0");

/** "2026-12-03 19:30": local date and time to the minute, for the screen. */
export function localDateTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "+05:30", "-08:00", "+00:00": the PC's offset from UTC at that moment (daylight time included). */
export function localOffset(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? "-" : "+";
  return `${sign}${pad(Math.abs(minutes) / 60)}:${pad(Math.abs(minutes) % 60)}`;
}

/** "2026-12-03T19:30:05.123-08:00": ISO 8601 in local time with its offset, for files. */
export function localIso(date: Date, options: { milliseconds?: boolean } = {}): string {
  const ms = options.milliseconds === false ? "" : `.${pad(date.getMilliseconds(), 3)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${ms}${localOffset(date)}`;
}
