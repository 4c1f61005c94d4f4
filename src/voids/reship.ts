import type { Database } from "../db/index.ts";
import { labelOfOrder, lockShipment, makeWayForNewLabel, unlockShipment } from "./store.ts";

export type ReshipResult = { ok: true; message: string } | { ok: false; message: string };

/**
 * An order whose label is already voided (or refunded) made shippable again: the cancelled row
 * moves to shipment_history, and the next ship run buys one new label. Nothing is asked of
 * Canada Post; a label that is not cancelled is never touched (unlike `void --reship`, this
 * cannot void anything, so a form posted twice or a stale page is harmless).
 */
export async function reshipVoided(db: Database, orderId: string): Promise<ReshipResult> {
  const session = await db.reserve();
  try {
    const label = await labelOfOrder(session, orderId);
    if (!label) return { ok: false, message: `Order ${orderId} has no cancelled label; the next shipdesk ship buys its label if it is waiting for one.` };
    if (label.status !== "voided" && label.status !== "refund_requested") {
      return { ok: false, message: `The label of order ${orderId} is ${label.status.replaceAll("_", " ")}, not cancelled; nothing was changed.` };
    }
    if (label.order_status !== "accepted") return { ok: false, message: `Order ${orderId} is ${label.order_status} at Best Buy, so it gets no new label.` };
    if (!(await lockShipment(session, label.shipment_id))) {
      return { ok: false, message: `Another shipdesk is working on order ${orderId} right now; try again in a minute.` };
    }
    try {
      const moved = await session.transaction((tx) => makeWayForNewLabel(tx, label.shipment_id));
      if (!moved) return { ok: false, message: `The label of order ${orderId} changed meanwhile; nothing was changed.` };
    } finally {
      await unlockShipment(session, label.shipment_id);
    }
    return { ok: true, message: `Order ${orderId} is shippable again (its cancelled label, PIN ${label.tracking_pin ?? "unknown"}, is kept in its history).` };
  } finally {
    await session.release();
  }
}
