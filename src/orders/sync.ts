import type { Problem } from "../address/index.ts";
import { ORDER_STATES, SHIPPED_STATES, type Marketplace, type MalformedOrder, type MiraklOrder } from "../bestbuy/index.ts";
import type { Settings } from "../config/index.ts";
import type { Database } from "../db/index.ts";
import { cancelledAfterLabel } from "../common/cancelled-after-label.ts";
import { currentCorrections, type CurrentCorrection } from "./corrections.ts";
import { orderProblems, readOrderFields, type OrderFields } from "./extract.ts";
import {
  cancelOrder,
  findOrders,
  flagLabelToVoid,
  insertOrder,
  markShippedElsewhere,
  openOrderIds,
  refreshOrder,
  updateOrder,
  type LocalOrder,
} from "./store.ts";
import { emptySummary, type SyncEvent, type SyncSummary } from "./summary.ts";

export interface SyncOptions {
  db: Database;
  marketplace: Marketplace;
  settings: Pick<Settings, "bestBuy">;
  /** Accept WAITING_ACCEPTANCE orders first (OR21, every line); defaults to bestbuy.auto_accept. */
  acceptWaiting?: boolean;
  onEvent?: (event: SyncEvent) => void;
}

/** Shipment states in which a label was bought, or may have been. */
const LABEL_STATES = new Set(["label_creation_initiated", "label_created", "tracking_updated"]);

/** One order as listed: read, or malformed but with an id. */
interface Listed {
  orderId: string;
  raw: unknown;
  state: string | undefined;
  malformed: string | undefined;
}

/**
 * `shipdesk orders sync`: brings `orders` in line with Best Buy.
 *
 * 1. With auto-accept, accepts the orders waiting for acceptance (they ship once Best Buy has
 *    taken payment: this sync if that is quick, a later one otherwise).
 * 2. Stores every order in SHIPPING: new ones are imported as `accepted`, changed ones updated,
 *    each with the problems that stop it from shipping.
 * 3. Reads back the orders still open here that Best Buy no longer lists as SHIPPING, to learn
 *    which were cancelled, refused or shipped by other means.
 *
 * Running it twice changes nothing the second time: rows are written only when they differ.
 */
export async function syncOrders(options: SyncOptions): Promise<SyncSummary> {
  const { db, marketplace } = options;
  const summary = emptySummary();
  const emit = (event: SyncEvent) => {
    if (event.kind === "problem") summary.problems.push({ orderId: event.orderId, message: event.message });
    options.onEvent?.(event);
  };

  if (options.acceptWaiting ?? options.settings.bestBuy.autoAccept) await acceptWaitingOrders(marketplace, summary, emit);

  const shipping = await marketplace.listOrders({ states: [ORDER_STATES.shipping] });
  if (shipping.kind !== "ok") {
    summary.failure = shipping.error;
    emit({ kind: "problem", orderId: null, message: shipping.error.message });
    return summary;
  }
  const listed = toListed(shipping.value.orders, shipping.value.malformed, emit);
  const local = await findOrders(db, listed.map((l) => l.orderId));
  // The clerk's corrections are read, never written: the problems are those of the address the label uses.
  const corrections = await currentCorrections(db, listed.map((l) => l.orderId));
  for (const order of listed) {
    await applyOrder(db, { ...order, state: order.state ?? ORDER_STATES.shipping }, local.get(order.orderId), summary, emit, corrections.get(order.orderId));
  }

  const seen = new Set(listed.map((l) => l.orderId));
  const stale = (await openOrderIds(db)).filter((id) => !seen.has(id));
  if (stale.length === 0) return summary;
  const again = await marketplace.listOrders({ orderIds: stale });
  if (again.kind !== "ok") {
    summary.failure = again.error;
    emit({ kind: "problem", orderId: null, message: `${again.error.message} Cancellations were not checked this time.` });
    return summary;
  }
  const rechecked = toListed(again.value.orders, again.value.malformed, emit);
  const staleLocal = await findOrders(db, stale);
  const staleCorrections = await currentCorrections(db, stale);
  for (const order of rechecked) await applyOrder(db, order, staleLocal.get(order.orderId), summary, emit, staleCorrections.get(order.orderId));
  const found = new Set(rechecked.map((l) => l.orderId));
  for (const id of stale.filter((id) => !found.has(id))) {
    emit({ kind: "problem", orderId: id, message: `Best Buy no longer lists order ${id}; check it in the Best Buy seller portal before shipping it.` });
  }
  return summary;
}

async function acceptWaitingOrders(marketplace: Marketplace, summary: SyncSummary, emit: (e: SyncEvent) => void): Promise<void> {
  const waiting = await marketplace.listOrders({ states: [ORDER_STATES.waitingAcceptance] });
  if (waiting.kind !== "ok") {
    emit({ kind: "problem", orderId: null, message: `${waiting.error.message} No order was accepted this time.` });
    return;
  }
  for (const bad of waiting.value.malformed) {
    emit({ kind: "problem", orderId: bad.orderId ?? null, message: `${bad.problem} It was not accepted; accept it in the Best Buy seller portal.` });
  }
  for (const order of waiting.value.orders) {
    const waitingLines = order.order_lines.filter((l) => l.order_line_state === ORDER_STATES.waitingAcceptance);
    const lines = (waitingLines.length ? waitingLines : order.order_lines).map((l) => l.order_line_id);
    const outcome = await marketplace.acceptOrder(order.order_id, lines);
    if (outcome.kind === "ok") {
      summary.accepted++;
      emit({ kind: "accepted", orderId: order.order_id, message: `Accepted order ${order.order_id} at Best Buy.` });
    } else {
      emit({ kind: "problem", orderId: order.order_id, message: outcome.error.message });
    }
  }
}

