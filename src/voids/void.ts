import { findLink, labelStateOf, type CanadaPostError, type Link, type ShipmentInfo } from "../canadapost/index.ts";
import type { Session } from "../db/index.ts";
import type { VoidDeps, VoidOptions, VoidResult } from "./deps.ts";
import {
  holdOffEndOfDay,
  labelOfOrder,
  lockShipment,
  makeWayForNewLabel,
  markRefundRequested,
  markVoided,
  recordCanadaPostStatus,
  recordError,
  releaseEndOfDay,
  unlockShipment,
  type LabelToCancel,
} from "./store.ts";

/**
 * Cancels an order's label: Void Shipment while it is not transmitted (free), Request Refund
 * after (Canada Post checks and refunds in days). The shipment row keeps what happened; with
 * `allowReship` the row moves to shipment_history so that the next ship run buys one new label.
 */
export async function voidLabel(deps: VoidDeps, orderId: string, options: VoidOptions = {}): Promise<VoidResult> {
  const session = await deps.db.reserve();
  try {
    if (!(await holdOffEndOfDay(session))) {
      return refused(`The end of day is transmitting right now; run shipdesk void ${orderId} again in a minute.`);
    }
    try {
      const label = await labelOfOrder(session, orderId);
      if (!label) return refused(`Order ${orderId} has no label to void.`);
      if (!(await lockShipment(session, label.shipment_id))) {
        return refused(`Another shipdesk is working on the label of order ${orderId} right now; try again in a minute.`);
      }
      try {
        return await cancel(deps, session, label, options);
      } finally {
        await unlockShipment(session, label.shipment_id);
      }
    } finally {
      await releaseEndOfDay(session);
    }
  } finally {
    await session.release();
  }
}

async function cancel(deps: VoidDeps, session: Session, label: LabelToCancel, options: VoidOptions): Promise<VoidResult> {
  const orderId = label.order_id;
  const reason = options.reason?.trim() || "voided by the clerk";
  const warnings = bestBuyWarnings(label);
  const withWarnings = (r: VoidResult): VoidResult => ({ ...r, warnings: [...warnings, ...r.warnings] });

  switch (label.status) {
    case "label_creation_initiated":
      return refused(`The label of order ${orderId} is still being bought, or a run stopped while buying it; run shipdesk ship first so shipdesk knows whether it exists, then void it.`);
    case "label_failed":
      return refused(`Canada Post refused the label of order ${orderId}: nothing was bought, so there is nothing to void.`);
    case "voided":
    case "refund_requested": {
      const what = label.status === "voided" ? "already voided" : `already sent for a refund (ticket ${label.refund_ticket_id ?? "?"})`;
      return withWarnings(await finish(session, label, options, "already", `The label of order ${orderId} is ${what}.`, label.refund_ticket_id ?? undefined));
    }
  }
  const self = linkOf(label, "self");
  if (!self) return refused(`Order ${orderId}'s label has no Canada Post link stored; void it in Canada Post's website.`);

  // A label with no group was transmitted when bought (manifest = "transmit"): refund only.
  let transmitted = label.transmitted_at !== null || label.group_id === null;
  let known: ShipmentInfo | undefined;
  if (label.transmit_id !== null && label.transmitted_at === null) {
    // The end of day's transmit of it is in doubt (or was refused) and not settled yet: the
    // label's own status at Canada Post says whether a void or a refund cancels it, so the clerk
    // never waits on the end of day.
    const state = labelStateOf(await deps.carrier.getShipment(self, orderId));
    if (state.kind === "refused" || state.kind === "unreachable") {
      return failure(session, label, "read", state.kind === "refused" ? "rejected" : "unknown", state.error);
    }
    await recordCanadaPostStatus(session, label.shipment_id, state.status);
    if (state.kind === "cancelled") {
      await session.transaction((tx) => markVoided(tx, label, reason));
      return withWarnings(await finish(session, label, options, "voided", `The label of order ${orderId} (PIN ${label.tracking_pin}) was already cancelled at Canada Post; it is marked voided, and nothing is billed for it.`, undefined));
    }
    transmitted = state.kind === "transmitted";
    known = state.info;
  }
  if (!transmitted) {
    const voided = await deps.carrier.voidShipment(self, orderId);
    if (voided.kind === "ok" || (voided.kind === "rejected" && voided.error.status === 404)) {
      // 404: Canada Post no longer has it, i.e. an earlier void whose answer was lost.
      await session.transaction((tx) => markVoided(tx, label, reason));
      return withWarnings(await finish(session, label, options, "voided", `The label of order ${orderId} (PIN ${label.tracking_pin}) is voided; nothing is billed for it.`, undefined));
    }
    if (!(voided.kind === "rejected" && voided.error.alreadyTransmitted)) return failure(session, label, "void", voided.kind, voided.error);
  }
  return withWarnings(await refund(deps, session, label, self, reason, options, known));
}

