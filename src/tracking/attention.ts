import type { BestBuyError } from "../bestbuy/index.ts";

// The sentences a person reads in `shipdesk status`: what failed, and what to do.

export function gaveUp(orderId: string, attempts: number, error: BestBuyError): string {
  const what = error.endpoint === "ShipOrder" ? `mark order ${orderId} shipped` : `take the tracking number for order ${orderId}`;
  const why = error.messages.length > 0 ? `it said: ${error.messages.join("; ")}` : `last: ${error.message.replace(/\.$/, "")}`;
  const tries = `${attempts} ${attempts === 1 ? "try" : "tries"}`;
  return `Best Buy did not ${what} after ${tries} (${why}); check the order in the Best Buy seller portal, then run shipdesk track --retry ${orderId}`;
}

export function noTrackingNumber(orderId: string): string {
  return `Order ${orderId} has a label but shipdesk has no tracking number for it; check the label in the Canada Post portal before telling Best Buy by hand`;
}
