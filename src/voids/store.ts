// The voids' and refunds' database operations, one named function per SQL file (sql/voids/).
import type { CanadaPostMessage, RefundTicket } from "../canadapost/index.ts";
import { tryLock, tryLockShared, unlock, unlockShared } from "../common/locks.ts";
import type { Queryable, Session } from "../db/index.ts";
import shipmentOfOrderSql from "../../sql/voids/shipment_of_order.sql" with { type: "text" };
import markVoidedSql from "../../sql/voids/mark_voided.sql" with { type: "text" };
import markRefundRequestedSql from "../../sql/voids/mark_refund_requested.sql" with { type: "text" };
import recordErrorSql from "../../sql/voids/record_error.sql" with { type: "text" };
import recordCanadaPostStatusSql from "../../sql/voids/record_cp_status.sql" with { type: "text" };
import clearOrderAttentionSql from "../../sql/voids/clear_order_attention.sql" with { type: "text" };
import moveToHistorySql from "../../sql/voids/move_to_history.sql" with { type: "text" };
import deleteShipmentSql from "../../sql/voids/delete_shipment.sql" with { type: "text" };

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
export const holdOffEndOfDay = (session: Session): Promise<boolean> => tryLockShared(session, "endOfDay");

export const releaseEndOfDay = (session: Session): Promise<void> => unlockShared(session, "endOfDay");

/** The label and tracking workflows' locks on the shipment; false (holding neither) when busy. */
export async function lockShipment(session: Session, shipmentId: number): Promise<boolean> {
  if (!(await tryLock(session, "label", shipmentId))) return false;
  if (await tryLock(session, "tracking", shipmentId)) return true;
  await unlock(session, "label", shipmentId);
  return false;
}

export async function unlockShipment(session: Session, shipmentId: number): Promise<void> {
  await unlock(session, "tracking", shipmentId);
  await unlock(session, "label", shipmentId);
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
