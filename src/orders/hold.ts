// "Hold": the clerk keeps an order back from every run until it is released (the desk, or
// shipdesk hold ORDER [--release]). Leaving an order out in the desk lasts for that batch only.
import type { Queryable } from "../db/index.ts";
import { localDateTime } from "../common/local-time.ts";
import holdStateSql from "../../sql/orders/hold_state.sql" with { type: "text" };
import holdOrderSql from "../../sql/orders/hold_order.sql" with { type: "text" };
import releaseOrderSql from "../../sql/orders/release_order.sql" with { type: "text" };

/** Saved (or already so); refused for an unknown order (`unknown`: exit 2) or one past holding. */
export type HoldChange = { ok: true; message: string } | { ok: false; unknown: boolean; message: string };

interface HoldState {
  order_id: string;
  status: string;
  held_at: Date | string | null;
  held_by: string | null;
  label_status: string | null;
  tracking_pin: string | null;
}

const since = (s: HoldState) => `since ${localDateTime(new Date(s.held_at!))}${s.held_by ? ` (${s.held_by})` : ""}`;

/** Holds the order: no run (--auto, shipdesk ship, the desk's batch) buys its label until released. */
export async function holdOrder(db: Queryable, orderId: string, by: string): Promise<HoldChange> {
  const [state] = await db.query<HoldState & Record<string, unknown>>(holdStateSql, [orderId]);
  if (!state) return { ok: false, unknown: true, message: `There is no order ${orderId} in shipdesk; run shipdesk orders sync, or check the number.` };
  if (state.held_at) return { ok: true, message: `Order ${orderId} is already on hold ${since(state)}; shipdesk hold ${orderId} --release ships it again.` };
  if (state.status !== "accepted") return { ok: false, unknown: false, message: `Order ${orderId} is ${state.status.replaceAll("_", " ")} at Best Buy, so shipdesk buys it no label; there is nothing to hold.` };
  const bought = state.label_status === "label_created" || state.label_status === "tracking_updated" || state.label_status === "label_creation_initiated";
  if (bought) {
    return {
      ok: false,
      unknown: false,
      message: `The label of order ${orderId} is already bought${state.tracking_pin ? ` (PIN ${state.tracking_pin})` : " or being bought"}; a hold only keeps back a label not bought yet. To keep the parcel back, void the label: shipdesk void ${orderId}.`,
    };
  }
  const held = await db.query(holdOrderSql, [orderId, by]);
  if (held.length === 0) return { ok: false, unknown: false, message: `The label of order ${orderId} started being bought just now; it is not held.` };
  return { ok: true, message: `Order ${orderId} is on hold: no run buys its label (--auto skips it) until you release it: shipdesk hold ${orderId} --release, or Release the hold in the desk.` };
}

/** Ends the hold: the next run buys the order's label as usual. */
export async function releaseOrder(db: Queryable, orderId: string): Promise<HoldChange> {
  const [state] = await db.query<HoldState & Record<string, unknown>>(holdStateSql, [orderId]);
  if (!state) return { ok: false, unknown: true, message: `There is no order ${orderId} in shipdesk; run shipdesk orders sync, or check the number.` };
  if (!state.held_at) return { ok: true, message: `Order ${orderId} is not on hold; nothing to release.` };
  await db.query(releaseOrderSql, [orderId]);
  return { ok: true, message: `Order ${orderId} is released: the next run buys its label.` };
}