async function refund(
  deps: VoidDeps,
  session: Session,
  label: LabelToCancel,
  self: Link,
  reason: string,
  options: VoidOptions,
  known: ShipmentInfo | undefined,
): Promise<VoidResult> {
  const orderId = label.order_id;
  const email = options.email?.trim();
  if (!email) {
    return refused(`The label of order ${orderId} was already handed to Canada Post, so only a refund helps; Canada Post needs an e-mail address for it: shipdesk void ${orderId} --email you@example.com, or set refund_email under [canadapost] in shipdesk.toml.`);
  }
  // The refund link appears on the shipment only once it is transmitted: ask for it fresh
  // (unless it was just asked for, as it is when the end of day's transmit is in doubt).
  let shipment = known;
  if (!shipment || !shipment.links.refund) {
    const read = await deps.carrier.getShipment(self, orderId);
    if (read.kind !== "ok") return failure(session, label, "read", read.kind, read.error);
    shipment = read.value;
  }
  const link = shipment.links.refund;
  if (!link) {
    return refused(`Canada Post offers no refund for the label of order ${orderId} (status ${shipment.status}); ask Canada Post.`);
  }
  const ticket = await deps.carrier.requestRefund(link, email, orderId);
  if (ticket.kind !== "ok") return failure(session, label, "refund", ticket.kind, ticket.error);
  await session.transaction((tx) => markRefundRequested(tx, label, reason, ticket.value));
  const message = `A refund of order ${orderId}'s label (PIN ${label.tracking_pin}) is requested: Canada Post ticket ${ticket.value.ticketId} of ${ticket.value.ticketDate}; Canada Post checks it and refunds in a few days.`;
  return finish(session, label, options, "refund_requested", message, ticket.value.ticketId);
}

/** The order ships again only when the clerk asked, and only if Best Buy can still take it. */
async function finish(
  session: Session,
  label: LabelToCancel,
  options: VoidOptions,
  action: "voided" | "refund_requested" | "already",
  message: string,
  ticketId: string | undefined,
): Promise<VoidResult> {
  const done = (reshipped: boolean, extra: string[] = []): VoidResult => ({ kind: "done", action, message, ticketId, reshipped, warnings: extra });
  if (!options.allowReship) return done(false);
  if (label.order_status !== "accepted") {
    const why =
      label.order_status === "shipped"
        ? "it is already shipped at Best Buy, which will not take a new tracking number; ship the parcel with a label bought outside shipdesk, or ask Best Buy"
        : `it is ${label.order_status} at Best Buy`;
    return done(false, [`Order ${label.order_id} is not shipped again: ${why}.`]);
  }
  const moved = await session.transaction((tx) => makeWayForNewLabel(tx, label.shipment_id));
  return moved ? { ...done(true), message: `${message} The order is shippable again: the next shipdesk ship buys a new label.` } : done(false);
}

function bestBuyWarnings(label: LabelToCancel): string[] {
  if (label.order_status !== "shipped" && label.status !== "tracking_updated") return [];
  return [`Order ${label.order_id} is already shipped at Best Buy with tracking PIN ${label.tracking_pin}; Best Buy will not take a new tracking number for it.`];
}

async function failure(session: Session, label: LabelToCancel, what: "void" | "read" | "refund", kind: "rejected" | "unknown" | "throttled", error: CanadaPostError): Promise<VoidResult> {
  const doing = { void: "void", read: "read the shipment of", refund: "request a refund of" }[what];
  if (kind === "rejected") {
    const message = `Canada Post refused to ${doing} order ${label.order_id}'s label: ${error.message}.`;
    await recordError(session, label.shipment_id, message, error.messages);
    return { kind: "rejected", message, warnings: [] };
  }
  const retry = what === "refund" ? " (if Canada Post did take it, a second request only repeats the ticket)" : "";
  const message = `Canada Post did not answer when asked to ${doing} order ${label.order_id}'s label (${error.message}); run shipdesk void ${label.order_id} again later${retry}.`;
  await recordError(session, label.shipment_id, message, error.messages);
  return { kind: "unreachable", message, warnings: [] };
}

function linkOf(label: LabelToCancel, rel: string): Link | undefined {
  return Array.isArray(label.cp_links) ? findLink(label.cp_links as Link[], rel) : undefined;
}

const refused = (message: string): VoidResult => ({ kind: "refused", message, warnings: [] });
