import type { PriceQuote } from "../canadapost/index.ts";
import { addBusinessDays } from "../common/calendar.ts";
import { money } from "../common/money.ts";
import type { OrderPromise } from "./promise.ts";

/** Why an order ships with the service it does, in the clerk's words (review screen, log). */
export type ServiceReason = "clerk" | "sku" | "fixed" | "cheapest_on_time" | "fastest_late" | "fallback";

export interface ServiceChoice {
  serviceCode: string;
  reason: ServiceReason;
  /** The chosen service's quote; undefined when Canada Post gave none (rates down, or not asked). */
  quote: PriceQuote | undefined;
  /** True when the service arrives after Best Buy's promise (under the rule: when no allowed one is on time). */
  late: boolean;
  /** One sentence for the review screen and the --auto log. */
  note: string;
  /** Every service Canada Post quoted in the same answer (the service pickers list them); empty without rates. */
  quotes: PriceQuote[];
  /** YYYY-MM-DD: the mailing day the quotes were asked for. */
  mailingDay: string;
}

/** Dollars and cents, as the clerk reads a price: $84.21. */
export function describeQuote(q: PriceQuote | undefined): string {
  if (!q) return "price unknown";
  return `${money(q.due)}${q.expectedDeliveryDate ? `, arrives ${q.expectedDeliveryDate}` : ""}`;
}

/** The day the quote says it arrives; from the transit days when only those are given. */
function arrives(q: PriceQuote, mailingDay: string): string | undefined {
  return q.expectedDeliveryDate ?? (q.transitDays !== undefined ? addBusinessDays(mailingDay, q.transitDays) : undefined);
}

/**
 * On time means: delivered by `delivery_date.latest` when Best Buy gave one; otherwise mailed by
 * `shipping_deadline`, i.e. delivered no later than the deadline plus the service's own transit
 * days. With no promise at all, every service is on time.
 */
export function onTime(q: PriceQuote, promise: OrderPromise, mailingDay: string): boolean {
  const day = arrives(q, mailingDay);
  if (promise.deliverBy) return day !== undefined && day <= promise.deliverBy;
  if (promise.shipBy) {
    if (day === undefined || q.transitDays === undefined) return mailingDay <= promise.shipBy;
    return day <= addBusinessDays(promise.shipBy, q.transitDays);
  }
  return true;
}

/** "delivery by 2026-12-09", "shipping by 2026-12-08": Best Buy's promise in words. */
export const promised = (p: OrderPromise) => (p.deliverBy ? `delivery by ${p.deliverBy}` : p.shipBy ? `shipping by ${p.shipBy}` : "no date");

/**
 * The rule: of the allowed services Canada Post quoted, the cheapest that is on time (the faster
 * of two equal prices); when none is, the fastest, said so. Quotes for services not allowed are
 * ignored. Undefined when no allowed service was quoted at all (the caller falls back).
 */
export function cheapestOnTime(quotes: readonly PriceQuote[], allowed: readonly string[], promise: OrderPromise, mailingDay: string): ServiceChoice | undefined {
  const candidates = quotes.filter((q) => allowed.includes(q.serviceCode));
  if (candidates.length === 0) return undefined;
  const timely = candidates.filter((q) => onTime(q, promise, mailingDay));
  if (timely.length > 0) {
    const best = [...timely].sort((a, b) => a.due - b.due || (arrives(a, mailingDay) ?? "9").localeCompare(arrives(b, mailingDay) ?? "9"))[0]!;
    return {
      serviceCode: best.serviceCode,
      reason: "cheapest_on_time",
      quote: best,
      late: false,
      note: `${best.serviceCode}: the cheapest allowed service on time (${promised(promise)}), ${describeQuote(best)}`,
      quotes: [...quotes],
      mailingDay,
    };
  }
  const fastest = [...candidates].sort(
    (a, b) => (arrives(a, mailingDay) ?? "9").localeCompare(arrives(b, mailingDay) ?? "9") || (a.transitDays ?? 99) - (b.transitDays ?? 99) || a.due - b.due,
  )[0]!;
  return {
    serviceCode: fastest.serviceCode,
    reason: "fastest_late",
    quote: fastest,
    late: true,
    note: `${fastest.serviceCode}: no allowed service arrives in time (${promised(promise)}); the fastest, ${describeQuote(fastest)}`,
    quotes: [...quotes],
    mailingDay,
  };
}
