import * as v from "valibot";
import { create } from "xmlbuilder2";
import { RATE_NAMESPACE } from "./media-types.ts";
import { readXml } from "./xml.ts";

/** One Get Rates question: a parcel from the sender's postal code to a Canadian one. */
export interface RatesRequest {
  /** The audit's related id (the order). */
  orderId: string;
  /** Upper case, no space. */
  originPostalCode: string;
  destinationPostalCode: string;
  weightKg: number;
  dimensionsCm?: { length: number; width: number; height: number } | undefined;
  /** YYYY-MM-DD, the local day the parcel is mailed. */
  mailingDate: string;
  /** Only these services (at most 20); all the contract's when absent. */
  services?: readonly string[] | undefined;
}

/** What one service would cost for the parcel, and when it would arrive. */
export interface PriceQuote {
  serviceCode: string;
  serviceName: string;
  base: number;
  /** gst + pst + hst. */
  taxes: number;
  /** What Canada Post bills, taxes included. */
  due: number;
  /** Business days in transit, when Canada Post says. */
  transitDays: number | undefined;
  /** YYYY-MM-DD, when Canada Post says. */
  expectedDeliveryDate: string | undefined;
  guaranteed: boolean;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const dim = (n: number) => String(Math.round(n * 10) / 10);

/**
 * The `<mailing-scenario>` (rating.xsd: an xsd:all, so any order is valid; written in the
 * schema's order for the reader). Contract rates: customer number and contract id.
 */
export function buildRatesXml(r: RatesRequest, account: { customerNumber: string; contractId?: string | undefined }): string {
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(RATE_NAMESPACE, "mailing-scenario");
  doc.ele("customer-number").txt(account.customerNumber);
  if (account.contractId) doc.ele("contract-id").txt(account.contractId);
  doc.ele("quote-type").txt("commercial");
  doc.ele("expected-mailing-date").txt(r.mailingDate);
  const parcel = doc.ele("parcel-characteristics");
  parcel.ele("weight").txt(String(Math.min(99.999, Math.max(0.001, round3(r.weightKg)))));
  if (r.dimensionsCm) {
    const d = parcel.ele("dimensions");
    d.ele("length").txt(dim(r.dimensionsCm.length));
    d.ele("width").txt(dim(r.dimensionsCm.width));
    d.ele("height").txt(dim(r.dimensionsCm.height));
  }
  if (r.services && r.services.length > 0) {
    const services = doc.ele("services");
    for (const code of r.services.slice(0, 20)) services.ele("service-code").txt(code);
  }
  doc.ele("origin-postal-code").txt(r.originPostalCode);
  doc.ele("destination").ele("domestic").ele("postal-code").txt(r.destinationPostalCode);
  return doc.end({ prettyPrint: false });
}

const decimal = v.pipe(v.string(), v.regex(/^-?\d+(\.\d+)?$/), v.transform(Number));
// A tax element carries a percent attribute, so it parses as { "#text", percent } or a plain string.
const tax = v.optional(
  v.pipe(
    v.union([v.string(), v.object({ "#text": v.string() })]),
    v.transform((t) => (typeof t === "string" ? t : t["#text"])),
    v.regex(/^-?\d+(\.\d+)?$/),
    v.transform(Number),
  ),
);
const flag = v.pipe(v.picklist(["true", "false"]), v.transform((x) => x === "true"));

const PriceQuoteSchema = v.object({
  "service-code": v.pipe(v.string(), v.minLength(1)),
  "service-name": v.string(),
  "price-details": v.object({
    base: decimal,
    taxes: v.optional(v.union([v.literal(""), v.object({ gst: tax, pst: tax, hst: tax })])),
    due: decimal,
  }),
  "service-standard": v.object({
    "am-delivery": flag,
    "guaranteed-delivery": flag,
    "expected-transit-time": v.optional(v.pipe(v.string(), v.digits(), v.transform(Number))),
    "expected-delivery-date": v.optional(v.pipe(v.string(), v.isoDate())),
  }),
});

const PriceQuotesSchema = v.union([v.literal(""), v.object({ "price-quote": v.optional(v.array(PriceQuoteSchema), []) })]);

/** `<price-quotes>` → the quotes, cheapest first; undefined when the reply is not one. */
export function parsePriceQuotes(xml: string): PriceQuote[] | undefined {
  const doc = readXml(xml);
  if (doc?.root !== "price-quotes") return undefined;
  const parsed = v.safeParse(PriceQuotesSchema, doc.content);
  if (!parsed.success) return undefined;
  const quotes = parsed.output === "" ? [] : parsed.output["price-quote"];
  return quotes
    .map((q): PriceQuote => {
      const t = q["price-details"].taxes;
      const taxes = t ? (t.gst ?? 0) + (t.pst ?? 0) + (t.hst ?? 0) : 0;
      return {
        serviceCode: q["service-code"],
        serviceName: q["service-name"],
        base: q["price-details"].base,
        taxes: Math.round(taxes * 100) / 100,
        due: q["price-details"].due,
        transitDays: q["service-standard"]["expected-transit-time"],
        expectedDeliveryDate: q["service-standard"]["expected-delivery-date"],
        guaranteed: q["service-standard"]["guaranteed-delivery"],
      };
    })
    .sort((a, b) => a.due - b.due);
}
