import type { Queryable } from "../db/index.ts";
import ordersNeedingAttentionSql from "../../sql/server/orders_needing_attention.sql" with { type: "text" };
import shipmentsNeedingAttentionSql from "../../sql/server/shipments_needing_attention.sql" with { type: "text" };
import orderByIdSql from "../../sql/server/order_by_id.sql" with { type: "text" };
import orderApiCallsSql from "../../sql/server/order_api_calls.sql" with { type: "text" };

export interface Problem {
  field?: string;
  code?: string;
  message?: string;
}

export interface OrderAttentionRow {
  order_id: string;
  status: string;
  customer_name: string | null;
  ship_city: string | null;
  ship_province: string | null;
  problems: Problem[] | string;
  attention: string | null;
  updated_at: Date | string;
  [key: string]: unknown;
}

export interface ShipmentAttentionRow {
  shipment_id: number;
  order_id: string;
  status: string;
  tracking_pin: string | null;
  last_error: string | null;
  error_messages: unknown;
  attempts: number;
  attention: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  customer_name: string | null;
  ship_city: string | null;
  [key: string]: unknown;
}

export interface OrderRow {
  order_id: string;
  status: string;
  customer_name: string | null;
  ship_company: string | null;
  ship_city: string | null;
  ship_province: string | null;
  ship_postal_code: string | null;
  problems: Problem[] | string;
  attention: string | null;
  imported_at: Date | string;
  shipped_at: Date | string | null;
  shipment_id: number | null;
  shipment_status: string | null;
  tracking_pin: string | null;
  last_error: string | null;
  shipment_attention: string | null;
  label_created_at: Date | string | null;
  printed_at: Date | string | null;
  [key: string]: unknown;
}

export interface ApiCallRow {
  call_id: number;
  called_at: Date | string;
  service: string;
  endpoint: string;
  method: string;
  url: string;
  status_code: number | null;
  is_success: boolean;
  duration_ms: number;
  error: string | null;
  attempt: number;
  request_payload: string | null;
  response_body: string | null;
  [key: string]: unknown;
}

/** How long a label request may stay unanswered before a person should know. */
export const STUCK_AFTER_MS = 5 * 60 * 1000;

/** The audit trail shown for one order is capped: a runaway retry loop must not hang the page. */
export const MAX_CALLS_SHOWN = 500;

export function ordersNeedingAttention(db: Queryable): Promise<OrderAttentionRow[]> {
  return db.query<OrderAttentionRow>(ordersNeedingAttentionSql);
}

export function shipmentsNeedingAttention(db: Queryable, now: Date): Promise<ShipmentAttentionRow[]> {
  return db.query<ShipmentAttentionRow>(shipmentsNeedingAttentionSql, [new Date(now.getTime() - STUCK_AFTER_MS)]);
}

export async function orderById(db: Queryable, orderId: string): Promise<OrderRow | undefined> {
  return (await db.query<OrderRow>(orderByIdSql, [orderId]))[0];
}

export function apiCallsOfOrder(db: Queryable, orderId: string): Promise<ApiCallRow[]> {
  return db.query<ApiCallRow>(orderApiCallsSql, [orderId, MAX_CALLS_SHOWN]);
}

/** jsonb comes back parsed from postgres.js and PGlite alike; a string is tolerated anyway. */
export function problemsOf(value: Problem[] | string): Problem[] {
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? (parsed as Problem[]) : [];
}
