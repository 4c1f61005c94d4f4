import type { Queryable } from "../db/index.ts";
import { byDeadline, parseDeadline } from "./deadline.ts";
import deadlinesOfSql from "../../sql/deadlines/deadlines_of.sql" with { type: "text" };

/** Each named order's deadline (orders without one, or unknown, are absent). */
export async function deadlinesOf(db: Queryable, orderIds: readonly string[]): Promise<Map<string, Date>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db.query<{ order_id: string; shipping_deadline: string | null }>(deadlinesOfSql, [[...new Set(orderIds)]]);
  const found = new Map<string, Date>();
  for (const r of rows) {
    const d = parseDeadline(r.shipping_deadline);
    if (d) found.set(r.order_id, d);
  }
  return found;
}

/**
 * Items about orders (a card of Needs attention, a line of status), earliest deadline of their
 * orders first; items with no deadline keep their order after them. Each gets its deadline.
 */
export async function inDeadlineOrder<T extends { orderIds: readonly string[] }>(db: Queryable, items: readonly T[]): Promise<(T & { deadline: Date | undefined })[]> {
  const deadlines = await deadlinesOf(db, items.flatMap((i) => i.orderIds));
  const earliest = (i: T) => i.orderIds.map((id) => deadlines.get(id)).filter((d): d is Date => d !== undefined).sort((a, b) => a.getTime() - b.getTime())[0];
  return byDeadline(
    items.map((i) => ({ ...i, deadline: earliest(i) })),
    (i) => i.deadline,
  );
}
