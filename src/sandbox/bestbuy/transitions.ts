import { CARRIERS } from "./places.ts";
import { SandboxRefusal, type Json, type SandboxRules } from "./records.ts";

/*
 * Mirakl's checks on the three calls that change an order, as the sandbox enforces them: each
 * throws a SandboxRefusal (status, message, code) the app turns into Mirakl's error reply.
 */

/** OR21: one decision for every line of an order waiting for acceptance; the number accepted. */
export function checkDecisions(order: Json, orderId: string, decisions: ReadonlyArray<{ id: string; accepted: boolean }>, rules: SandboxRules): number {
  if (order.order_state !== "WAITING_ACCEPTANCE") {
    throw new SandboxRefusal(400, `Order '${orderId}' is in state ${order.order_state}; only WAITING_ACCEPTANCE orders can be accepted or refused`, "ORDER_INVALID_STATE");
  }
  const lineIds = new Set<string>((order.order_lines ?? []).map((l: Json) => l.order_line_id));
  const seen = new Set<string>();
  for (const d of decisions) {
    if (!lineIds.has(d.id)) throw new SandboxRefusal(400, `Order line '${d.id}' not found in order '${orderId}'`, "ORDER_LINE_NOT_FOUND");
    if (seen.has(d.id)) throw new SandboxRefusal(400, `Order line '${d.id}' appears twice`, "ORDER_LINE_DUPLICATE_ID");
    seen.add(d.id);
  }
  if (seen.size !== lineIds.size) throw new SandboxRefusal(400, `Every line of order '${orderId}' needs a decision`, "ORDER_LINE_ACCEPTANCE_DECISION_MISSING");
  const acceptedCount = decisions.filter((d) => d.accepted).length;
  if (acceptedCount > 0 && acceptedCount < decisions.length && !rules.partialAcceptance) {
    throw new SandboxRefusal(400, "Partial acceptance is not enabled for this shop", "ORDER_PARTIAL_ACCEPTANCE_DISABLED");
  }
  return acceptedCount;
}

/** OR23: the order's carrier and tracking fields as the call sets them (a known carrier code, or a name). */
export function trackingFields(
  order: Json,
  orderId: string,
  body: { carrier_code?: string | null; carrier_name?: string | null; carrier_url?: string | null; tracking_number?: string | null },
  rules: SandboxRules,
): Json {
  const state = order.order_state;
  if (state !== "SHIPPING" && !(state === "SHIPPED" && !rules.strictTracking)) {
    throw new SandboxRefusal(400, `The tracking of order '${orderId}' cannot be updated in state ${state}`);
  }
  const carrier = body.carrier_code ? CARRIERS.find((c) => c.code === body.carrier_code) : undefined;
  if (body.carrier_code && !carrier) throw new SandboxRefusal(400, `Carrier with code '${body.carrier_code}' not found`);
  if (!carrier && !body.carrier_name) throw new SandboxRefusal(400, "Either carrier_code or carrier_name is required");
  if (carrier && !body.tracking_number) throw new SandboxRefusal(400, `A tracking number is required for carrier '${carrier.code}'`);
  return {
    shipping_carrier_code: carrier?.code ?? null,
    shipping_company: carrier?.label ?? body.carrier_name ?? null,
    shipping_tracking: body.tracking_number ?? null,
    shipping_tracking_url: carrier ? carrier.tracking_url.replace("{trackingId}", encodeURIComponent(body.tracking_number ?? "")) : (body.carrier_url ?? null),
  };
}

/** OR24: only an order in SHIPPING ships, and (when the shop requires it) only with tracking sent. */
export function checkShippable(order: Json, orderId: string, rules: SandboxRules): void {
  if (order.order_state !== "SHIPPING") {
    throw new SandboxRefusal(400, `Order '${orderId}' cannot be shipped: it is in state ${order.order_state}, not SHIPPING`);
  }
  if (rules.requireTrackingBeforeShip && !order.shipping_tracking) {
    throw new SandboxRefusal(400, `Order '${orderId}' has no tracking information; send it (OR23) before confirming the shipment`);
  }
}
