import * as v from "valibot";
import { create } from "xmlbuilder2";
import { taxesOf } from "../answers.ts";
import { cheapestFirst, ratesParcel, type PriceQuote, type RatesRequest } from "../rates.ts";
import { RATE_NAMESPACE } from "./media-types.ts";
import { readXml } from "./read-xml.ts";

/**
 * The `<mailing-scenario>` (rating.xsd: an xsd:all, so any order is valid; written in the
 * schema's order for the reader). Contract rates: customer number and contract id.
 */
export function buildRatesXml(r: RatesRequest, account: { customerNumber: string; contractId?: string | undefined }): string {
  const parcel = ratesParcel(r);
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(RATE_NAMESPACE, "mailing-scenario");
  doc.ele("customer-number").txt(account.customerNumber);
  if (account.contractId) doc.ele("contract-id").txt(account.contractId);
  doc.ele("quote-type").txt("commercial");
  doc.ele("expected-mailing-date").txt(r.mailingDate);
  const characteristics = doc.ele("parcel-characteristics");
  characteristics.ele("weight").txt(String(parcel.weightKg));
  if (parcel.dimensionsCm) {
    const d = characteristics.ele("dimensions");
    for (const side of ["length", "width", "height"] as const) d.ele(side).txt(String(parcel.dimensionsCm[side]));
  }
  if (parcel.services) {
    const services = doc.ele("services");
    for (const code of parcel.services) services.ele("service-code").txt(code);
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
  return cheapestFirst(
    quotes.map((q): PriceQuote => {
      const price = q["price-details"];
      const standard = q["service-standard"];
      return {
        serviceCode: q["service-code"],
        serviceName: q["service-name"],
        base: price.base,
        taxes: taxesOf(price.taxes || undefined),
        due: price.due,
        transitDays: standard["expected-transit-time"],
        expectedDeliveryDate: standard["expected-delivery-date"],
        guaranteed: standard["guaranteed-delivery"],
      };
    }),
  );
}
