import type { Queryable } from "../db/index.ts";
import orderByIdSql from "../../sql/server/order_by_id.sql" with { type: "text" };
import orderApiCallsSql from "../../sql/server/order_api_calls.sql" with { type: "text" };

export interface Problem {
  field?: string;
  code?: string;
  message?: string;
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
  charged_due: number | null;
  service_code: string | null;
  service_override: string | null;
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

/** The audit trail shown for one order is capped: a runaway retry loop must not hang the page. */
export const MAX_CALLS_SHOWN = 500;

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
