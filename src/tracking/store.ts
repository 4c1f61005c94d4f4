// The tracking workflow's database operations, one named function per SQL file.
import { tryLock, unlock } from "../common/locks.ts";
import type { Database, Queryable, Session } from "../db/index.ts";
import shipmentsToUpdateSql from "../../sql/tracking/shipments_to_update.sql" with { type: "text" };
import shipmentForTrackingSql from "../../sql/tracking/shipment_for_tracking.sql" with { type: "text" };
import markTrackingSentSql from "../../sql/tracking/mark_tracking_sent.sql" with { type: "text" };
import markBestBuyShippedSql from "../../sql/tracking/mark_bestbuy_shipped.sql" with { type: "text" };
import markTrackingUpdatedSql from "../../sql/tracking/mark_tracking_updated.sql" with { type: "text" };
import markOrderShippedSql from "../../sql/tracking/mark_order_shipped.sql" with { type: "text" };
import recordTrackingFailureSql from "../../sql/tracking/record_tracking_failure.sql" with { type: "text" };
import recordTrackingOutageSql from "../../sql/tracking/record_tracking_outage.sql" with { type: "text" };
import flagShipmentSql from "../../sql/tracking/flag_shipment.sql" with { type: "text" };
import flagOrderSql from "../../sql/tracking/flag_order.sql" with { type: "text" };
import markOrderCancelledSql from "../../sql/tracking/mark_order_cancelled.sql" with { type: "text" };

export interface ShipmentToUpdate {
  shipment_id: number;
  order_id: string;
  tracking_pin: string | null;
}

export const shipmentsToUpdate = (db: Queryable) => db.query<ShipmentToUpdate & Record<string, unknown>>(shipmentsToUpdateSql);

/** A shipment and its order's local status, as `shipment_for_tracking.sql` returns it. */
export interface TrackingShipment {
  shipment_id: number;
  order_id: string;
  status: string;
  tracking_pin: string | null;
  attention: string | null;
  tracking_attempts: number;
  tracking_first_failed_at: Date | null;
  tracking_sent_at: Date | null;
  bestbuy_shipped_at: Date | null;
  order_status: string;
}

export async function shipmentForTracking(db: Queryable, shipmentId: number): Promise<TrackingShipment | undefined> {
  const rows = await db.query<TrackingShipment & Record<string, unknown>>(shipmentForTrackingSql, [shipmentId]);
  return rows[0];
}

/** False when another runner is working on this shipment's tracking right now. */
export const lockShipment = (session: Session, shipmentId: number): Promise<boolean> => tryLock(session, "tracking", shipmentId);

export const unlockShipment = (session: Session, shipmentId: number): Promise<void> => unlock(session, "tracking", shipmentId);

export async function markTrackingSent(db: Queryable, shipmentId: number, at: Date): Promise<void> {
  await db.query(markTrackingSentSql, [shipmentId, at.toISOString()]);
}

export async function markBestBuyShipped(db: Queryable, shipmentId: number, at: Date): Promise<void> {
  await db.query(markBestBuyShippedSql, [shipmentId, at.toISOString()]);
}

/**
 * Seed 2.2 step 4 in one transaction: the shipment becomes `tracking_updated` and its order
 * `shipped`, or neither. False when the shipment was no longer waiting (another runner).
 */
export async function markShipped(db: Pick<Database, "transaction">, shipmentId: number, at: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ order_id: string }>(markTrackingUpdatedSql, [shipmentId, at.toISOString()]);
    const orderId = rows[0]?.order_id;
    if (orderId === undefined) return false;
    await tx.query(markOrderShippedSql, [orderId, at.toISOString()]);
    return true;
  });
}

export async function recordTrackingFailure(
  db: Queryable,
  shipmentId: number,
  message: string,
  messages: readonly string[],
  at: Date,
): Promise<{ attempts: number; firstFailedAt: Date }> {
  const rows = await db.query<{ tracking_attempts: number; tracking_first_failed_at: Date | string }>(recordTrackingFailureSql, [
    shipmentId,
    message,
    JSON.stringify(messages),
    at.toISOString(),
  ]);
  const row = rows[0];
  if (!row) throw new Error(`shipment ${shipmentId} vanished while its tracking failure was recorded`);
  return { attempts: row.tracking_attempts, firstFailedAt: new Date(row.tracking_first_failed_at) };
}

export async function recordTrackingOutage(db: Queryable, shipmentId: number, message: string): Promise<void> {
  await db.query(recordTrackingOutageSql, [shipmentId, message]);
}

export async function flagShipment(db: Queryable, shipmentId: number, attention: string): Promise<void> {
  await db.query(flagShipmentSql, [shipmentId, attention]);
}

/** Both the shipment and the order carry the sentence, so `status` shows it from either side. */
export async function flagCancelled(
  db: Pick<Database, "transaction">,
  shipmentId: number,
  orderId: string,
  attention: string,
  seenAtBestBuy: boolean,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(flagShipmentSql, [shipmentId, attention]);
    await tx.query(seenAtBestBuy ? markOrderCancelledSql : flagOrderSql, [orderId, attention]);
  });
}
