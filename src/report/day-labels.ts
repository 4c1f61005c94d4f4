import type { Queryable } from "../db/index.ts";
import { parseLocalDay } from "../common/calendar.ts";
import { localIso } from "../common/local-time.ts";
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
  "expected_delivery", "weight_kg", "customer", "city", "province", "postal_code", "counted", "amount", "late_refund", "claim_by",
] as const;

/** Text a person or Best Buy wrote (a name, a city): never read by a spreadsheet as a formula. */
class Text {
  constructor(readonly value: string | null) {}
}

/**
 * A cell a spreadsheet would take for a formula (=, +, -, @, or a tab or carriage return first,
 * as OWASP's CSV injection advice lists them) gets a leading apostrophe, which Excel and
 * LibreOffice show as text; only text from outside is touched, never shipdesk's own numbers.
 */
export function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled. */
function field(value: unknown): string {
  const s =
    value === null || value === undefined
      ? ""
      : value instanceof Text
        ? neutralised(value.value ?? "")
        : value instanceof Date
          ? localIso(value, { milliseconds: false })
          : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const amount = (x: number | null) => (x === null ? null : x.toFixed(2));

/** Whether a label counts in the day's total: a voided or refunded one cost nothing in the end. */
export const countsInTotal = (status: string): boolean => status !== "voided" && status !== "refund_requested";

/**
 * The day as CSV (CRLF lines, as spreadsheets expect). Each row says whether it counts
 * (`counted`) and for how much (`amount`: charged, else quoted, taxes included); the closing
 * total is the sum of that column, so rows and total agree; beside it, the total of the
 * late-delivery refunds to claim. Times are local, ISO with the offset.
 */
export function labelsCsv(rows: readonly DayLabel[]): string {
  const lines = [COLUMNS.join(",")];
  let total = 0;
  let refunds = 0;
  for (const r of rows) {
    const counted = countsInTotal(r.status);
    const due = counted ? (r.charged_due ?? r.quoted_due ?? 0) : null;
    if (due !== null) total += due;
    refunds += r.late_refund ?? 0;
    lines.push(
      [
        new Text(r.order_id), new Text(r.tracking_pin), new Text(r.service_code), r.status, new Date(r.bought_at), amount(r.quoted_due), amount(r.charged_due),
        amount(r.charged_taxes), r.expected_delivery, r.weight_kg, new Text(r.customer_name), new Text(r.ship_city), new Text(r.ship_province),
        new Text(r.ship_postal_code), counted ? "yes" : `no (${r.status.replaceAll("_", " ")})`, amount(due), amount(r.late_refund), r.claim_by,
      ].map(field).join(","),
    );
  }
  lines.push(["total", "", "", "", "", "", "", "", "", "", "", "", "", "", "rows counted = yes", total.toFixed(2), refunds.toFixed(2), ""].map(field).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
