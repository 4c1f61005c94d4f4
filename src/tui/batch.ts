import { ADDRESS_CODES, fitAddress, provinceCode } from "../address/index.ts";
import type { Settings } from "../config/index.ts";
import type { ShipOptions, ShippableOrder } from "../shipping/index.ts";
import { money } from "../common/money.ts";
import { orderPromise, type OrderPromise, type ServiceChoice } from "../rates/index.ts";
import { linesOf, shipToOf } from "../common/order-row.ts";
import { parseDeadline } from "../deadlines/index.ts";
import { orderToPrice } from "../shipping/index.ts";
import { formatKg } from "./weight.ts";

/** One order as the review screen shows it. */
export interface ReviewRow {
  orderId: string;
  name: string;
  /** "Halifax, NS". */
  place: string;
  service: string;
  /** Taxes included, from Get Rates; undefined when Canada Post gave no quote (yet). */
  price: number | undefined;
  /** YYYY-MM-DD, Canada Post's expected delivery. */
  arrives: string | undefined;
  /** Why this service, in a sentence; set once priced. */
  serviceNote: string | undefined;
  /** No allowed service arrives by Best Buy's promise (the fastest was taken), or no rates: a fallback. */
  warn: boolean;
  weightKg: number;
  /** Where the weight came from, in the clerk's words. */
  weightFrom: string;
  problems: string[];
  /** How to fix the problems in this screen; undefined when there are none. */
  fix: string | undefined;
  /** The street lines as the label will print them, in one line. */
  address: string;
  /** Orders with problems, or on hold, are shown but can never be put in the batch. */
  selectable: boolean;
  /** Best Buy's shipping deadline: the list is in its order, each with the time left. */
  deadline: Date | undefined;
  /** What Best Buy promised (delivery by, or shipping by): a service arriving later is said late. */
  promise: OrderPromise;
  /** The clerk held it (shipdesk hold, or Hold here): no run buys it until released. */
  held: { since: Date; by: string | null } | undefined;
  /** Set when the order holds one SKU: a weight typed for it can become that SKU's preset. */
  singleSku: { sku: string; quantity: number } | undefined;
  /**
   * Canada Post refused its label, or the clerk voided it: left out of the batch unless the clerk
   * puts it in (a plain run never buys it again), then bought as it would be built now.
   */
  again: { kind: "refused" | "voided"; reason: string } | undefined;
}

/** The clerk's batch while it is being reviewed: nothing here has been bought. */
export interface Review {
  rows: ReviewRow[];
  /** Orders in the batch; never one with problems. */
  selected: ReadonlySet<string>;
  /** Weights typed in this session, passed on to the run so the labels carry exactly them. */
  weights: ReadonlyMap<string, number>;
  /** Each order's service and quote, as shown; the run buys exactly these (no second quote). */
  choices: ReadonlyMap<string, ServiceChoice>;
}

const WEIGHT_FROM: Record<ShippableOrder["parcel"]["source"], string> = {
  override: "set for this order",
  sku: "SKU preset",
  default: "default parcel",
  mixed: "SKU presets + default parcel",
};

/** The fix in the review screen's own words: its menus, not a command to type. */
function fixHere(s: ShippableOrder): string | undefined {
  if (s.problems.length === 0) return s.order.held_at ? `to ship it, release the hold: "Yes, change an order" > the order > Release the hold.` : undefined;
  const codes = new Set(s.problems.map((p) => p.code));
  if (codes.has("foreign_destination") || codes.has("bad_country")) return "ship this one by hand: shipdesk buys domestic labels only.";
  const parts: string[] = [];
  if ([...codes].some((c) => ADDRESS_CODES.has(c))) parts.push(`correct the address here: "Yes, change an order" > the order > Address (Best Buy's stays as it is)`);
  if (codes.has("too_heavy") || codes.has("missing_weight")) parts.push(`set the weight: "Yes, change an order" > the order > Weight`);
  if (parts.length === 0) return "check the order in the Best Buy seller portal, then sync again.";
  return `${parts.join("; ")}.`;
}

