import type { Queryable } from "./database.ts";
import { DatabaseError, MOVE_ASIDE } from "./errors.ts";
import shrunkTablesSql from "../../sql/db/shrunk_tables.sql" with { type: "text" };
import recordSizesSql from "../../sql/db/record_sizes.sql" with { type: "text" };

/**
 * Refuses a database whose table files are shorter than it last recorded (a folder restored from
 * a copy that stopped half-way, a disk fault): PostgreSQL would read the missing rows as never
 * written, and a shipments table read so has every label bought again. Checked by the embedded
 * database's host before anything else touches the folder.
 */
export async function refuseShrunkTables(db: Queryable, folder: string): Promise<void> {
  const shrunk = await db.query<{ table_name: string; recorded: number; present: number }>(shrunkTablesSql);
  if (shrunk.length === 0) return;
  const which = shrunk.map((t) => `the ${t.table_name} table's file holds ${t.present} of its ${t.recorded} pages`).join(", ");
  throw new DatabaseError(`The embedded database in ${folder} is damaged (${which})`, {
    code: "DAMAGED",
    fix: MOVE_ASIDE,
  });
}

/** Records the tables' sizes for the next start's check (after it, and when the host closes). */
export async function recordTableSizes(db: Queryable): Promise<void> {
  await db.exec(recordSizesSql);
}
