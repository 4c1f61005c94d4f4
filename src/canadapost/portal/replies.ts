import * as v from "valibot";
import { manifestOf, shipmentLinksOf, taxesOf, type Manifest, type RefundTicket, type ShipmentDetails, type ShipmentInfo, type ShipmentPrice } from "../answers.ts";
import type { CanadaPostMessage } from "../error.ts";
import type { Link } from "../links.ts";
import { cheapestFirst, type PriceQuote } from "../rates.ts";
import type { ServiceListing } from "../services.ts";

/**
 * The Developer Portal's JSON replies → the same values the XML replies give, checked with
 * valibot on the way in (shapes: the Shipping OpenAPI's response schemas). Anything else is
 * undefined: the caller treats it as no usable answer.
 */
function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const text = v.pipe(v.string(), v.minLength(1));
const optionalText = v.optional(v.nullable(v.string()));
const money = v.pipe(v.union([v.number(), v.pipe(v.string(), v.regex(/^-?\d+(\.\d+)?$/), v.transform(Number))]), v.number());

const LinkSchema = v.pipe(
  v.object({ rel: text, href: v.pipe(v.string(), v.url()), mediaType: text, index: v.optional(v.union([v.number(), v.pipe(v.string(), v.digits(), v.transform(Number))])) }),
  v.transform((l): Link => ({ rel: l.rel, href: l.href, mediaType: l.mediaType, ...(l.index === undefined ? {} : { index: l.index }) })),
);
const LinksSchema = v.array(LinkSchema);

const PriceSchema = v.object({
  serviceCode: optionalText,
  preTaxAmount: money,
  gstAmount: v.optional(money, 0),
  pstAmount: v.optional(money, 0),
  hstAmount: v.optional(money, 0),
  dueAmount: money,
  serviceStandard: v.optional(v.object({ expectedDeliveryDate: v.optional(v.nullable(v.pipe(v.string(), v.isoDate()))) })),
});

function toPrice(p: v.InferOutput<typeof PriceSchema>): ShipmentPrice {
  return {
    serviceCode: p.serviceCode || undefined,
    preTax: p.preTaxAmount,
    taxes: taxesOf({ gst: p.gstAmount, pst: p.pstAmount, hst: p.hstAmount }),
    due: p.dueAmount,
    expectedDeliveryDate: p.serviceStandard?.expectedDeliveryDate ?? undefined,
  };
}

const ShipmentInfoSchema = v.object({
  customerRequestId: optionalText,
  shipmentId: text,
  shipmentStatus: text,
  trackingPin: optionalText,
  poNumber: optionalText,
  shipmentPrice: v.optional(PriceSchema),
  links: v.pipe(LinksSchema, v.minLength(1)),
});

/** `createShipmentResponse` / `shipmentInfo` → ShipmentInfo. */
export function parseShipmentInfoJson(body: string): ShipmentInfo | undefined {
  const parsed = v.safeParse(ShipmentInfoSchema, json(body));
  if (!parsed.success) return undefined;
  const raw = parsed.output;
  const links = shipmentLinksOf(raw.links);
  if (!links) return undefined;
  return {
    shipmentId: raw.shipmentId,
    status: raw.shipmentStatus,
    trackingPin: raw.trackingPin || undefined,
    requestId: raw.customerRequestId || undefined,
    poNumber: raw.poNumber || undefined,
    links,
    price: raw.shipmentPrice ? toPrice(raw.shipmentPrice) : undefined,
  };
}

/**
 * Get Shipment Price. The spec declares one object; a live client saw an array of quotes
 * (devportal.md §3.4, UNCERTAIN): the first entry is taken then.
 */
export function parseShipmentPriceJson(body: string): ShipmentPrice | undefined {
  const raw = json(body);
  const parsed = v.safeParse(PriceSchema, Array.isArray(raw) ? raw[0] : raw);
  return parsed.success ? toPrice(parsed.output) : undefined;
}