function rowOf(s: ShippableOrder, choice?: ServiceChoice): ReviewRow {
  const o = s.order;
  const fitted = fitAddress(shipToOf(o)).address;
  const province = provinceCode(o.ship_province) ?? o.ship_province?.trim() ?? "";
  const city = o.ship_city?.trim() ?? "";
  const lines = linesOf(o.order_lines);
  const skus = new Set(lines.map((l) => l.sku));
  const only = lines[0];
  return {
    orderId: o.order_id,
    name: o.customer_name?.trim() || o.ship_company?.trim() || "(no name)",
    place: [city, province].filter(Boolean).join(", ") || "(no address)",
    service: choice?.serviceCode ?? s.serviceCode,
    price: choice?.quote?.due,
    arrives: choice?.quote?.expectedDeliveryDate,
    serviceNote: choice?.note,
    warn: choice !== undefined && (choice.late || choice.reason === "fallback"),
    weightKg: s.parcel.weightKg,
    weightFrom: WEIGHT_FROM[s.parcel.source],
    problems: s.problems.map((p) => p.message),
    fix: fixHere(s),
    address: [fitted.line1, fitted.line2].filter((l) => l !== "").join(" / ") || "(no street)",
    selectable: s.problems.length === 0 && !o.held_at,
    deadline: parseDeadline(o.shipping_deadline),
    promise: orderPromise(orderToPrice(s).raw),
    held: o.held_at ? { since: new Date(o.held_at), by: o.held_by } : undefined,
    singleSku:
      skus.size === 1 && only?.sku ? { sku: only.sku, quantity: lines.reduce((n, l) => n + l.quantity, 0) } : undefined,
    again: s.again,
  };
}

function withTypedWeights(rows: ReviewRow[], weights: ReadonlyMap<string, number>): ReviewRow[] {
  return rows.map((r) => {
    const kg = weights.get(r.orderId);
    return kg === undefined ? r : { ...r, weightKg: kg, weightFrom: "set now" };
  });
}

/**
 * The review as it opens: every order without a label, all shippable ones in the batch (not a
 * refused or voided one: the clerk puts it in), priced when `choices` are given.
 */
export function startReview(shippable: readonly ShippableOrder[], choices: ReadonlyMap<string, ServiceChoice> = new Map()): Review {
  const rows = shippable.map((s) => rowOf(s, choices.get(s.order.order_id)));
  return { rows, selected: new Set(rows.filter((r) => r.selectable && !r.again).map((r) => r.orderId)), weights: new Map(), choices };
}

/** A new choice for one order (its weight, service or address changed): shown at once, bought as shown. */
export function withChoice(review: Review, orderId: string, choice: ServiceChoice): Review {
  const choices = new Map(review.choices).set(orderId, choice);
  return {
    ...review,
    choices,
    rows: review.rows.map((r) =>
      r.orderId !== orderId
        ? r
        : { ...r, service: choice.serviceCode, price: choice.quote?.due, arrives: choice.quote?.expectedDeliveryDate, serviceNote: choice.note, warn: choice.late || choice.reason === "fallback" },
    ),
  };
}

/** The batch's total, taxes included, and how many of its labels have no quote. */
export function batchPrice(review: Review): { due: number; unpriced: number } {
  let due = 0;
  let unpriced = 0;
  for (const r of review.rows) {
    if (!review.selected.has(r.orderId)) continue;
    if (r.price === undefined) unpriced++;
    else due += r.price;
  }
  return { due: Math.round(due * 100) / 100, unpriced };
}

/** The clerk's multiselect answer: only those orders stay in the batch. */
export function keepOnly(review: Review, kept: readonly string[]): Review {
  const selectable = new Set(review.rows.filter((r) => r.selectable).map((r) => r.orderId));
  return { ...review, selected: new Set(kept.filter((id) => selectable.has(id))) };
}

