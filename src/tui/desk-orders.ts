import type { App } from "../app/app.ts";
import { byDeadline, parseDeadline } from "../deadlines/index.ts";
import { ordersToBuyAgain, shippableOrders, type ShippableOrder } from "../shipping/index.ts";

/**
 * Every order the desk lists, earliest shipping deadline first: those without a label, and those
 * whose label Canada Post refused or the clerk voided (offered again, left out of the batch
 * unless put in).
 */
export async function deskOrders(app: App): Promise<ShippableOrder[]> {
  const deps = app.shippingDeps();
  return byDeadline([...(await shippableOrders(deps)), ...(await ordersToBuyAgain(deps))], (s) => parseDeadline(s.order.shipping_deadline));
}
