import type { Problem } from "../address/index.ts";
import type { Queryable } from "../db/index.ts";
import type { OrderFields } from "./extract.ts";
import cancelOrderSql from "../../sql/orders/cancel_order.sql" with { type: "text" };
import findOrdersSql from "../../sql/orders/find_orders.sql" with { type: "text" };
import flagOrderSql from "../../sql/orders/flag_order.sql" with { type: "text" };
import flagShipmentSql from "../../sql/orders/flag_shipment.sql" with { type: "text" };
import insertOrderSql from "../../sql/orders/insert_order.sql" with { type: "text" };
import markShippedElsewhereSql from "../../sql/orders/mark_shipped_elsewhere.sql" with { type: "text" };
import openOrderIdsSql from "../../sql/orders/open_order_ids.sql" with { type: "text" };
import refreshOrderSql from "../../sql/orders/refresh_order.sql" with { type: "text" };
import updateOrderSql from "../../sql/orders/update_order.sql" with { type: "text" };

/** One statement each; the SQL is in sql/orders/. Each returns whether a row changed. */

export interface LocalOrder {
  status: string;
  shipmentStatus: string | null;
}

export async function findOrders(db: Queryable, orderIds: readonly string[]): Promise<Map<string, LocalOrder>> {
  const found = new Map<string, LocalOrder>();
  if (orderIds.length === 0) return found;
  const rows = await db.query<{ order_id: string; status: string; shipment_status: string | null }>(findOrdersSql, [JSON.stringify(orderIds)]);
  for (const row of rows) found.set(row.order_id, { status: row.status, shipmentStatus: row.shipment_status });
  return found;
}

export async function openOrderIds(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ order_id: string }>(openOrderIdsSql);
  return rows.map((r) => r.order_id);
}

function orderParams(fields: OrderFields, raw: unknown, problems: readonly Problem[]): unknown[] {
  const s = fields.shipTo;
  return [
    fields.orderId,
    fields.bestbuyState,
    fields.commercialId,
    s.name,
    s.company,
    s.street1,
    s.street2,
    s.city,
    s.province,
    s.postalCode,
    s.country,
    s.phone,
    s.email,
    JSON.stringify(fields.lines),
    JSON.stringify(raw),
    JSON.stringify(problems),
    fields.createdAt,
    fields.updatedAt,
  ];
}

export async function insertOrder(db: Queryable, fields: OrderFields, raw: unknown, problems: readonly Problem[]): Promise<boolean> {
  return (await db.query(insertOrderSql, orderParams(fields, raw, problems))).length > 0;
}

export async function updateOrder(db: Queryable, fields: OrderFields, raw: unknown, problems: readonly Problem[]): Promise<boolean> {
  return (await db.query(updateOrderSql, orderParams(fields, raw, problems))).length > 0;
}

export async function refreshOrder(db: Queryable, fields: OrderFields, raw: unknown): Promise<boolean> {
  return (await db.query(refreshOrderSql, [fields.orderId, JSON.stringify(raw), fields.bestbuyState, fields.updatedAt])).length > 0;
}

export async function cancelOrder(db: Queryable, fields: OrderFields, raw: unknown, status: "cancelled" | "refused"): Promise<boolean> {
  const params = [fields.orderId, status, fields.bestbuyState, JSON.stringify(raw), fields.updatedAt];
  return (await db.query(cancelOrderSql, params)).length > 0;
}

/** Sets the sentence on the order and on its shipment if that shipment has (or may have) a label. */
export async function flagLabelToVoid(db: Queryable, orderId: string, attention: string): Promise<boolean> {
  const shipments = await db.query(flagShipmentSql, [orderId, attention]);
  const orders = await db.query(flagOrderSql, [orderId, attention]);
  return shipments.length > 0 || orders.length > 0;
}

export async function markShippedElsewhere(db: Queryable, fields: OrderFields, raw: unknown): Promise<boolean> {
  const params = [fields.orderId, fields.bestbuyState, JSON.stringify(raw), fields.updatedAt, fields.shippedAt];
  return (await db.query(markShippedElsewhereSql, params)).length > 0;
}
