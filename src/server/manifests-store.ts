import type { Queryable } from "../db/index.ts";
import type { LocalDayRange } from "../common/calendar.ts";
import manifestsOfDaySql from "../../sql/server/manifests_of_day.sql" with { type: "text" };
import manifestByIdSql from "../../sql/server/manifest_by_id.sql" with { type: "text" };

export interface ManifestRow {
  manifest_id: number;
  po_number: string | null;
  group_ids: string[];
  status: string;
  pdf_path: string | null;
  created_at: Date | string;
  saved_at: Date | string | null;
  last_error: string | null;
  labels: number;
  [key: string]: unknown;
}

export function manifestsOfDay(db: Queryable, day: LocalDayRange): Promise<ManifestRow[]> {
  return db.query<ManifestRow>(manifestsOfDaySql, [day.start, day.end]);
}

export async function manifestById(db: Queryable, id: number): Promise<Pick<ManifestRow, "manifest_id" | "po_number" | "status" | "pdf_path"> | undefined> {
  const rows = await db.query<ManifestRow>(manifestByIdSql, [id]);
  return rows[0];
}