/**
 * The rows read again after a change was saved. Orders left out stay out; an order whose
 * problem the change fixed (a missing or too-heavy weight) joins the batch, since fixing it
 * was the point, as does a refused or voided order the clerk just changed (`changed`); an order
 * that now has a problem leaves it.
 */
export function refreshReview(review: Review, shippable: readonly ShippableOrder[], changed?: string): Review {
  const before = new Map(review.rows.map((r) => [r.orderId, r]));
  const rows = withTypedWeights(
    shippable.map((s) => rowOf(s, review.choices.get(s.order.order_id))),
    review.weights,
  );
  const selected = new Set<string>();
  for (const r of rows) {
    if (!r.selectable) continue;
    const old = before.get(r.orderId);
    if (review.selected.has(r.orderId) || (old !== undefined && !old.selectable) || (r.again && r.orderId === changed)) selected.add(r.orderId);
  }
  return { rows, selected, weights: review.weights, choices: review.choices };
}

/** A weight the clerk typed: shown at once and used for this run's label. */
export function withWeight(review: Review, orderId: string, kg: number): Review {
  const weights = new Map(review.weights).set(orderId, kg);
  return { ...review, weights, rows: withTypedWeights(review.rows, weights) };
}

export function rowOfOrder(review: Review, orderId: string): ReviewRow | undefined {
  return review.rows.find((r) => r.orderId === orderId);
}

/**
 * What the run gets: exactly the confirmed orders (`only`: new labels; `refused` and `voided`:
 * bought again), and the weights and priced services shown for them.
 */
export function shipOptions(review: Review): Required<Pick<ShipOptions, "only" | "weights" | "choices">> & { refused: string[]; voided: string[] } {
  const picked = review.rows.filter((r) => review.selected.has(r.orderId));
  const only = picked.filter((r) => !r.again).map((r) => r.orderId);
  const refused = picked.filter((r) => r.again?.kind === "refused").map((r) => r.orderId);
  const voided = picked.filter((r) => r.again?.kind === "voided").map((r) => r.orderId);
  const weights = new Map([...review.weights].filter(([id]) => review.selected.has(id)));
  const choices = new Map([...review.choices].filter(([id]) => review.selected.has(id)));
  return { only, refused, voided, weights, choices };
}

const labels = (n: number) => `${n} label${n === 1 ? "" : "s"}`;



/** "for $84.21 (taxes included)", or what is known when some labels have no quote. */
export function priceText(price: { due: number; unpriced: number } | undefined, count: number): string {
  if (!price || price.unpriced === count) return "";
  const some = price.unpriced > 0 ? `; ${price.unpriced} without a price` : "";
  return ` for ${money(price.due)} (taxes included${some})`;
}

/** The question before anything is bought, with the batch's price; a live run says that it costs money. */
export function confirmText(count: number, mode: Settings["mode"], price?: { due: number; unpriced: number }): string {
  const where = mode === "live" ? "LIVE: billed to your Canada Post account" : "SANDBOX";
  return `Buy ${labels(count)}${priceText(price, count)} from Canada Post (${where})?`;
}

/** The weight column: "1.5 kg (SKU preset)". */
export function weightText(row: ReviewRow): string {
  return `${formatKg(row.weightKg)} (${row.weightFrom})`;
}

/** The question about a typed weight, when it can become the SKU's preset. */
export function presetQuestion(row: ReviewRow, kg: number): string | undefined {
  const one = row.singleSku;
  if (!one) return undefined;
  if (one.quantity === 1) return `Save ${formatKg(kg)} as the preset weight of SKU ${one.sku}, for every order of it?`;
  return `Save ${formatKg(perUnit(kg, one.quantity))} per unit (${formatKg(kg)} / ${one.quantity}) as the preset weight of SKU ${one.sku}?`;
}

// Never below a gram: the database refuses a zero weight.
export const perUnit = (kg: number, quantity: number) => Math.max(0.001, Math.round((kg / quantity) * 1000) / 1000);
