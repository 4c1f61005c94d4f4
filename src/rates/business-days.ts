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
