import { ADDRESS_CODES, type Problem } from "../address/index.ts";
import { orderServices } from "./before-buying.ts";
import { runContext, type RunContext, type ShippingDeps } from "./deps.ts";
import { emptySummary, type ShippingSummary } from "./events.ts";
import { finishShipment } from "./finish.ts";
import { linesOf } from "../common/order-row.ts";
import { parcelFor, skuServiceFor, type ParcelChoice, type SkuPackage } from "./parcel.ts";
import { priceOrder, priceOrders, type OrderToPrice, type ServiceChoice } from "../rates/index.ts";
import { inPool } from "../common/pool.ts";
import { byDeadline, parseDeadline } from "../deadlines/index.ts";
import { preflightProblems } from "./preflight.ts";
import { recoverUnfinishedShipments, refetch, withShipmentLock } from "./recover.ts";
import { customerRequestId } from "./request-id.ts";
import {
  claimShipment,
  ordersAgain,
  reopenFailedShipment,
  setOrderProblems,
  shipmentOfOrder,
  skuPackages,
  spendOf,
  unlockShipment,
  unshippedOrders,
  voidedWaiting,
  type Claim,
  type UnshippedOrder,
} from "./store.ts";

/** Codes the pre-flight check owns; problems intake recorded under other codes are kept. */
const PREFLIGHT_CODES = new Set([...ADDRESS_CODES, "missing_weight", "too_heavy"]);

export interface ShippableOrder {
  order: UnshippedOrder;
  /** Set for an order whose label Canada Post refused or the clerk voided: bought only when asked. */
  again?: { kind: "refused" | "voided"; reason: string } | undefined;
  parcel: ParcelChoice;
  /** The clerk's, the SKU preset's or the fixed service; under "cheapest_on_time", the fallback until priced. */
  serviceCode: string;
  /** The service every line's SKU has as its preset, if one. */
  skuService: string | null;
  problems: Problem[];
}

/** What Get Rates is asked for this order (the parcel as weighed now). */
export function orderToPrice(c: ShippableOrder, weightKg?: number): OrderToPrice {
  return {
    orderId: c.order.order_id,
    postalCode: c.order.ship_postal_code,
    raw: { delivery_date: { latest: c.order.delivery_latest }, shipping_deadline: c.order.shipping_deadline },
    weightKg: weightKg ?? c.parcel.weightKg,
    dimensionsCm: c.parcel.dimensionsCm,
    clerkService: c.order.service_override,
    skuService: c.skuService,
  };
}

/** Best Buy's shipping deadline first: the labels are bought (and listed) earliest deadline first. */
const inDeadlineOrder = <T extends { shipping_deadline: string | null }>(orders: readonly T[]): T[] => byDeadline(orders, (o) => parseDeadline(o.shipping_deadline));

/**
 * Seed step 1 and the pre-flight check: every accepted order without a shipment, earliest
 * deadline first, with the parcel it would ship in and every problem that stops it. Problems are
 * recorded on the order, so the clerk and `status` see them, and such orders are never claimed.
 */
export async function shippableOrders(deps: Pick<ShippingDeps, "db" | "settings">): Promise<ShippableOrder[]> {
  const orders = inDeadlineOrder(await unshippedOrders(deps.db));
  const packages = await packagesOf(deps, orders);
  const result: ShippableOrder[] = [];
  for (const order of orders) {
    const c = asShippable(order, packages, deps.settings);
    // Written only when they changed: most orders are checked every run and never change.
    if (JSON.stringify(c.problems) !== JSON.stringify(order.problems ?? [])) await setOrderProblems(deps.db, order.order_id, c.problems);
    result.push(c);
  }
  return result;
}

/**
 * The orders a plain run leaves alone but the clerk may buy again (a refused label, a voided
 * one), each as its label would be built now, with every problem that would stop it.
 */
export async function ordersToBuyAgain(deps: Pick<ShippingDeps, "db" | "settings">): Promise<ShippableOrder[]> {
  const orders = inDeadlineOrder(await ordersAgain(deps.db));
  const packages = await packagesOf(deps, orders);
  return orders.map((o) => ({ ...asShippable(o, packages, deps.settings), again: { kind: o.again, reason: o.again_reason } }));
}

async function packagesOf(deps: Pick<ShippingDeps, "db">, orders: readonly UnshippedOrder[]) {
  const skus = [...new Set(orders.flatMap((o) => linesOf(o.order_lines).flatMap((l) => (l.sku ? [l.sku] : []))))];
  return skuPackages(deps.db, skus);
}

/** The order with the parcel it would ship in now, its service and every problem that stops it. */
function asShippable(order: UnshippedOrder, packages: Map<string, SkuPackage>, settings: ShippingDeps["settings"]): ShippableOrder {
  const lines = linesOf(order.order_lines);
  const parcel = parcelFor(lines, packages, settings.parcel, order.weight_override_kg);
  const skuService = skuServiceFor(lines, packages);
  const own = preflightProblems(order, parcel);
  const kept = (order.problems ?? []).filter((p) => !PREFLIGHT_CODES.has(p.code));
  const problems = [...kept, ...own];
  return { order, parcel, skuService, serviceCode: order.service_override ?? skuService ?? settings.canadaPost.serviceCode, problems };
}

