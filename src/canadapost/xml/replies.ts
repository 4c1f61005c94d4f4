import * as v from "valibot";
import { manifestOf, shipmentLinksOf, taxesOf, type Manifest, type RefundTicket, type ShipmentDetails, type ShipmentInfo, type ShipmentPrice } from "../answers.ts";
import type { CanadaPostMessage } from "../error.ts";
import type { Link } from "../links.ts";
import { readXml } from "./read-xml.ts";

/*
 * The XML replies → the contract's values (answers.ts), checked with valibot on the way in.
 * Anything else is undefined: the caller treats it as no usable answer.
 */

const text = v.pipe(v.string(), v.minLength(1));
const optionalText = v.optional(v.string());
// An element with no content parses as "", a self-closing list as "" too.
const emptyAsObject = <T extends v.GenericSchema>(schema: T) =>
  v.pipe(
    v.union([v.literal(""), schema]),
    v.transform((x) => (x === "" ? {} : x)),
  );

const LinkSchema = v.pipe(
  v.object({ rel: text, href: v.pipe(v.string(), v.url()), "media-type": text, index: v.optional(v.pipe(v.string(), v.digits())) }),
  v.transform((l): Link => ({ rel: l.rel, href: l.href, mediaType: l["media-type"], ...(l.index === undefined ? {} : { index: Number(l.index) }) })),
);
const LinkList = v.optional(v.array(LinkSchema), []);

const amount = v.pipe(v.string(), v.regex(/^-?\d+(\.\d+)?$/), v.transform(Number));
const ShipmentPriceSchema = v.object({
  "service-code": optionalText,
  "pre-tax-amount": amount,
  "gst-amount": v.optional(amount, "0"),
  "pst-amount": v.optional(amount, "0"),
  "hst-amount": v.optional(amount, "0"),
  "due-amount": amount,
  "service-standard": v.optional(v.object({ "expected-delivery-date": v.optional(v.pipe(v.string(), v.isoDate())) })),
});

const ShipmentInfoSchema = v.object({
  "customer-request-id": optionalText,
  "shipment-id": text,
  "shipment-status": text,
  "tracking-pin": optionalText,
  "po-number": optionalText,
  "shipment-price": v.optional(ShipmentPriceSchema),
  links: v.object({ link: v.pipe(v.array(LinkSchema), v.minLength(1)) }),
});

function toShipmentInfo(raw: v.InferOutput<typeof ShipmentInfoSchema>): ShipmentInfo | undefined {
  const links = shipmentLinksOf(raw.links.link);
  if (!links) return undefined;
  return {
    shipmentId: raw["shipment-id"],
    status: raw["shipment-status"],
    trackingPin: raw["tracking-pin"] || undefined,
    requestId: raw["customer-request-id"] || undefined,
    poNumber: raw["po-number"] || undefined,
    links,
    price: priceOf(raw["shipment-price"]),
  };
}

function priceOf(p: v.InferOutput<typeof ShipmentPriceSchema> | undefined): ShipmentPrice | undefined {
  if (!p) return undefined;
  return {
    serviceCode: p["service-code"] || undefined,
    preTax: p["pre-tax-amount"],
    taxes: taxesOf({ gst: p["gst-amount"], pst: p["pst-amount"], hst: p["hst-amount"] }),
    due: p["due-amount"],
    expectedDeliveryDate: p["service-standard"]?.["expected-delivery-date"],
  };
}

function rootIs(text: string, name: string): unknown {
  const doc = readXml(text);
  return doc?.root === name ? doc.content : undefined;
}

/** `<shipment-info>` → ShipmentInfo; undefined when the reply is not one. */
export function parseShipmentInfo(xml: string): ShipmentInfo | undefined {
  const parsed = v.safeParse(ShipmentInfoSchema, rootIs(xml, "shipment-info"));
  return parsed.success ? toShipmentInfo(parsed.output) : undefined;
}

const ShipmentsSchema = emptyAsObject(v.object({ link: LinkList, "shipment-info": v.optional(v.array(v.unknown())) }));

