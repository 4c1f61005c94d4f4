import type { App } from "../app/app.ts";
import type { Logger } from "../app/log.ts";
import { deskStep } from "./desk-step.ts";
import { priceOrder, priceOrders, type ServiceChoice } from "../rates/index.ts";
import { orderToPrice, type ShippableOrder } from "../shipping/index.ts";
import { withChoice, type Review } from "./batch.ts";

/**
 * Step 3's prices: one Get Rates per shippable order, before the clerk sees the batch. `stopped`
 * when the clerk pressed Ctrl-C meanwhile (nothing is bought; the desk then stops).
 */
export async function priceForReview(app: App, log: Logger, shippable: readonly ShippableOrder[]): Promise<{ choices: Map<string, ServiceChoice>; stopped: boolean }> {
  const ready = shippable.filter((s) => s.problems.length === 0);
  if (ready.length === 0) return { choices: new Map(), stopped: false };
  const step = deskStep(app, log, `Asking Canada Post for the price of ${ready.length} label${ready.length === 1 ? "" : "s"}...`, "Ctrl-C: stopping once the prices are in; nothing is bought (Ctrl-C again stops at once)...");
  const choices = await priceOrders(app.shippingDeps(), ready.map((s) => orderToPrice(s)));
  const unpriced = [...choices.values()].filter((c) => !c.quote).length;
  step.done(unpriced === 0 ? "Prices from Canada Post, taxes included." : `Prices from Canada Post; ${unpriced} without one (bought with the fallback service, canadapost.fallback_service).`);
  return { choices, stopped: step.stopped() };
}

/** After a change to one order: its service and price asked again, as it will now be bought. */
export async function repriceOne(app: App, review: Review, shippable: readonly ShippableOrder[], orderId: string): Promise<Review> {
  const s = shippable.find((o) => o.order.order_id === orderId);
  if (!s || s.problems.length > 0) return review;
  const choice = await priceOrder(app.shippingDeps(), orderToPrice(s, review.weights.get(orderId)));
  return withChoice(review, orderId, choice);
}
