import type { Queryable } from "../db/index.ts";
import type { LocalDayRange } from "../common/calendar.ts";
import listLabelsSql from "../../sql/server/list_labels.sql" with { type: "text" };
import labelsByIdsSql from "../../sql/server/labels_by_ids.sql" with { type: "text" };
import markPrintedSql from "../../sql/server/mark_printed.sql" with { type: "text" };
import recordRefetchedSql from "../../sql/server/record_refetched_label.sql" with { type: "text" };

export type PrintedFilter = "all" | "printed" | "unprinted";

export interface LabelRow {
  shipment_id: number;
  order_id: string;
  status: string;
  tracking_pin: string | null;
  service_code: string | null;
  label_pdf_path: string;
  label_created_at: Date | string;
  printed_at: Date | string | null;
  customer_name: string | null;
  ship_city: string | null;
  ship_province: string | null;
  /** Taxes included: what Canada Post charged, else what it quoted; null when neither is known. */
  price: number | null;
  [key: string]: unknown;
}

export function labelsOfDay(db: Queryable, day: LocalDayRange, printed: PrintedFilter): Promise<LabelRow[]> {
  return db.query<LabelRow>(listLabelsSql, [day.start, day.end, printed]);
}

export function labelsByIds(db: Queryable, ids: readonly number[]): Promise<LabelRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.query<LabelRow>(labelsByIdsSql, [ids.join(",")]);
}

export async function labelById(db: Queryable, id: number): Promise<LabelRow | undefined> {
  return (await labelsByIds(db, [id]))[0];
}

export async function markPrinted(db: Queryable, ids: readonly number[], at: Date): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<{ shipment_id: number }>(markPrintedSql, [ids.join(","), at]);
  return rows.map((r) => r.shipment_id);
}

/** For the label re-download: the rewritten file's checksum and size, on the shipment's row. */
export async function recordRefetchedLabel(db: Queryable, id: number, sha256: string, bytes: number): Promise<boolean> {
  const rows = await db.query(recordRefetchedSql, [id, sha256, bytes]);
  return rows.length === 1;
}
