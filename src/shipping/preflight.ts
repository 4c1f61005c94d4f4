import { bestBuyChangedProblem, checkShipTo, type Problem } from "../address/index.ts";
import type { ParcelChoice } from "./parcel.ts";
import { shipToOf, type OrderAddressRow } from "../common/order-row.ts";

/** Canada Post's parcel services stop at 30 kg. */
export const MAX_WEIGHT_KG = 30;

/**
 * Everything Canada Post will need, checked before anything is claimed or bought; every problem
 * is reported at once so the clerk fixes the order in one go.
 */
export function preflightProblems(order: OrderAddressRow & { bestbuy_changed?: boolean | null }, parcel: ParcelChoice): Problem[] {
  const problems = checkShipTo(shipToOf(order), order.order_id);
  if (order.bestbuy_changed) problems.push(bestBuyChangedProblem(order.order_id));
  if (!(parcel.weightKg > 0)) {
    problems.push({ field: "weight", code: "missing_weight", message: "The parcel has no weight; set one for this order or for its SKU." });
  } else if (parcel.weightKg > MAX_WEIGHT_KG) {
    problems.push({
      field: "weight",
      code: "too_heavy",
      message: `The parcel weighs ${parcel.weightKg} kg, over Canada Post's 30 kg limit; split the order or set the right weight for it.`,
    });
  }
  return problems;
}
