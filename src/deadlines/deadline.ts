// Best Buy's shipping deadline of an order: the moment OR24 (the shipment confirmation) must
// have been accepted for the order to count as shipped on time.

/**
 * The deadline as Best Buy wrote it in OR11 (`shipping_deadline`, an ISO date-time such as
 * 2026-12-09T23:59:59Z), or undefined when it is missing or not a date. A bare day
 * (YYYY-MM-DD) is taken as the end of that local day, as a clerk reads "ship by the 9th".
 */
export function parseDeadline(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const text = value.trim();
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) {
    const end = new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 23, 59, 59);
    return Number.isNaN(end.getTime()) ? undefined : end;
  }
  // Only what looks like an ISO date-time: Date.parse takes many shapes a person would not mean.
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) return undefined;
  const t = Date.parse(text.replace(" ", "T"));
  return Number.isNaN(t) ? undefined : new Date(t);
}

/** The deadline of an order as OR11 gave it (orders.raw). */
export const deadlineOfOrder = (raw: unknown): Date | undefined =>
  typeof raw === "object" && raw !== null ? parseDeadline((raw as Record<string, unknown>).shipping_deadline) : undefined;

/**
 * Earliest deadline first; orders without one after every order that has one. A stable sort
 * keeps the order it was given among equals (the order of import).
 */
export function byDeadline<T>(items: readonly T[], deadlineOf: (item: T) => Date | undefined): T[] {
  const keyed = items.map((item, i) => ({ item, i, at: deadlineOf(item)?.getTime() ?? Number.POSITIVE_INFINITY }));
  keyed.sort((a, b) => a.at - b.at || a.i - b.i);
  return keyed.map((k) => k.item);
}
