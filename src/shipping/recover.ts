import { labelFileIsGood } from "../labels/index.ts";
import type { RunContext } from "./deps.ts";
import type { ShippingSummary } from "./events.ts";
import { finishShipment } from "./finish.ts";
import { downloadLabel } from "./label.ts";
import { inPool } from "../common/pool.ts";
import { labelsToVerify, lockShipment, shipmentForWork, unfinishedShipments, unlockShipment } from "./store.ts";

/** Runs `work` holding the shipment's session lock; false when another runner holds it. */
export async function withShipmentLock(ctx: RunContext, shipmentId: number, work: () => Promise<void>): Promise<boolean> {
  if (!(await lockShipment(ctx.session, shipmentId))) return false;
  try {
    await work();
  } finally {
    await unlockShipment(ctx.session, shipmentId);
  }
  return true;
}

/**
 * The start of every run: finish what earlier runs left. A shipment with a known PIN is just
 * downloaded; one without is looked up at Canada Post by its customer-request-id and adopted,
 * and created only when Canada Post has none. A label whose file is gone or damaged is fetched
 * again from its link.
 */
export async function recoverUnfinishedShipments(ctx: RunContext, summary: ShippingSummary): Promise<void> {
  const unfinished = await unfinishedShipments(ctx.db);
  await inPool(unfinished, ctx.settings.run.concurrency, async (row) => {
    const locked = await withShipmentLock(ctx, row.shipment_id, () => finishShipment(ctx, row.shipment_id, false, summary));
    if (!locked) ctx.emit({ type: "busy", orderId: row.order_id });
  });

  const labels = await labelsToVerify(ctx.db);
  const damaged = labels.filter((l) => !labelFileIsGood(l.label_pdf_path, l.label_sha256));
  await inPool(damaged, ctx.settings.run.concurrency, async (row) => {
    await withShipmentLock(ctx, row.shipment_id, async () => {
      const result = await refetch(ctx, row.shipment_id);
      if (result.ok) {
        summary.recovered.push(row.order_id);
        ctx.emit({ type: "refetched", orderId: row.order_id, path: result.path });
      } else {
        summary.notSaved.push({ orderId: row.order_id, pin: row.tracking_pin ?? undefined, message: result.message });
        ctx.emit({ type: "not-saved", orderId: row.order_id, pin: row.tracking_pin ?? undefined, message: result.message });
      }
    });
  });
}

/** Downloads an existing label again from Canada Post: same label, same PIN, nothing bought. */
export async function refetch(ctx: RunContext, shipmentId: number) {
  const s = await shipmentForWork(ctx.db, shipmentId);
  if (!s) return { ok: false as const, message: `There is no shipment ${shipmentId}.` };
  if (!s.tracking_pin || !s.cp_api_label_url) {
    return { ok: false as const, message: `Shipment ${shipmentId} has no label at Canada Post yet; run shipdesk ship to finish it.` };
  }
  return downloadLabel(ctx, s, s.status === "label_creation_initiated");
}