export interface ShipOptions {
  /** Only these orders (the clerk's confirmed batch); all shippable orders when absent. */
  only?: readonly string[];
  /** Per-order weight chosen in the review screen, in kg. */
  weights?: ReadonlyMap<string, number>;
  /** Once aborted (the clerk's Ctrl-C), no new label is started; those under way finish. */
  signal?: AbortSignal;
  /** Services already chosen and priced (the review screen's); the rest are priced here. */
  choices?: ReadonlyMap<string, ServiceChoice>;
}

/** The label-creation workflow (seed section 2.1), crash-safe: never two labels, never a lost one. */
export async function runShipping(deps: ShippingDeps, options: ShipOptions = {}): Promise<ShippingSummary> {
  const session = await deps.db.reserve();
  const ctx = runContext(deps, session, options.signal);
  const summary = emptySummary();
  try {
    await recoverUnfinishedShipments(ctx, summary);
    const candidates = await shippableOrders(deps);
    ctx.emit({ type: "checking", orders: candidates.length });
    // Never bought again on their own (the clerk voided them for a reason): named, not forgotten.
    if (!options.only) {
      for (const v of await voidedWaiting(deps.db)) {
        summary.voidedWaiting.push(v.order_id);
        ctx.emit({ type: "voided-waiting", orderId: v.order_id, pin: v.tracking_pin });
      }
    }
    const wanted = options.only ? new Set(options.only) : undefined;
    const batch: ShippableOrder[] = [];
    for (const c of candidates) {
      if (wanted && !wanted.has(c.order.order_id)) continue;
      if (c.order.held_at) {
        // The clerk's hold lasts until released: no run buys it, and that is no problem to report.
        summary.held.push(c.order.order_id);
        ctx.emit({ type: "held", orderId: c.order.order_id, since: new Date(c.order.held_at), by: c.order.held_by });
        continue;
      }
      if (c.problems.length > 0) {
        summary.skipped.push({ orderId: c.order.order_id, reasons: c.problems.map((p) => p.message) });
        ctx.emit({ type: "skipped", orderId: c.order.order_id, problems: c.problems });
        continue;
      }
      batch.push(c);
    }
    // Before anything is priced or claimed: a setting, an order's service or the labels folder
    // that would fail every label stops the run here, with nothing bought and no row written.
    const ready = batch.length > 0 && (await ctx.readyToBuy(batch.flatMap((c) => orderServices(c.order, c.skuService))));
    const toBuy = ready ? batch : [];
    const choices = new Map(options.choices ?? []);
    const unpriced = toBuy.filter((c) => !choices.has(c.order.order_id)).map((c) => orderToPrice(c, options.weights?.get(c.order.order_id)));
    for (const [orderId, choice] of await priceOrders(deps, unpriced)) {
      choices.set(orderId, choice);
      ctx.emit({ type: "priced", orderId, choice });
    }
    await inPool(toBuy, deps.settings.run.concurrency, async (c) => {
      if (options.signal?.aborted || ctx.refusedKey) summary.notStarted.push(c.order.order_id);
      else await shipOne(ctx, c, options.weights?.get(c.order.order_id), choices.get(c.order.order_id), summary);
    });
    summary.keyRefused = ctx.refusedKey;
    summary.notReady = ctx.notReady;
    summary.spent = await spendOf(deps.db, summary.bought);
    return summary;
  } finally {
    await session.release();
  }
}

async function shipOne(ctx: RunContext, c: ShippableOrder, weightKg: number | undefined, choice: ServiceChoice | undefined, summary: ShippingSummary): Promise<void> {
  const orderId = c.order.order_id;
  const shipmentId = await claimShipment(ctx.session, claimOf(ctx, c, c.order.next_attempt ?? 1, weightKg, choice));
  if (shipmentId === undefined) return; // another runner has it
  try {
    ctx.emit({ type: "claimed", orderId });
    await ctx.at("claimed", orderId);
    await finishShipment(ctx, shipmentId, true, summary);
  } finally {
    await unlockShipment(ctx.session, shipmentId);
  }
}

/** What a label is bought with: this attempt's request id, the parcel, service and quote of now, today's group. */
function claimOf(ctx: RunContext, c: ShippableOrder, attempt: number, weightKg: number | undefined, choice: ServiceChoice | undefined): Claim {
  const orderId = c.order.order_id;
  return {
    orderId,
    requestId: customerRequestId(orderId, attempt),
    attempt,
    serviceCode: choice?.serviceCode ?? c.serviceCode,
    parcel: weightKg ? { ...c.parcel, weightKg, source: "override" as const } : c.parcel,
    groupId: ctx.settings.canadaPost.manifest === "group" ? ctx.carrier.groupIdFor(ctx.today()) : null,
    choice,
  };
}

