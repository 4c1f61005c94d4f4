import { normalizePostalCode } from "../address/index.ts";
import type { CarrierOutcome, PriceQuote, ShippingCarrier } from "../canadapost/index.ts";
import type { CanadaPostSettings, RunSettings } from "../config/index.ts";
import { localDay } from "../common/calendar.ts";
import { inPool } from "../common/pool.ts";
import { cheapestOnTime, describeQuote, onTime, promised, type ServiceChoice } from "./choose.ts";
import { orderPromise } from "./promise.ts";
import { SERVICES } from "./services.ts";

/** An order ready to be priced: where it goes, in what parcel, and whose service wins. */
export interface OrderToPrice {
  orderId: string;
  postalCode: string | null;
  /** OR11 as Best Buy sent it: the promise dates are read from it. */
  raw: unknown;
  weightKg: number;
  dimensionsCm: { length: number; width: number; height: number } | undefined;
  /** The clerk's choice in the review screen (orders.service_override). */
  clerkService: string | null;
  /** The preset of the order's SKU(s), when every line's SKU has the same one. */
  skuService: string | null;
}

export interface PricingDeps {
  carrier: Pick<ShippingCarrier, "getRates">;
  settings: { canadaPost: Pick<CanadaPostSettings, "serviceRule" | "serviceCode" | "services" | "sender">; run: Pick<RunSettings, "concurrency"> };
  now?: () => Date;
}

async function rates(deps: PricingDeps, o: OrderToPrice, services: readonly string[], mailingDay: string): Promise<CarrierOutcome<PriceQuote[]>> {
  const destination = normalizePostalCode(o.postalCode);
  if (!destination) return { kind: "ok", value: [] };
  const request = {
    orderId: o.orderId,
    originPostalCode: deps.settings.canadaPost.sender.postalCode.toUpperCase().replace(/\s/g, ""),
    destinationPostalCode: destination.replace(/\s/g, ""),
    weightKg: o.weightKg,
    dimensionsCm: o.dimensionsCm,
    mailingDate: mailingDay,
    services,
  };
  // One question, never waited on: a throttled or failed quote means the fallback service (the
  // label is bought either way), not a run held up for a price.
  return deps.carrier.getRates(request);
}

const why = (o: CarrierOutcome<unknown>) => (o.kind === "ok" ? "no allowed service was quoted" : o.error.message);

/**
 * What one Get Rates asks for: the services the choice is made from, and every service a clerk
 * may pick (the pickers list each with its price and date), in the same single question.
 */
const asked = (services: readonly string[]): string[] => [...new Set([...services, ...SERVICES.map((s) => s.code)])];

/** One order's service: the clerk's, the SKU's preset, the fixed setting, or the rule; priced. */
export async function priceOrder(deps: PricingDeps, o: OrderToPrice): Promise<ServiceChoice> {
  const cp = deps.settings.canadaPost;
  const mailingDay = localDay(deps.now?.() ?? new Date());
  const chosen: [string, "clerk" | "sku" | "fixed"] | undefined = o.clerkService
    ? [o.clerkService, "clerk"]
    : o.skuService
      ? [o.skuService, "sku"]
      : cp.serviceRule === "fixed"
        ? [cp.serviceCode, "fixed"]
        : undefined;
  const promise = orderPromise(o.raw);
  if (chosen) {
    const [code, reason] = chosen;
    const answer = await rates(deps, o, asked([code]), mailingDay);
    const quotes = answer.kind === "ok" ? answer.value : [];
    const quote = quotes.find((q) => q.serviceCode === code);
    const by = reason === "clerk" ? "the clerk's choice" : reason === "sku" ? "the SKU's preset" : "canadapost.service";
    const price = quote ? describeQuote(quote) : `price unknown (${why(answer)})`;
    // A service someone chose is bought as chosen, but one that misses the promise is said so.
    const late = quote !== undefined && !onTime(quote, promise, mailingDay);
    const after = late ? `, after Best Buy's promise (${promised(promise)})` : "";
    return { serviceCode: code, reason, quote, late, note: `${code}: ${by}, ${price}${after}`, quotes, mailingDay };
  }
  const answer = await rates(deps, o, asked(cp.services), mailingDay);
  const choice = answer.kind === "ok" ? cheapestOnTime(answer.value, cp.services, promise, mailingDay) : undefined;
  if (choice) return choice;
  return {
    serviceCode: cp.serviceCode,
    reason: "fallback",
    quote: undefined,
    late: false,
    note: `${cp.serviceCode}: no rates from Canada Post (${why(answer)}); bought with the fallback service (canadapost.fallback_service)`,
    quotes: answer.kind === "ok" ? answer.value : [],
    mailingDay,
  };
}

/** Every order's choice, asked side by side (Get Rates has its own throttle group). */
export async function priceOrders(deps: PricingDeps, orders: readonly OrderToPrice[]): Promise<Map<string, ServiceChoice>> {
  const choices = new Map<string, ServiceChoice>();
  await inPool(orders, deps.settings.run.concurrency, async (o) => {
    choices.set(o.orderId, await priceOrder(deps, o));
  });
  return choices;
}

/** The batch's total, taxes included, and how many labels have no price. */
export function batchTotal(choices: Iterable<ServiceChoice>): { due: number; unpriced: number; count: number } {
  let due = 0;
  let unpriced = 0;
  let count = 0;
  for (const c of choices) {
    count++;
    if (c.quote) due += c.quote.due;
    else unpriced++;
  }
  return { due: Math.round(due * 100) / 100, unpriced, count };
}
