import { shipmentRequestFromOrder, type CreateShipmentOutcome, type Link } from "../canadapost/index.ts";
import type { RunContext } from "./deps.ts";
import { linesOf, shipToOf } from "../common/order-row.ts";
import { markCreateSent, markLabelFailed, recordShipmentError, saveCreatedShipment } from "./store.ts";
import type { WorkShipment } from "./shipment-row.ts";

/** How often a throttled Create Shipment is tried again within one run. */
export const THROTTLE_TRIES = 5;

export type CreateResult =
  | { kind: "created"; pin: string; url: string; links: Link[] }
  | { kind: "rejected"; message: string }
  | { kind: "in-doubt"; message: string };

/** The shipment row (and its order's address) as a Create Shipment request, or the problems. */
function requestFor(s: WorkShipment, today: Date) {
  return shipmentRequestFromOrder({
    orderId: s.order_id,
    requestId: s.customer_request_id,
    shipTo: shipToOf(s),
    parcel: {
      weightKg: s.weight_kg ?? 0,
      dimensionsCm: s.length_cm && s.width_cm && s.height_cm ? { length: s.length_cm, width: s.width_cm, height: s.height_cm } : undefined,
    },
    skus: linesOf(s.order_lines).map((l) => (l.quantity > 1 ? `${l.sku ?? "?"}x${l.quantity}` : (l.sku ?? "?"))),
    serviceCode: s.service_code ?? undefined,
    mailingDate: today,
  });
}

/**
 * Buys the label: one Create Shipment, never repeated blindly. Only a throttle (Canada Post did
 * nothing) is waited out and tried again; a lost reply leaves the shipment for recovery.
 */
export async function createLabel(ctx: RunContext, s: WorkShipment): Promise<CreateResult> {
  const built = requestFor(s, ctx.today());
  for (let attempt = 1; ; attempt++) {
    // An address that no longer passes (changed since the claim) is refused before any call.
    if (built.ok) await markCreateSent(ctx.db, s.shipment_id);
    const outcome: CreateShipmentOutcome = built.ok ? await ctx.carrier.createShipment(built.request) : { kind: "invalid", problems: built.problems };
    await ctx.at("create-answered", s.order_id);
    switch (outcome.kind) {
      case "ok": {
        const info = outcome.value;
        await saveCreatedShipment(ctx.db, s.shipment_id, info);
        await ctx.at("shipment-saved", s.order_id);
        if (!info.trackingPin || !info.links.label) {
          return {
            kind: "in-doubt",
            message: `Canada Post created shipment ${info.shipmentId} without a tracking PIN or label link; the next run looks it up.`,
          };
        }
        return { kind: "created", pin: info.trackingPin, url: info.links.label.href, links: info.links.all };
      }
      case "invalid": {
        const message = invalidMessage(outcome.problems);
        await markLabelFailed(ctx.db, s.shipment_id, message, outcome.problems.map((p) => ({ code: p.code, description: p.message })));
        return { kind: "rejected", message };
      }
      case "rejected": {
        // 401/403: Canada Post refused shipdesk, not the order. Nothing was bought; the label
        // stays claimed for the next run, and no other label is started with a key that fails.
        if (outcome.error.keyRefused) {
          const keys =
            ctx.settings.canadaPost.api === "portal"
              ? "canadapost.client_id, canadapost.client_secret and customer_number in shipdesk.toml (or CANADAPOST_CLIENT_ID and CANADAPOST_CLIENT_SECRET), and that the portal app is subscribed to Shipping"
              : "canadapost.username, canadapost.password and customer_number in shipdesk.toml (or CANADAPOST_USERNAME and CANADAPOST_PASSWORD)";
          const message = `Canada Post refused shipdesk's API key (HTTP ${outcome.error.status}); check ${keys}. Nothing was bought.`;
          await recordShipmentError(ctx.db, s.shipment_id, message, outcome.error.messages, { answered: true });
          ctx.refusedKey = message;
          return { kind: "in-doubt", message };
        }
        const message = `Canada Post refused the label: ${outcome.error.messages.map((m) => `${m.description} (${m.code})`).join("; ") || outcome.error.message}.`;
        await markLabelFailed(ctx.db, s.shipment_id, message, outcome.error.messages);
        return { kind: "rejected", message };
      }
      case "throttled": {
        if (attempt >= THROTTLE_TRIES || ctx.stopping()) {
          const message = ctx.stopping()
            ? "Canada Post asked to slow down as this run was stopping; nothing was bought and the next run tries again."
            : "Canada Post kept asking to slow down; nothing was bought and the next run tries again.";
          await recordShipmentError(ctx.db, s.shipment_id, message, outcome.error.messages, { answered: true });
          return { kind: "in-doubt", message };
        }
        ctx.emit({ type: "throttled", orderId: s.order_id, waitMs: outcome.retryAfterMs });
        await ctx.pause(outcome.retryAfterMs);
        continue;
      }
      case "unknown": {
        const message = `No clear answer from Canada Post (${outcome.error.message}); the next run asks Canada Post whether the label exists before buying anything.`;
        await recordShipmentError(ctx.db, s.shipment_id, message, outcome.error.messages, { answered: finished(outcome.error.status) });
        return { kind: "in-doubt", message };
      }
    }
  }
}

function invalidMessage(problems: { message: string }[]): string {
  const said = problems.map((p) => p.message.replace(/[.;]\s*$/, "")).join("; ");
  return `The order cannot be sent to Canada Post as it is: ${said}.`;
}

/**
 * Whether a reply with this status means Canada Post is done with the request. No reply, a 408
 * (the network gave up) or a gateway's 502/504 (the gateway gave up waiting on the service
 * behind it) may leave the label still being made; any other status is the service's own answer.
 */
function finished(status: number | null): boolean {
  return status !== null && status !== 408 && status !== 502 && status !== 504;
}
