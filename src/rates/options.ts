// The service pickers (the desk, the print page's Needs attention, shipdesk service): each service
// a clerk may choose, with its price and expected delivery from the quotes already fetched, and
// whether it arrives after Best Buy's promise.
import type { PriceQuote } from "../canadapost/index.ts";
import { money } from "../common/money.ts";
import { onTime, promised } from "./choose.ts";
import type { OrderPromise } from "./promise.ts";
import { SERVICES, serviceWithName } from "./services.ts";

export interface ServiceOption {
  code: string;
  name: string;
  /** Undefined when Canada Post gave no quote for it (rates down, not offered for this parcel). */
  quote: PriceQuote | undefined;
  /** Arrives after Best Buy's promise; false when unknown (no quote, or no promise). */
  late: boolean;
}

/** Every service a clerk may choose, cheapest first as SERVICES lists them, with its quote. */
export function serviceOptions(quotes: readonly PriceQuote[], promise: OrderPromise, mailingDay: string): ServiceOption[] {
  return SERVICES.map((s) => {
    const quote = quotes.find((q) => q.serviceCode === s.code);
    return { code: s.code, name: s.name, quote, late: quote !== undefined && !onTime(quote, promise, mailingDay) };
  });
}

/** "$18.88, arrives 2026-12-11", or "no quote". */
export function optionPrice(o: ServiceOption): string {
  if (!o.quote) return "no quote";
  return `${money(o.quote.due)}${o.quote.expectedDeliveryDate ? `, arrives ${o.quote.expectedDeliveryDate}` : ""}`;
}

/** "DOM.RP Regular Parcel — $18.88, arrives 2026-12-11 — LATE: after delivery by 2026-12-09". */
export function optionText(o: ServiceOption, promise: OrderPromise): string {
  return `${o.code} ${o.name} — ${optionPrice(o)}${o.late ? ` — LATE: after ${promised(promise)}` : ""}`;
}

/** The question before a late choice: "DOM.RP (Regular Parcel) arrives 2026-12-11, after Best Buy's promise (delivery by 2026-12-09)." */
export function lateWarning(o: ServiceOption, promise: OrderPromise): string {
  const arrives = o.quote?.expectedDeliveryDate ? `arrives ${o.quote.expectedDeliveryDate}` : "arrives too late";
  return `${serviceWithName(o.code)} ${arrives}, after Best Buy's promise (${promised(promise)}): the order would reach the customer late.`;
}

/** The on-time services of the list, as a sentence offers them: "DOM.XP ($31.49, arrives 2026-12-09)". */
export function onTimeAlternatives(options: readonly ServiceOption[]): string {
  const good = options.filter((o) => o.quote && !o.late);
  return good.map((o) => `${o.code} (${optionPrice(o)})`).join(", ");
}

/** What is kept with a label's claim, so the print page can list the options without asking again. */
export interface StoredQuotes {
  mailingDay: string;
  quotes: PriceQuote[];
}

/** shipments.quotes as stored (jsonb, parsed or not); undefined when none or not that shape. */
export function storedQuotes(value: unknown): StoredQuotes | undefined {
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const { mailingDay, quotes } = parsed as { mailingDay?: unknown; quotes?: unknown };
  if (typeof mailingDay !== "string" || !Array.isArray(quotes)) return undefined;
  return { mailingDay, quotes: quotes.filter((q): q is PriceQuote => typeof q === "object" && q !== null && typeof (q as PriceQuote).serviceCode === "string" && typeof (q as PriceQuote).due === "number") };
}
