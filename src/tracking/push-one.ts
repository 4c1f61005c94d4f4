import { ORDER_STATES, SHIPPED_STATES, type BestBuyFailure } from "../bestbuy/index.ts";
import { cancelledAfterLabel } from "../common/cancelled-after-label.ts";
import { gaveUp, noTrackingNumber } from "./attention.ts";
import type { RunContext } from "./deps.ts";
import type { TrackingSummary } from "./events.ts";
import {
  flagCancelled,
  flagShipment,
  lockShipment,
  markBestBuyShipped,
  markShipped,
  markTrackingSent,
  recordTrackingFailure,
  recordTrackingOutage,
  shipmentForTracking,
  unlockShipment,
  type ShipmentToUpdate,
  type TrackingShipment,
} from "./store.ts";

const HOUR_MS = 3_600_000;

/** One shipment, under its session lock, as far as Best Buy lets it go in this run. */
export async function pushOne(ctx: RunContext, row: ShipmentToUpdate, summary: TrackingSummary): Promise<void> {
  if (ctx.bestBuyDown) {
    summary.notAttempted.push(row.order_id);
    ctx.emit({ type: "not-attempted", orderId: row.order_id });
    return;
  }
  if (!(await lockShipment(ctx.session, row.shipment_id))) {
    summary.busy.push(row.order_id);
    ctx.emit({ type: "busy", orderId: row.order_id });
    return;
  }
  try {
    await advance(ctx, row.shipment_id, summary);
  } finally {
    await unlockShipment(ctx.session, row.shipment_id);
  }
}

/**
 * Seed 2.2 steps 2 to 4, resuming where an earlier run stopped: after OR23 was accepted it is
 * not sent again, and after OR24 was accepted only the local update is left.
 */
async function advance(ctx: RunContext, shipmentId: number, summary: TrackingSummary): Promise<void> {
  // Read again under the lock: another runner may have finished it since the list was read.
  const s = await shipmentForTracking(ctx.db, shipmentId);
  if (!s || s.status !== "label_created" || s.attention !== null) return;
  const orderId = s.order_id;

  if (s.order_status === "cancelled" || s.order_status === "refused") {
    return cancelled(ctx, s, summary, s.order_status, false);
  }

  if (s.bestbuy_shipped_at === null) {
    if (!s.tracking_pin) {
      const message = noTrackingNumber(orderId);
      await flagShipment(ctx.db, s.shipment_id, message);
      summary.flagged.push({ orderId, message });
      ctx.emit({ type: "flagged", orderId, message });
      return;
    }

    let alreadyShipped: { confirmedBy: "reply" | "read-back" } | undefined;
    if (s.tracking_sent_at === null) {
      const sent = await ctx.marketplace.updateTracking(orderId, s.tracking_pin);
      if (sent.kind !== "ok") return failed(ctx, s, sent, summary);
      await markTrackingSent(ctx.db, s.shipment_id, ctx.today());
      ctx.emit({ type: "tracking-sent", orderId, pin: s.tracking_pin });
      await ctx.at("tracking-sent", orderId);
    } else {
      // An earlier run got OR23 through and stopped: OR24 may have happened since (a crash
      // right after it), or the order may have been cancelled. Reading it first avoids a
      // state change Best Buy would refuse.
      const read = await ctx.marketplace.getOrder(orderId);
      if (read.kind !== "ok") return failed(ctx, s, read, summary);
      const state = read.value?.order_state;
      if (state === ORDER_STATES.canceled) return cancelled(ctx, s, summary, "cancelled", true);
      if (state !== undefined && SHIPPED_STATES.has(state)) alreadyShipped = { confirmedBy: "read-back" };
    }

    if (!alreadyShipped) {
      const shipped = await ctx.marketplace.shipOrder(orderId);
      if (shipped.kind !== "ok") return failed(ctx, s, shipped, summary);
      alreadyShipped = { confirmedBy: shipped.value.confirmedBy };
      await ctx.at("ship-answered", orderId);
    }
    await markBestBuyShipped(ctx.db, s.shipment_id, ctx.today());
    ctx.emit({ type: "shipped-at-bestbuy", orderId, confirmedBy: alreadyShipped.confirmedBy });
    await ctx.at("bestbuy-shipped", orderId);
  }

  if (await markShipped(ctx.db, s.shipment_id, ctx.today())) {
    summary.updated.push(orderId);
    ctx.emit({ type: "updated", orderId, pin: s.tracking_pin ?? "" });
  }
}

async function failed(ctx: RunContext, s: TrackingShipment, outcome: BestBuyFailure, summary: TrackingSummary): Promise<void> {
  const { error } = outcome;
  const orderId = s.order_id;
  // The client reads the order back after a refusal; a cancelled order is not a failure to
  // retry but a label to void.
  if (error.orderState === ORDER_STATES.canceled) return cancelled(ctx, s, summary, "cancelled", true);

  // 401: Best Buy refused shipdesk's key, not this order. Counted against no shipment, and
  // nothing more is sent with a key that fails; the settings need fixing. (A 403 can be about
  // one order, so it stays an ordinary refusal.)
  if (outcome.kind === "rejected" && error.status === 401) {
    ctx.bestBuyDown = true;
    summary.keyRefused ??= error.message;
    await recordTrackingOutage(ctx.db, s.shipment_id, error.message);
    summary.notAttempted.push(orderId);
    ctx.emit({ type: "unavailable", orderId, message: error.message });
    return;
  }

  if (outcome.kind === "unavailable") {
    ctx.bestBuyDown = true;
    summary.unavailable = true;
    summary.unavailableMessage ??= error.message;
    await recordTrackingOutage(ctx.db, s.shipment_id, error.message);
    summary.failed.push({ orderId, kind: "unavailable", message: error.message, messages: [...error.messages], attempts: s.tracking_attempts });
    ctx.emit({ type: "unavailable", orderId, message: error.message });
    return;
  }

  const now = ctx.today();
  const { attempts, firstFailedAt } = await recordTrackingFailure(ctx.db, s.shipment_id, error.message, error.messages, now);
  summary.failed.push({ orderId, kind: outcome.kind, message: error.message, messages: [...error.messages], attempts });
  ctx.emit({ type: "failed", orderId, message: error.message, attempts });

  const { trackingMaxAttempts, trackingGiveUpHours } = ctx.settings.run;
  if (attempts >= trackingMaxAttempts || now.getTime() - firstFailedAt.getTime() >= trackingGiveUpHours * HOUR_MS) {
    const message = gaveUp(orderId, attempts, error);
    await flagShipment(ctx.db, s.shipment_id, message);
    summary.flagged.push({ orderId, message });
    ctx.emit({ type: "flagged", orderId, message });
  }
}

async function cancelled(
  ctx: RunContext,
  s: TrackingShipment,
  summary: TrackingSummary,
  how: "cancelled" | "refused",
  seenAtBestBuy: boolean,
): Promise<void> {
  const message = cancelledAfterLabel(s.order_id, how);
  await flagCancelled(ctx.db, s.shipment_id, s.order_id, message, seenAtBestBuy);
  summary.cancelled.push({ orderId: s.order_id, message });
  ctx.emit({ type: "cancelled", orderId: s.order_id, message });
}
