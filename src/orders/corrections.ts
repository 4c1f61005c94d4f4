// The clerk's address corrections as the intake reads them (never writes them): the problems of
// an order are those of the address its label uses. Corrections are made in src/ship-to/; the
// two meet only in the database (address_corrections).
import type { ShipTo } from "../address/index.ts";
import type { CorrectedFields } from "../common/order-row.ts";
import type { Queryable } from "../db/index.ts";
import currentCorrectionsSql from "../../sql/orders/current_corrections.sql" with { type: "text" };

/** A correction in force, with Best Buy's address as it was when it was saved. */
export interface CurrentCorrection {
  fields: CorrectedFields;
  bestBuyAddress: Record<string, string | null>;
}

export async function currentCorrections(db: Queryable, orderIds: readonly string[]): Promise<Map<string, CurrentCorrection>> {
  const found = new Map<string, CurrentCorrection>();
  if (orderIds.length === 0) return found;
  const rows = await db.query<Record<string, any>>(currentCorrectionsSql, [JSON.stringify(orderIds)]);
  for (const r of rows) {
    found.set(r.order_id, {
      fields: {
        name: r.customer_name, company: r.ship_company, street1: r.ship_street_1, street2: r.ship_street_2, city: r.ship_city,
        province: r.ship_province, postalCode: r.ship_postal_code, phone: r.ship_phone,
      },
      bestBuyAddress: typeof r.bestbuy_address === "string" ? JSON.parse(r.bestbuy_address) : r.bestbuy_address,
    });
  }
  return found;
}

/** The keys of order_ship_to.bestbuy_address (sql/migrations/0003), from Best Buy's fields. */
const SNAPSHOT_KEYS = ["name", "company", "street1", "street2", "city", "province", "postalCode", "country", "phone"] as const;

/** The address a label uses when the order has this correction: its fields, Best Buy's country and email. */
export function correctedShipTo(correction: CurrentCorrection, bestBuy: ShipTo): ShipTo {
  return { ...bestBuy, ...correction.fields };
}

/** Whether Best Buy's address (as a sync is about to store it) differs from the one the clerk corrected. */
export function bestBuyChangedSince(correction: CurrentCorrection, bestBuy: ShipTo): boolean {
  return SNAPSHOT_KEYS.some((k) => (correction.bestBuyAddress[k] ?? null) !== (bestBuy[k] ?? null));
}
