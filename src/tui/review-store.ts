// The review screen's writes: a weight or a service the clerk chose, one named function per SQL file.
import type { Database } from "../db/index.ts";
import { setOrderService, type ServiceChange } from "../orders/index.ts";
import { perUnit, type ReviewRow } from "./batch.ts";
import { formatKg } from "./weight.ts";
import saveSkuWeightSql from "../../sql/review/save_sku_weight.sql" with { type: "text" };
import setOrderWeightSql from "../../sql/review/set_order_weight.sql" with { type: "text" };
import waitingAfterSql from "../../sql/review/waiting_after.sql" with { type: "text" };

/**
 * Saves a weight typed for an order: as its SKU's preset when asked (and the order holds one
 * SKU), otherwise on the order alone. Returns the sentence that tells the clerk where it went.
 */
export async function saveWeight(db: Database, row: ReviewRow, kg: number, asPreset: boolean): Promise<string> {
  const one = row.singleSku;
  if (asPreset && one) {
    const unitKg = perUnit(kg, one.quantity);
    await db.transaction(async (tx) => {
      await tx.query(saveSkuWeightSql, [one.sku, unitKg]);
      // An order-level weight would hide the new preset for this very order.
      await tx.query(setOrderWeightSql, [row.orderId, null]);
    });
    return `Saved ${formatKg(unitKg)} as the preset weight of SKU ${one.sku}.`;
  }
  await db.query(setOrderWeightSql, [row.orderId, kg]);
  return `Saved ${formatKg(kg)} on order ${row.orderId}.`;
}

/** The service is kept on the order: the run reads it from there. */
export async function saveService(db: Database, orderId: string, serviceCode: string): Promise<ServiceChange> {
  return setOrderService(db, orderId, serviceCode);
}

/** Whether the desk's last steps have anything to do: tracking to send, today's labels to print. */
export async function waitingAfter(db: Database, dayStart: Date): Promise<{ toTrack: number; toPrint: number }> {
  const [row] = await db.query<{ to_track: number; to_print: number }>(waitingAfterSql, [dayStart]);
  return { toTrack: Number(row?.to_track ?? 0), toPrint: Number(row?.to_print ?? 0) };
}
