import type { Queryable } from "../db/index.ts";
import { parseLocalDay } from "../common/calendar.ts";
import labelsOfDaySql from "../../sql/report/labels_of_day.sql" with { type: "text" };

export interface DayLabel {
  order_id: string;
  tracking_pin: string | null;
  service_code: string | null;
  status: string;
  bought_at: Date;
  quoted_due: number | null;
  charged_due: number | null;
  charged_taxes: number | null;
  expected_delivery: string | null;
  weight_kg: number | null;
  customer_name: string | null;
  ship_city: string | null;
  ship_province: string | null;
  ship_postal_code: string | null;
  /** A guaranteed parcel delivered late: what it cost, refunded by Canada Post on claim. */
  late_refund: number | null;
  /** YYYY-MM-DD: the last day to claim it. */
  claim_by: string | null;
}

/** The labels bought on one local day (YYYY-MM-DD). */
export async function labelsOfDay(db: Queryable, day: string): Promise<DayLabel[]> {
  const range = parseLocalDay(day);
  if (!range) throw new Error(`labelsOfDay needs a real YYYY-MM-DD day, got "${day}" (the command line checks it first)`);
  return db.query<DayLabel & Record<string, unknown>>(labelsOfDaySql, [range.start, range.end]);
}

const COLUMNS = [
  "order_id", "tracking_pin", "service", "status", "bought_at", "quoted_due", "charged_due", "charged_taxes",
  "expected_delivery", "weight_kg", "customer", "city", "province", "postal_code", "late_refund", "claim_by",
] as const;

/** RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled. */
function field(value: unknown): string {
  const s = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const amount = (x: number | null) => (x === null ? null : x.toFixed(2));

/**
 * The day as CSV (CRLF lines, as spreadsheets expect), with a closing total of what was charged
 * and of the late-delivery refunds to claim.
 */
export function labelsCsv(rows: readonly DayLabel[]): string {
  const lines = [COLUMNS.join(",")];
  let total = 0;
  let refunds = 0;
  for (const r of rows) {
    const counted = r.status !== "voided" && r.status !== "refund_requested";
    if (counted) total += r.charged_due ?? r.quoted_due ?? 0;
    refunds += r.late_refund ?? 0;
    lines.push(
      [
        r.order_id, r.tracking_pin, r.service_code, r.status, new Date(r.bought_at), amount(r.quoted_due), amount(r.charged_due),
        amount(r.charged_taxes), r.expected_delivery, r.weight_kg, r.customer_name, r.ship_city, r.ship_province, r.ship_postal_code,
        amount(r.late_refund), r.claim_by,
      ].map(field).join(","),
    );
  }
  lines.push(["total", "", "", "", "", "", total.toFixed(2), "", "", "", "", "", "", "", refunds.toFixed(2), ""].join(","));
  return `${lines.join("\r\n")}\r\n`;
}
