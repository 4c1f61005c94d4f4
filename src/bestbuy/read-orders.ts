import * as v from "valibot";
import type { MalformedOrder, OrderList } from "./marketplace.ts";
import { describeIssues, OrderIdentitySchema, OrderSchema, type MiraklOrder } from "./schema.ts";

/**
 * Checks each element of an OR11 page on its own, so that one order Best Buy sent in an odd
 * shape is reported by itself while the rest are imported.
 */
export function readOrders(items: readonly unknown[]): OrderList {
  const orders: MiraklOrder[] = [];
  const malformed: MalformedOrder[] = [];
  for (const item of items) {
    const parsed = v.safeParse(OrderSchema, item);
    if (parsed.success) {
      orders.push(parsed.output);
      continue;
    }
    const identity = v.safeParse(OrderIdentitySchema, item);
    const orderId = identity.success ? identity.output.order_id : undefined;
    const state = identity.success && typeof identity.output.order_state === "string" ? identity.output.order_state : undefined;
    const problem = orderId
      ? `Best Buy sent order ${orderId} in a form shipdesk cannot read: ${describeIssues(parsed.issues)}.`
      : `Best Buy sent an order without a usable order id: ${describeIssues(identity.success ? parsed.issues : identity.issues)}.`;
    malformed.push({ orderId, state, problem, raw: item });
  }
  return { orders, malformed };
}

/** Later pages can repeat an order when the list shifts under the offset; keep the first. */
export function mergeOrderLists(lists: readonly OrderList[]): OrderList {
  const seen = new Set<string>();
  const out: OrderList = { orders: [], malformed: [] };
  for (const list of lists) {
    for (const order of list.orders) {
      if (seen.has(order.order_id)) continue;
      seen.add(order.order_id);
      out.orders.push(order);
    }
    for (const bad of list.malformed) {
      if (bad.orderId !== undefined) {
        if (seen.has(bad.orderId)) continue;
        seen.add(bad.orderId);
      }
      out.malformed.push(bad);
    }
  }
  return out;
}