/** Get Shipments, Transmit, Get Manifests: a plain array of links (possibly empty). */
export function parseLinksJson(body: string): Link[] | undefined {
  const raw = json(body);
  // Wrapped forms seen in samples ({links:[…]}) are read too; the spec's is the bare array.
  const list = Array.isArray(raw) ? raw : typeof raw === "object" && raw !== null && Array.isArray((raw as { links?: unknown }).links) ? (raw as { links: unknown[] }).links : undefined;
  const parsed = v.safeParse(LinksSchema, list);
  return parsed.success ? parsed.output : undefined;
}

const DetailsSchema = v.object({
  customerRequestId: optionalText,
  shipmentStatus: text,
  trackingPin: optionalText,
  shipmentDetail: v.object({
    groupId: optionalText,
    transmitShipment: v.optional(v.boolean()),
    deliverySpec: v.object({
      serviceCode: optionalText,
      references: v.optional(v.object({ customerRef1: optionalText, customerRef2: optionalText })),
    }),
  }),
});

/** `shipmentDetails` → the parts a recovery needs. */
export function parseShipmentDetailsJson(body: string): ShipmentDetails | undefined {
  const parsed = v.safeParse(DetailsSchema, json(body));
  if (!parsed.success) return undefined;
  const d = parsed.output;
  const spec = d.shipmentDetail.deliverySpec;
  return {
    status: d.shipmentStatus,
    trackingPin: d.trackingPin || undefined,
    requestId: d.customerRequestId || undefined,
    groupId: d.shipmentDetail.groupId || undefined,
    transmitShipment: d.shipmentDetail.transmitShipment === true,
    customerRef1: spec.references?.customerRef1 || undefined,
    customerRef2: spec.references?.customerRef2 || undefined,
    serviceCode: spec.serviceCode || undefined,
  };
}

const ManifestSchema = v.object({ poNumber: optionalText, links: LinksSchema });

/** Get Manifest: `{poNumber, links}` (artifact = the manifest PDF). */
export function parseManifestJson(body: string): Manifest | undefined {
  const parsed = v.safeParse(ManifestSchema, json(body));
  return parsed.success ? manifestOf(parsed.output.poNumber, parsed.output.links) : undefined;
}

const RefundSchema = v.object({ serviceTicketId: text, serviceTicketDate: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}/)) });

export function parseRefundTicketJson(body: string): RefundTicket | undefined {
  const parsed = v.safeParse(RefundSchema, json(body));
  return parsed.success ? { ticketId: parsed.output.serviceTicketId, ticketDate: parsed.output.serviceTicketDate.slice(0, 10) } : undefined;
}

const TokenSchema = v.object({
  access_token: text,
  token_type: v.optional(v.string()),
  expires_in: v.pipe(v.union([v.number(), v.pipe(v.string(), v.digits(), v.transform(Number))]), v.number(), v.minValue(1)),
});

export interface PortalToken {
  accessToken: string;
  expiresInSeconds: number;
}

/** The token endpoint's `{token_type, access_token, scope, expires_in, consented_on}`. */
export function parseTokenJson(body: string): PortalToken | undefined {
  const parsed = v.safeParse(TokenSchema, json(body));
  if (!parsed.success) return undefined;
  if (parsed.output.token_type !== undefined && parsed.output.token_type.toLowerCase() !== "bearer") return undefined;
  return { accessToken: parsed.output.access_token, expiresInSeconds: parsed.output.expires_in };
}

// Discover Services (rating/v1/services; no Rating OpenAPI is published, devportal.md §3.9): the
// XML <services><service> camel-cased, which by the mirror rule (§4: no root element, repeated
// elements as plain arrays) is an array of {serviceCode, serviceName, link}. UNCERTAIN, so a
// {services: […]} or {service: […]} wrapper is read too.
const ServiceSchema = v.object({ serviceCode: text, serviceName: v.optional(v.nullable(v.string())) });
const ServicesSchema = v.union([
  v.array(ServiceSchema),
  v.pipe(v.object({ services: v.array(ServiceSchema) }), v.transform((x) => x.services)),
  v.pipe(v.object({ service: v.array(ServiceSchema) }), v.transform((x) => x.service)),
]);

