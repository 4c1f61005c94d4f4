import type { Link } from "../canadapost/index.ts";
import { createLabel } from "./create.ts";
import type { RunContext } from "./deps.ts";
import type { ShippingSummary } from "./events.ts";
import { downloadLabel } from "./label.ts";
import { recordShipmentError, saveCreatedShipment, shipmentForWork } from "./store.ts";
import type { WorkShipment } from "./shipment-row.ts";

/**
 * Takes one locked `label_creation_initiated` shipment as far as it can go. `fresh` means this
 * run claimed it a moment ago, so no Create Shipment was ever sent for its request id; otherwise
 * (or when a label of the order is in the labels folder) Canada Post is asked first whether the
 * label already exists (a lost reply, a crash, a database that forgot it).
 */
export async function finishShipment(ctx: RunContext, shipmentId: number, fresh: boolean, summary: ShippingSummary): Promise<void> {
  let s = await shipmentForWork(ctx.db, shipmentId);
  if (!s || s.status !== "label_creation_initiated") return;
  const done = fresh ? summary.created : summary.recovered;

  if (!s.tracking_pin || !s.cp_api_label_url) {
    // A fresh claim sent nothing for its request id, unless the database forgot an earlier label
    // of the order (restored from an older backup, or started afresh): its label file in the
    // labels folder says so, and the request id, made again the same, is looked up first.
    const found = fresh && !ctx.labelOnFile(s.order_id) ? { kind: "none" as const } : await adopt(ctx, s);
    if (found.kind === "in-doubt") {
      summary.inDoubt.push({ orderId: s.order_id, message: found.message });
      ctx.emit({ type: "in-doubt", orderId: s.order_id, message: found.message });
      return;
    }
    let label: { pin: string; url: string; links: Link[] };
    if (found.kind === "adopted") {
      ctx.emit({ type: "adopted", orderId: s.order_id, pin: found.pin });
      label = found;
    } else {
      // A label an earlier run claimed, that Canada Post does not have: bought only once this
      // run's checks before buying have passed (a fresh claim passed them before it was made).
      if (!fresh && !(await ctx.readyToBuy())) return;
      const created = await createLabel(ctx, s);
      if (created.kind === "rejected") {
        summary.failed.push({ orderId: s.order_id, message: created.message });
        ctx.emit({ type: "rejected", orderId: s.order_id, message: created.message });
        return;
      }
      if (created.kind === "in-doubt") {
        summary.inDoubt.push({ orderId: s.order_id, message: created.message });
        ctx.emit({ type: "in-doubt", orderId: s.order_id, message: created.message });
        return;
      }
      summary.bought.push(s.order_id);
      ctx.emit({ type: "created", orderId: s.order_id, pin: created.pin });
      label = created;
    }
    s = { ...s, tracking_pin: label.pin, cp_api_label_url: label.url, cp_links: label.links };
  }

  const saved = await downloadLabel(ctx, s, true);
  if (!saved.ok) {
    summary.notSaved.push({ orderId: s.order_id, pin: s.tracking_pin ?? undefined, message: saved.message });
    ctx.emit({ type: "not-saved", orderId: s.order_id, pin: s.tracking_pin ?? undefined, message: saved.message });
    return;
  }
  done.push(s.order_id);
  ctx.emit({ type: "saved", orderId: s.order_id, pin: s.tracking_pin!, path: saved.path });
}

type Adoption = { kind: "adopted"; pin: string; url: string; links: Link[] } | { kind: "none" } | { kind: "in-doubt"; message: string };

/** Get Shipments ?requestId=: adopt what Canada Post already made for this request. */
async function adopt(ctx: RunContext, s: WorkShipment): Promise<Adoption> {
  const search = await ctx.carrier.findShipmentsByRequestId(s.customer_request_id, s.order_id);
  if (search.kind !== "ok") {
    const message = `Canada Post could not say whether the label for request ${s.customer_request_id} exists (${search.error.message}); nothing is bought until it can.`;
    await recordShipmentError(ctx.db, s.shipment_id, message, search.error.messages);
    return { kind: "in-doubt", message };
  }
  const [first] = search.value;
  if (!first) {
    const waiting = stillAnswering(ctx, s);
    if (!waiting) return { kind: "none" };
    await recordShipmentError(ctx.db, s.shipment_id, waiting.message);
    return waiting;
  }
  const got = await ctx.carrier.getShipment(first, s.order_id);
  if (got.kind !== "ok" || !got.value.trackingPin || !got.value.links.label) {
    const why = got.kind === "ok" ? "it has no tracking PIN or label link yet" : got.error.message;
    const message = `Canada Post has the shipment for request ${s.customer_request_id} but it could not be read (${why}); the next run tries again.`;
    await recordShipmentError(ctx.db, s.shipment_id, message, got.kind === "ok" ? [] : got.error.messages);
    return { kind: "in-doubt", message };
  }
  await saveCreatedShipment(ctx.db, s.shipment_id, got.value);
  await ctx.at("shipment-saved", s.order_id);
  return { kind: "adopted", pin: got.value.trackingPin, url: got.value.links.label.href, links: got.value.links.all };
}

/**
 * Canada Post finishes a Create Shipment it received even when the sender is gone (killed, a
 * second Ctrl-C, a timeout), and Get Shipments lists the label only once it is made. So an empty
 * search soon after the request was sent proves nothing: until twice the request's own timeout
 * has passed, the label stays in doubt and nothing is bought. (The Developer Portal would answer
 * a second request with 7314; the XML services would sell a second label.)
 */
function stillAnswering(ctx: RunContext, s: WorkShipment): { kind: "in-doubt"; message: string } | undefined {
  const windowMs = 2 * ctx.settings.canadaPost.timeoutMs;
  const ago = s.create_sent_ms_ago;
  if (ago === null || ago >= windowMs) return undefined;
  const seconds = Math.ceil((windowMs - ago) / 1000);
  return {
    kind: "in-doubt",
    message: `Canada Post was asked for this label ${Math.round(ago / 1000)} s ago and may still be making it; nothing is bought until it has had time to answer (a run in ${seconds} s or later looks again).`,
  };
}
