import type { Queryable } from "../db/index.ts";
import { orderPromise, serviceOptions, storedQuotes, type OrderPromise, type ServiceOption } from "../rates/index.ts";
import serviceQuotesSql from "../../sql/server/service_quotes.sql" with { type: "text" };

/** What the service form of one order shows: each service, priced when a quote was kept, and the promise. */
export interface OrderServices {
  promise: OrderPromise;
  options: ServiceOption[];
  /** Whether any option has a quote (a label was priced for this order before). */
  quoted: boolean;
}

/**
 * The services of each named order, from the quotes kept when its last label was priced (never a
 * new question to Canada Post: the page shows what is known, and says when nothing is).
 */
export async function servicesOf(db: Queryable, orderIds: readonly string[]): Promise<Map<string, OrderServices>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db.query<{ order_id: string; raw: unknown; quotes: unknown }>(serviceQuotesSql, [[...new Set(orderIds)]]);
  const found = new Map<string, OrderServices>();
  for (const r of rows) {
    const promise = orderPromise(typeof r.raw === "string" ? JSON.parse(r.raw) : r.raw);
    const kept = storedQuotes(r.quotes);
    const options = serviceOptions(kept?.quotes ?? [], promise, kept?.mailingDay ?? "");
    found.set(r.order_id, { promise, options, quoted: options.some((o) => o.quote !== undefined) });
  }
  return found;
}

/** For each order, the chosen service's warning when it arrives after the promise. */
export async function lateChoices(db: Queryable, orderIds: readonly string[], code: string): Promise<{ orderId: string; option: ServiceOption; promise: OrderPromise }[]> {
  const services = await servicesOf(db, orderIds);
  return orderIds.flatMap((orderId) => {
    const s = services.get(orderId);
    const option = s?.options.find((o) => o.code === code);
    return s && option?.late ? [{ orderId, option, promise: s.promise }] : [];
  });
}
