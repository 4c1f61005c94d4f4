import { localDay } from "../common/calendar.ts";

/**
 * What Best Buy promised the customer, from the order as OR11 gave it (kept whole in
 * orders.raw): `delivery_date.latest` when the shop has delivery dates, else `shipping_deadline`
 * (the day the parcel must leave). Dates are the PC's local calendar days, as Canada Post's are.
 */
export interface OrderPromise {
  /** YYYY-MM-DD: the parcel must arrive by this day. */
  deliverBy: string | undefined;
  /** YYYY-MM-DD: the parcel must be mailed by this day. */
  shipBy: string | undefined;
}

function dayOf(value: unknown): string | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  if (/^\d{4}-\d\d-\d\d$/.test(value.trim())) return value.trim();
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : localDay(new Date(t));
}

export function orderPromise(raw: unknown): OrderPromise {
  const order = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const delivery = order.delivery_date;
  const latest = typeof delivery === "object" && delivery !== null ? (delivery as Record<string, unknown>).latest : undefined;
  return { deliverBy: dayOf(latest), shipBy: dayOf(order.shipping_deadline) };
}
