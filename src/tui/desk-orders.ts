import type { App } from "../app/app.ts";
import { ordersToBuyAgain, shippableOrders, type ShippableOrder } from "../shipping/index.ts";

/**
 * Every order the desk lists: those without a label, then those whose label Canada Post refused
 * or the clerk voided (offered again, left out of the batch unless put in).
 */
export async function deskOrders(app: App): Promise<ShippableOrder[]> {
  const deps = app.shippingDeps();
  return [...(await shippableOrders(deps)), ...(await ordersToBuyAgain(deps))];
}
