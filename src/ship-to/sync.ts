import type { ShipTo } from "../address/index.ts";
import type { CurrentCorrection } from "./store.ts";

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
