// The address corrections' database operations, one named function per SQL file (sql/ship-to/).
import type { Problem } from "../address/index.ts";
import type { Queryable } from "../db/index.ts";
import { namedParams } from "../common/named-params.ts";
import type { CorrectedFields, OrderAddressRow } from "../common/order-row.ts";
import addressOfOrderSql from "../../sql/ship-to/address_of_order.sql" with { type: "text" };
import correctionHistorySql from "../../sql/ship-to/correction_history.sql" with { type: "text" };
import endCorrectionSql from "../../sql/ship-to/end_correction.sql" with { type: "text" };
import insertCorrectionSql from "../../sql/ship-to/insert_correction.sql" with { type: "text" };
import lockOrderSql from "../../sql/ship-to/lock_order.sql" with { type: "text" };
import setProblemsSql from "../../sql/ship-to/set_problems.sql" with { type: "text" };

/** Where a correction was made, as stored. */
export type CorrectedVia = "command" | "review screen" | "print page";

/** The order's address as the label uses it (the `ship_*` columns), beside Best Buy's own (`bb_*`). */
export interface AddressRow extends Omit<OrderAddressRow, "order_lines"> {
  status: string;
  shipment_status: string | null;
  problems: Problem[] | string;
  bb_name: string | null;
  bb_company: string | null;
  bb_street_1: string | null;
  bb_street_2: string | null;
  bb_city: string | null;
  bb_province: string | null;
  bb_postal_code: string | null;
  bb_country: string | null;
  bb_phone: string | null;
  correction_id: number | null;
  corrected_by: string | null;
  corrected_via: CorrectedVia | null;
  corrected_at: Date | string | null;
  bestbuy_changed: boolean;
  [key: string]: unknown;
}

export async function addressOfOrder(db: Queryable, orderId: string): Promise<AddressRow | undefined> {
  return (await db.query<AddressRow>(addressOfOrderSql, [orderId]))[0];
}

/** False when there is no such order. */
export async function lockOrder(tx: Queryable, orderId: string): Promise<boolean> {
  return (await tx.query(lockOrderSql, [orderId])).length > 0;
}

export async function endCorrection(tx: Queryable, orderId: string, who: string, how: "replaced" | "dropped"): Promise<boolean> {
  return (await tx.query(endCorrectionSql, [orderId, who, how])).length > 0;
}

const insertCorrectionParams = namedParams(insertCorrectionSql, [
  "order_id", "customer_name", "ship_company", "ship_street_1", "ship_street_2", "ship_city",
  "ship_province", "ship_postal_code", "ship_phone", "corrected_by", "corrected_via",
] as const);

export async function insertCorrection(tx: Queryable, orderId: string, f: CorrectedFields, who: string, via: CorrectedVia): Promise<void> {
  await tx.query(
    insertCorrectionSql,
    insertCorrectionParams({
      order_id: orderId,
      customer_name: f.name,
      ship_company: f.company,
      ship_street_1: f.street1,
      ship_street_2: f.street2,
      ship_city: f.city,
      ship_province: f.province,
      ship_postal_code: f.postalCode,
      ship_phone: f.phone,
      corrected_by: who,
      corrected_via: via,
    }),
  );
}

export async function setProblems(tx: Queryable, orderId: string, problems: readonly Problem[]): Promise<void> {
  await tx.query(setProblemsSql, [orderId, JSON.stringify(problems)]);
}

/** One correction, in force or ended: the fields a clerk may correct, as the `ship_*` columns. */
export interface HistoryRow
  extends Pick<OrderAddressRow, "customer_name" | "ship_company" | "ship_street_1" | "ship_street_2" | "ship_city" | "ship_province" | "ship_postal_code" | "ship_phone"> {
  correction_id: number;
  corrected_by: string;
  corrected_via: CorrectedVia;
  corrected_at: Date | string;
  ended_at: Date | string | null;
  ended_by: string | null;
  ended_how: "replaced" | "dropped" | null;
  [key: string]: unknown;
}

export const correctionHistory = (db: Queryable, orderId: string) => db.query<HistoryRow>(correctionHistorySql, [orderId]);
