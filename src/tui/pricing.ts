import * as p from "@clack/prompts";
import type { App } from "../cli/app.ts";
import { priceOrder, priceOrders, type ServiceChoice } from "../rates/index.ts";
import { orderToPrice, type ShippableOrder } from "../shipping/index.ts";
import { withChoice, type Review } from "./batch.ts";

/** Step 3's prices: one Get Rates per shippable order, before the clerk sees the batch. */
export async function priceForReview(app: App, shippable: readonly ShippableOrder[]): Promise<Map<string, ServiceChoice>> {
  const ready = shippable.filter((s) => s.problems.length === 0);
  if (ready.length === 0) return new Map();
  const spin = p.spinner();
  spin.start(`Asking Canada Post for the price of ${ready.length} label${ready.length === 1 ? "" : "s"}...`);
  const choices = await priceOrders(app.shippingDeps(), ready.map((s) => orderToPrice(s)));
  const unpriced = [...choices.values()].filter((c) => !c.quote).length;
  spin.stop(unpriced === 0 ? "Prices from Canada Post, taxes included." : `Prices from Canada Post; ${unpriced} without one (bought with the fallback service, canadapost.fallback_service).`);
  return choices;
}

/** After a change to one order: its service and price asked again, as it will now be bought. */
export async function repriceOne(app: App, review: Review, shippable: readonly ShippableOrder[], orderId: string): Promise<Review> {
  const s = shippable.find((o) => o.order.order_id === orderId);
  if (!s || s.problems.length > 0) return review;
  const choice = await priceOrder(app.shippingDeps(), orderToPrice(s, review.weights.get(orderId)));
  return withChoice(review, orderId, choice);
}
