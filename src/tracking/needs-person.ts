import type { Queryable } from "../db/index.ts";
import needsPersonSql from "../../sql/tracking/needs_person.sql" with { type: "text" };
import clearAttentionSql from "../../sql/tracking/clear_attention.sql" with { type: "text" };

/** A label Best Buy has not been told about, waiting for a person (`shipdesk status`). */
export interface TrackingForPerson {
  shipmentId: number;
  orderId: string;
  trackingPin: string | null;
  /** One sentence: what failed and what to do. */
  attention: string;
  lastError: string | null;
  attempts: number;
  firstFailedAt: Date | null;
  /** OR23 was accepted (the next run resumes at OR24). */
  trackingSentAt: Date | null;
  /** OR24 was accepted. */
  bestBuyShippedAt: Date | null;
  orderStatus: string;
}

interface Row extends Record<string, unknown> {
  shipment_id: number;
  order_id: string;
  tracking_pin: string | null;
  attention: string;
  last_error: string | null;
  tracking_attempts: number;
  tracking_first_failed_at: Date | null;
  tracking_sent_at: Date | null;
  bestbuy_shipped_at: Date | null;
  order_status: string;
}

/** Shipments the tracking workflow skips until a person acts, oldest first. */
export async function trackingNeedsPerson(db: Queryable): Promise<TrackingForPerson[]> {
  const rows = await db.query<Row>(needsPersonSql);
  return rows.map((r) => ({
    shipmentId: r.shipment_id,
    orderId: r.order_id,
    trackingPin: r.tracking_pin,
    attention: r.attention,
    lastError: r.last_error,
    attempts: r.tracking_attempts,
    firstFailedAt: r.tracking_first_failed_at,
    trackingSentAt: r.tracking_sent_at,
    bestBuyShippedAt: r.bestbuy_shipped_at,
    orderStatus: r.order_status,
  }));
}

/**
 * The clerk fixed what Best Buy refused (`shipdesk track --retry ORDER`): the flag goes and the
 * count starts again. False when there was nothing to clear; a cancelled order keeps its flag,
 * since voiding the label is what settles it.
 */
export async function clearTrackingAttention(db: Queryable, orderId: string): Promise<boolean> {
  const rows = await db.query(clearAttentionSql, [orderId]);
  return rows.length > 0;
}