export function parseServicesJson(body: string): ServiceListing[] | undefined {
  const parsed = v.safeParse(ServicesSchema, json(body));
  if (!parsed.success) return undefined;
  return parsed.output.map((s) => ({ code: s.serviceCode, name: s.serviceName ?? "" }));
}

// Get Rates (UNCERTAIN shape, see buildRatesJson): the XML price-quote camel-cased, taxes as
// numbers or as {amount|value, percent}.
const tax = v.optional(
  v.pipe(
    v.union([money, v.object({ amount: money }), v.object({ value: money })]),
    v.transform((t) => (typeof t === "number" ? t : "amount" in t ? t.amount : t.value)),
  ),
);
const QuoteSchema = v.object({
  serviceCode: text,
  serviceName: v.optional(v.string(), ""),
  priceDetails: v.object({ base: money, taxes: v.optional(v.object({ gst: tax, pst: tax, hst: tax })), due: money }),
  serviceStandard: v.object({
    guaranteedDelivery: v.optional(v.boolean(), false),
    expectedTransitTime: v.optional(v.number()),
    expectedDeliveryDate: v.optional(v.pipe(v.string(), v.isoDate())),
  }),
});

export function parsePriceQuotesJson(body: string): PriceQuote[] | undefined {
  const raw = json(body);
  const list = Array.isArray(raw) ? raw : typeof raw === "object" && raw !== null ? (raw as { priceQuotes?: unknown }).priceQuotes : undefined;
  const parsed = v.safeParse(v.array(QuoteSchema), list);
  if (!parsed.success) return undefined;
  return cheapestFirst(
    parsed.output.map(({ serviceCode, serviceName, priceDetails, serviceStandard }): PriceQuote => ({
      serviceCode,
      serviceName,
      base: priceDetails.base,
      taxes: taxesOf(priceDetails.taxes),
      due: priceDetails.due,
      transitDays: serviceStandard.expectedTransitTime,
      expectedDeliveryDate: serviceStandard.expectedDeliveryDate,
      guaranteed: serviceStandard.guaranteedDelivery,
    })),
  );
}

/**
 * Every error shape the portal is known to answer with (devportal.md §3.7), as messages:
 * the spec's `{title, detail, errors:[{errorCode, message}]}`, the IBM gateway's 401
 * `{httpCode, httpMessage, moreInformation}` (alone or in an array), `{messages:[{code,
 * description}]}`, and OAuth's `{error, error_description}`. Undefined when none fits.
 */
export function parseErrorJson(body: string): CanadaPostMessage[] | undefined {
  const raw = json(body);
  if (raw === undefined || raw === null) return undefined;
  const items = Array.isArray(raw) ? raw : [raw];
  const out: CanadaPostMessage[] = [];
  let understood = false;
  for (const item of items) {
    if (typeof item !== "object" || item === null) continue;
    const o = item as Record<string, unknown>;
    if (Array.isArray(o.errors)) {
      understood = true;
      for (const e of o.errors as Record<string, unknown>[]) out.push({ code: String(e?.errorCode ?? ""), description: String(e?.message ?? "") });
      if ((o.errors as unknown[]).length === 0 && typeof o.detail === "string") out.push({ code: "", description: o.detail });
    } else if (Array.isArray(o.messages)) {
      understood = true;
      for (const m of o.messages as Record<string, unknown>[]) out.push({ code: String(m?.code ?? ""), description: String(m?.description ?? "") });
    } else if ("httpCode" in o || "httpMessage" in o) {
      understood = true;
      const said = [o.httpMessage, o.moreInformation].filter((x) => typeof x === "string" && x !== "").join(": ");
      out.push({ code: String(o.httpCode ?? ""), description: said });
    } else if (typeof o.error === "string") {
      understood = true;
      out.push({ code: o.error, description: typeof o.error_description === "string" ? o.error_description : o.error });
    }
  }
  return understood ? out : undefined;
}