function toListed(orders: readonly MiraklOrder[], malformed: readonly MalformedOrder[], emit: (e: SyncEvent) => void): Listed[] {
  const listed: Listed[] = orders.map((o) => ({ orderId: o.order_id, raw: o, state: o.order_state, malformed: undefined }));
  for (const bad of malformed) {
    if (bad.orderId === undefined) {
      // Without an id there is nothing to store it under; the clerk is told instead.
      emit({ kind: "problem", orderId: null, message: `${bad.problem} Find it in the Best Buy seller portal.` });
      continue;
    }
    listed.push({ orderId: bad.orderId, raw: bad.raw, state: bad.state, malformed: bad.problem });
  }
  return listed;
}

/** What Best Buy's state means for the row here. */
async function applyOrder(
  db: Database,
  listed: Listed,
  local: LocalOrder | undefined,
  summary: SyncSummary,
  emit: (e: SyncEvent) => void,
  correction?: CurrentCorrection,
): Promise<void> {
  const fields = readOrderFields(listed.orderId, listed.raw);
  const state = listed.state ?? "";
  if (state === ORDER_STATES.shipping) return importOrder(db, listed, fields, local, summary, emit, correction);
  if (state === ORDER_STATES.canceled || state === ORDER_STATES.refused) return closeOrder(db, listed, fields, local, summary, emit);
  if (SHIPPED_STATES.has(state) && local && !local.shipmentStatus && (local.status === "accepted" || local.status === "waiting_acceptance")) {
    if (await markShippedElsewhere(db, fields, listed.raw)) {
      summary.shippedElsewhere++;
      summary.updated++;
      emit({
        kind: "shipped-elsewhere",
        orderId: listed.orderId,
        message: `Best Buy shows order ${listed.orderId} as ${state} although shipdesk bought no label for it; marked shipped, no label will be bought.`,
      });
      return;
    }
  }
  if (listed.malformed) emit({ kind: "problem", orderId: listed.orderId, message: listed.malformed });
  // Anything else (shipped here, a label in progress, debit pending): keep Best Buy's latest copy only.
  if (local && (await refreshOrder(db, fields, listed.raw))) summary.updated++;
  else summary.unchanged++;
}

async function importOrder(
  db: Database,
  listed: Listed,
  fields: OrderFields,
  local: LocalOrder | undefined,
  summary: SyncSummary,
  emit: (e: SyncEvent) => void,
  correction: CurrentCorrection | undefined,
): Promise<void> {
  const problems = orderProblems(fields, listed.malformed, correction);
  const id = listed.orderId;
  if (!local && (await insertOrder(db, fields, listed.raw, problems))) {
    summary.imported++;
    emit({ kind: "imported", orderId: id, message: `Imported order ${id}${problems.length ? " (not shippable until fixed)" : ""}.` });
    reportProblems(id, problems, emit);
    return;
  }
  if (await updateOrder(db, fields, listed.raw, problems)) {
    summary.updated++;
    emit({ kind: "updated", orderId: id, message: `Updated order ${id} from Best Buy.` });
    reportProblems(id, problems, emit);
    return;
  }
  if (await refreshOrder(db, fields, listed.raw)) summary.updated++;
  else summary.unchanged++;
  if (local?.status === "accepted" && !local.shipmentStatus) reportProblems(id, problems, emit);
}

async function closeOrder(
  db: Database,
  listed: Listed,
  fields: OrderFields,
  local: LocalOrder | undefined,
  summary: SyncSummary,
  emit: (e: SyncEvent) => void,
): Promise<void> {
  const id = listed.orderId;
  const status = listed.state === ORDER_STATES.refused ? "refused" : "cancelled";
  if (!local) return; // Never imported: nothing to undo.
  const labelled = local.shipmentStatus !== null && LABEL_STATES.has(local.shipmentStatus);
  const changed = await db.transaction(async (tx) => {
    const closed = await cancelOrder(tx, fields, listed.raw, status);
    if (!closed) return { closed, flagged: false };
    const flagged = labelled && (await flagLabelToVoid(tx, id, cancelledAfterLabel(id, status)));
    return { closed, flagged };
  });
  if (!changed.closed) {
    if (await refreshOrder(db, fields, listed.raw)) summary.updated++;
    else summary.unchanged++;
    return;
  }
  summary.cancelled++;
  summary.updated++;
  emit({ kind: status, orderId: id, message: `Order ${id} was ${status} at Best Buy; it will not be shipped.` });
  if (changed.flagged) {
    summary.flagged++;
    emit({ kind: "flagged", orderId: id, message: cancelledAfterLabel(id, status) });
  }
}

function reportProblems(orderId: string, problems: readonly Problem[], emit: (e: SyncEvent) => void): void {
  if (problems.length === 0) return;
  emit({ kind: "problem", orderId, message: `Order ${orderId} cannot ship yet: ${problems.map((p) => p.message).join(" ")}` });
}