export type RetryResult = { orderId: string; ok: true } | { orderId: string; ok: false; message: string };

/** Options of a retry: the review screen's weight and priced service, when the desk asks. */
export interface RetryOptions {
  weights?: ReadonlyMap<string, number>;
  choices?: ReadonlyMap<string, ServiceChoice>;
  /** Once aborted, no further order is started. */
  signal?: AbortSignal;
}

/**
 * `shipdesk ship --retry ORDER` (and the desk's and the print page's "buy again"): after the
 * clerk fixed what Canada Post refused, a new attempt under a new customer-request-id (nothing
 * was bought under the refused one), built afresh as a new label is: the settings, the clerk's
 * service and weight and the address as they are now, quoted again. The refused attempt's
 * service is never reused, so a fixed setting or a "no rates" fallback does not follow it.
 */
export async function retryFailedLabels(deps: ShippingDeps, orderIds: readonly string[], options: RetryOptions = {}): Promise<{ results: RetryResult[]; summary: ShippingSummary }> {
  const session = await deps.db.reserve();
  const ctx = runContext(deps, session, options.signal);
  const summary = emptySummary();
  const results: RetryResult[] = [];
  try {
    // The checks before buying, with the clerk's service of each order to retry.
    const rows = await Promise.all(orderIds.map((id) => shipmentOfOrder(deps.db, id)));
    const services = rows.flatMap((r) => (r?.status === "label_failed" ? orderServices({ ...r, order_lines: [] }, null) : []));
    if (rows.some((r) => r?.status === "label_failed") && !(await ctx.readyToBuy(services))) {
      summary.notReady = ctx.notReady;
      return { results: [], summary };
    }
    for (const orderId of orderIds) {
      if (ctx.stopping() || ctx.refusedKey) {
        summary.notStarted.push(orderId);
        continue;
      }
      const result = await retryOne(ctx, orderId, options, summary);
      results.push(result);
    }
    summary.keyRefused = ctx.refusedKey;
    summary.spent = await spendOf(deps.db, summary.bought);
    return { results, summary };
  } finally {
    await session.release();
  }
}

async function retryOne(ctx: RunContext, orderId: string, options: RetryOptions, summary: ShippingSummary): Promise<RetryResult> {
  const s = await shipmentOfOrder(ctx.db, orderId);
  if (!s || s.status !== "label_failed") {
    const message = !s
      ? `Order ${orderId} has no refused label to retry; shipdesk ship buys its label in the normal way.`
      : s.status === "voided" || s.status === "refund_requested"
        ? `The label of order ${orderId} was cancelled, not refused; for a new one: shipdesk void ${orderId} --reship, then shipdesk ship.`
        : `Order ${orderId} is ${s.status.replaceAll("_", " ")}, not refused; there is nothing to retry.`;
    return { orderId, ok: false, message };
  }
  const [order] = await ordersAgain(ctx.db, orderId);
  if (!order || order.again !== "refused") return { orderId, ok: false, message: `Order ${orderId} is no longer accepted at Best Buy (or is flagged for a person); its label is not bought again.` };
  if (order.held_at) return { orderId, ok: false, message: `Order ${orderId} is on hold; release it first (shipdesk hold ${orderId} --release), then buy its label again.` };
  const c = asShippable(order, await packagesOf(ctx, [order]), ctx.settings);
  if (c.problems.length > 0) {
    ctx.emit({ type: "skipped", orderId, problems: c.problems });
    return { orderId, ok: false, message: `Order ${orderId} cannot be bought again as it is: ${c.problems.map((p) => p.message).join(" ")}` };
  }
  const weightKg = options.weights?.get(orderId);
  let choice = options.choices?.get(orderId);
  if (!choice) {
    choice = await priceOrder(ctx, orderToPrice(c, weightKg));
    ctx.emit({ type: "priced", orderId, choice });
  }
  const id = await reopenFailedShipment(ctx.session, claimOf(ctx, c, s.create_attempt + 1, weightKg, choice));
  if (id === undefined) return { orderId, ok: false, message: `Order ${orderId} is being retried by another shipdesk right now.` };
  try {
    ctx.emit({ type: "claimed", orderId });
    await finishShipment(ctx, id, true, summary);
  } finally {
    await unlockShipment(ctx.session, id);
  }
  return { orderId, ok: true };
}

/** Fetches a saved label again (the print page's reprint of a missing file). Never buys one. */
export async function refetchLabel(deps: ShippingDeps, shipmentId: number): Promise<{ ok: true; path: string } | { ok: false; message: string }> {
  const session = await deps.db.reserve();
  const ctx = runContext(deps, session);
  try {
    let result: { ok: true; path: string } | { ok: false; message: string } = {
      ok: false,
      message: "Another shipdesk is working on this label right now; try again in a moment.",
    };
    await withShipmentLock(ctx, shipmentId, async () => {
      result = await refetch(ctx, shipmentId);
    });
    return result;
  } finally {
    await session.release();
  }
}
