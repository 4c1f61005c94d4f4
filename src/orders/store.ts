import type { Problem } from "../address/index.ts";
import { namedParams, type ParamsRow } from "../common/named-params.ts";
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

const ORDER_PARAMS = [
  "order_id", "bestbuy_state", "commercial_id", "customer_name", "ship_company", "ship_street_1", "ship_street_2", "ship_city",
  "ship_province", "ship_postal_code", "ship_country", "ship_phone", "ship_email", "order_lines", "raw", "problems",
  "bestbuy_created_at", "bestbuy_updated_at",
] as const;
const insertOrderParams = namedParams(insertOrderSql, ORDER_PARAMS);
const updateOrderParams = namedParams(updateOrderSql, ORDER_PARAMS);

/** An order as insert_order.sql and update_order.sql take it (the same parameters). */
function orderRow(fields: OrderFields, raw: unknown, problems: readonly Problem[]): ParamsRow<typeof ORDER_PARAMS> {
  const s = fields.shipTo;
  return {
    order_id: fields.orderId,
    bestbuy_state: fields.bestbuyState,
    commercial_id: fields.commercialId,
    customer_name: s.name,
    ship_company: s.company,
    ship_street_1: s.street1,
    ship_street_2: s.street2,
    ship_city: s.city,
    ship_province: s.province,
    ship_postal_code: s.postalCode,
    ship_country: s.country,
    ship_phone: s.phone,
    ship_email: s.email,
    order_lines: JSON.stringify(fields.lines),
    raw: JSON.stringify(raw),
    problems: JSON.stringify(problems),
    bestbuy_created_at: fields.createdAt,
    bestbuy_updated_at: fields.updatedAt,
  };
}

export async function insertOrder(db: Queryable, fields: OrderFields, raw: unknown, problems: readonly Problem[]): Promise<boolean> {
  return (await db.query(insertOrderSql, insertOrderParams(orderRow(fields, raw, problems)))).length > 0;
}

export async function updateOrder(db: Queryable, fields: OrderFields, raw: unknown, problems: readonly Problem[]): Promise<boolean> {
  return (await db.query(updateOrderSql, updateOrderParams(orderRow(fields, raw, problems)))).length > 0;
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
