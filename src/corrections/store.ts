// The corrections' database operations, one named function per SQL file.
import type { CanadaPostMessage, RefundTicket } from "../canadapost/index.ts";
import type { Queryable, Session } from "../db/index.ts";
import shipmentOfOrderSql from "../../sql/corrections/shipment_of_order.sql" with { type: "text" };
import lockEndOfDaySharedSql from "../../sql/corrections/lock_end_of_day_shared.sql" with { type: "text" };
import unlockEndOfDaySharedSql from "../../sql/corrections/unlock_end_of_day_shared.sql" with { type: "text" };
import lockLabelSql from "../../sql/corrections/lock_label.sql" with { type: "text" };
import lockTrackingSql from "../../sql/corrections/lock_tracking.sql" with { type: "text" };
import unlockLabelSql from "../../sql/corrections/unlock_label.sql" with { type: "text" };
import unlockTrackingSql from "../../sql/corrections/unlock_tracking.sql" with { type: "text" };
import markVoidedSql from "../../sql/corrections/mark_voided.sql" with { type: "text" };
import markRefundRequestedSql from "../../sql/corrections/mark_refund_requested.sql" with { type: "text" };
import recordErrorSql from "../../sql/corrections/record_error.sql" with { type: "text" };
import recordCanadaPostStatusSql from "../../sql/corrections/record_cp_status.sql" with { type: "text" };
import clearOrderAttentionSql from "../../sql/corrections/clear_order_attention.sql" with { type: "text" };
import moveToHistorySql from "../../sql/corrections/move_to_history.sql" with { type: "text" };
import deleteShipmentSql from "../../sql/corrections/delete_shipment.sql" with { type: "text" };

export interface LabelToCancel {
  shipment_id: number;
  order_id: string;
  status: string;
  cp_shipment_id: string | null;
  tracking_pin: string | null;
  cp_links: unknown;
  group_id: string | null;
  transmit_id: number | null;
  transmitted_at: Date | null;
  attention: string | null;
  refund_ticket_id: string | null;
  order_status: string;
  order_attention: string | null;
}

export async function labelOfOrder(db: Queryable, orderId: string): Promise<LabelToCancel | undefined> {
  const rows = await db.query<LabelToCancel & Record<string, unknown>>(shipmentOfOrderSql, [orderId]);
  return rows[0];
}

/** The end of day's lock, shared: false while an end of day is running. */
export async function holdOffEndOfDay(session: Session): Promise<boolean> {
  const rows = await session.query<{ locked: boolean }>(lockEndOfDaySharedSql);
  return rows[0]?.locked === true;
}

export async function releaseEndOfDay(session: Session): Promise<void> {
  await session.query(unlockEndOfDaySharedSql);
}

/** The label and tracking workflows' locks on the shipment; false (holding neither) when busy. */
export async function lockShipment(session: Session, shipmentId: number): Promise<boolean> {
  const label = await session.query<{ locked: boolean }>(lockLabelSql, [shipmentId]);
  if (label[0]?.locked !== true) return false;
  const tracking = await session.query<{ locked: boolean }>(lockTrackingSql, [shipmentId]);
  if (tracking[0]?.locked === true) return true;
  await session.query(unlockLabelSql, [shipmentId]);
  return false;
}

export async function unlockShipment(session: Session, shipmentId: number): Promise<void> {
  await session.query(unlockTrackingSql, [shipmentId]);
  await session.query(unlockLabelSql, [shipmentId]);
}

export async function markVoided(db: Queryable, s: LabelToCancel, reason: string): Promise<void> {
  await db.query(markVoidedSql, [s.shipment_id, reason]);
  if (s.attention) await db.query(clearOrderAttentionSql, [s.order_id, s.attention]);
}

export async function markRefundRequested(db: Queryable, s: LabelToCancel, reason: string, ticket: RefundTicket): Promise<void> {
  await db.query(markRefundRequestedSql, [s.shipment_id, reason, ticket.ticketId, ticket.ticketDate]);
  if (s.attention) await db.query(clearOrderAttentionSql, [s.order_id, s.attention]);
}

/** What Get Shipment said of the label; "transmitted" also marks it so, for the end of day's settling. */
export async function recordCanadaPostStatus(db: Queryable, shipmentId: number, cpStatus: string): Promise<void> {
  await db.query(recordCanadaPostStatusSql, [shipmentId, cpStatus]);
}

export async function recordError(db: Queryable, shipmentId: number, message: string, messages: readonly CanadaPostMessage[]): Promise<void> {
  await db.query(recordErrorSql, [shipmentId, message, JSON.stringify(messages)]);
}

/** The old row goes to shipment_history and leaves shipments; the order can be claimed again. */
export async function makeWayForNewLabel(tx: Queryable, shipmentId: number): Promise<boolean> {
  const moved = await tx.query(moveToHistorySql, [shipmentId]);
  if (moved.length === 0) return false;
  await tx.query(deleteShipmentSql, [shipmentId]);
  return true;
}