/** `<shipments>` (Get Shipments) → the shipment links, possibly none. */
export function parseShipmentLinks(xml: string): Link[] | undefined {
  const parsed = v.safeParse(ShipmentsSchema, rootIs(xml, "shipments"));
  if (!parsed.success) return undefined;
  const out = parsed.output as { link?: Link[] };
  return out.link ?? [];
}

const ShipmentDetailsSchema = v.object({
  "customer-request-id": optionalText,
  "shipment-status": text,
  "tracking-pin": optionalText,
  "shipment-detail": v.object({
    "group-id": v.optional(v.array(v.string())),
    "transmit-shipment": optionalText,
    "delivery-spec": v.object({
      "service-code": optionalText,
      references: v.optional(emptyAsObject(v.object({ "customer-ref-1": optionalText, "customer-ref-2": optionalText }))),
    }),
  }),
});

/** `<shipment-details>` → the parts a recovery needs (status, PIN, request id, group, references). */
export function parseShipmentDetails(xml: string): ShipmentDetails | undefined {
  const parsed = v.safeParse(ShipmentDetailsSchema, rootIs(xml, "shipment-details"));
  if (!parsed.success) return undefined;
  const d = parsed.output;
  const spec = d["shipment-detail"]["delivery-spec"];
  const refs = (spec.references ?? {}) as { "customer-ref-1"?: string; "customer-ref-2"?: string };
  return {
    status: d["shipment-status"],
    trackingPin: d["tracking-pin"] || undefined,
    requestId: d["customer-request-id"] || undefined,
    groupId: d["shipment-detail"]["group-id"]?.[0],
    transmitShipment: d["shipment-detail"]["transmit-shipment"] !== undefined,
    customerRef1: refs["customer-ref-1"] || undefined,
    customerRef2: refs["customer-ref-2"] || undefined,
    serviceCode: spec["service-code"],
  };
}

const ManifestsSchema = emptyAsObject(v.object({ link: LinkList }));

/** `<manifests>` (Transmit Shipments, Get Manifests) → the manifest links. */
export function parseManifestLinks(xml: string): Link[] | undefined {
  const parsed = v.safeParse(ManifestsSchema, rootIs(xml, "manifests"));
  if (!parsed.success) return undefined;
  return (parsed.output as { link?: Link[] }).link ?? [];
}

const ManifestSchema = v.object({ "po-number": optionalText, links: v.object({ link: v.array(LinkSchema) }) });

/** `<manifest>` (Get Manifest) → po-number and links (artifact = the manifest PDF). */
export function parseManifest(xml: string): Manifest | undefined {
  const parsed = v.safeParse(ManifestSchema, rootIs(xml, "manifest"));
  return parsed.success ? manifestOf(parsed.output["po-number"], parsed.output.links.link) : undefined;
}

const RefundInfoSchema = v.object({
  "service-ticket-id": text,
  "service-ticket-date": v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}/)),
});

/** `<shipment-refund-request-info>` → the ticket; undefined when the reply is not one. */
export function parseRefundTicket(xml: string): RefundTicket | undefined {
  const parsed = v.safeParse(RefundInfoSchema, rootIs(xml, "shipment-refund-request-info"));
  if (!parsed.success) return undefined;
  return { ticketId: parsed.output["service-ticket-id"], ticketDate: parsed.output["service-ticket-date"].slice(0, 10) };
}

const MessagesSchema = emptyAsObject(
  v.object({
    message: v.optional(
      v.array(
        v.pipe(
          v.object({ code: v.optional(v.string(), ""), description: v.optional(v.string(), "") }),
          v.transform((m): CanadaPostMessage => ({ code: m.code, description: m.description })),
        ),
      ),
      [],
    ),
  }),
);

/** `<messages>` in any namespace (shipment errors, track errors) → messages; undefined if not one. */
export function parseMessages(xml: string): CanadaPostMessage[] | undefined {
  const parsed = v.safeParse(MessagesSchema, rootIs(xml, "messages"));
  if (!parsed.success) return undefined;
  return (parsed.output as { message?: CanadaPostMessage[] }).message ?? [];
}
