import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import type { SandboxQuote } from "../pricing.ts";
import type { SandboxManifest, SandboxShipment } from "../state.ts";

export const SHIPMENT_TYPE = "application/vnd.cpc.shipment-v8+xml";
export const MANIFEST_TYPE = "application/vnd.cpc.manifest-v8+xml";
export const RATE_TYPE = "application/vnd.cpc.ship.rate-v4+xml";
export const RATE_NS = "http://www.canadapost.ca/ws/ship/rate-v4";
export const SHIPMENT_NS = "http://www.canadapost.ca/ws/shipment-v8";
export const MANIFEST_NS = "http://www.canadapost.ca/ws/manifest-v8";
const MESSAGES_NS = "http://www.canadapost.ca/ws/messages";

/** Where links point: the sandbox's own origin, customer numbers padded to 10 digits like real links. */
export interface LinkBase {
  origin: string;
  mailedBy: string;
  mobo: string;
  /** Stands in for the API username real artifact links carry (never the password). */
  artifactOwner: string;
}

export const pad10 = (customer: string): string => customer.padStart(10, "0");

const rsPath = (b: LinkBase) => `${b.origin}/rs/${pad10(b.mailedBy)}/${pad10(b.mobo)}`;
export const shipmentHref = (b: LinkBase, id: string) => `${rsPath(b)}/shipment/${id}`;
export const artifactHref = (b: LinkBase, artifactId: string) => `${b.origin}/rs/artifact/${b.artifactOwner}/${artifactId}/0`;

function link(parent: XMLBuilder, rel: string, href: string, mediaType: string, index?: number): void {
  const attrs: Record<string, string> = { rel, href, "media-type": mediaType };
  if (index !== undefined) attrs.index = String(index);
  parent.ele("link", attrs).up();
}

const end = (doc: XMLBuilder) => doc.end({ prettyPrint: true });

export function messagesXml(messages: readonly { code: string; description: string }[]): string {
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(MESSAGES_NS, "messages");
  for (const m of messages) {
    const e = doc.ele("message");
    e.ele("code").txt(m.code);
    e.ele("description").txt(m.description);
  }
  return end(doc);
}

export function shipmentInfoXml(b: LinkBase, s: SandboxShipment): string {
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(SHIPMENT_NS, "shipment-info");
  if (s.requestId) doc.ele("customer-request-id").txt(s.requestId);
  doc.ele("shipment-id").txt(s.shipmentId);
  doc.ele("shipment-status").txt(s.status === "voided" ? "cancelled" : s.status);
  doc.ele("tracking-pin").txt(s.trackingPin);
  if (s.price) shipmentPriceXml(doc.ele("shipment-price"), s.price);
  const links = doc.ele("links");
  const self = shipmentHref(b, s.shipmentId);
  link(links, "self", self, SHIPMENT_TYPE);
  link(links, "details", `${self}/details`, SHIPMENT_TYPE);
  if (s.groupId && s.status === "created") link(links, "group", `${rsPath(b)}/shipment?groupId=${encodeURIComponent(s.groupId)}`, SHIPMENT_TYPE);
  link(links, "price", `${self}/price`, SHIPMENT_TYPE);
  if (s.status === "transmitted") link(links, "refund", `${self}/refund`, SHIPMENT_TYPE);
  // The link names the encoding the label was bought in (a ZPL label: application/zpl).
  link(links, "label", artifactHref(b, s.artifactId), s.encoding === "ZPL" ? "application/zpl" : "application/pdf", 0);
  return end(doc);
}

/** `<groups>` (Get Groups, which only the sandbox serves): each open group and its Get Shipments link. */
export function groupsXml(b: LinkBase, path: { mb: string; mobo: string }, groups: readonly string[]): string {
  const inner = groups
    .map((g) => `<group><group-id>${g}</group-id><link rel="group" href="${b.origin}/rs/${path.mb}/${path.mobo}/shipment?groupId=${g}" media-type="${SHIPMENT_TYPE}"/></group>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><groups xmlns="${SHIPMENT_NS}">${inner}</groups>`;
}

export function shipmentsXml(b: LinkBase, list: readonly SandboxShipment[]): string {
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(SHIPMENT_NS, "shipments");
  for (const s of list) link(doc, "shipment", shipmentHref(b, s.shipmentId), SHIPMENT_TYPE);
  return end(doc);
}

/**
 * `<shipment-details>`: the stored request's delivery-spec and group, re-rooted, plus status
 * and PIN. The request was checked on the way in, so it can be echoed as it came.
 */
export function shipmentDetailsXml(s: SandboxShipment, request: Record<string, unknown>, finalShippingPoint: string): string {
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(SHIPMENT_NS, "shipment-details");
  if (s.requestId) doc.ele("customer-request-id").txt(s.requestId);
  doc.ele("shipment-status").txt(s.status === "voided" ? "cancelled" : s.status);
  doc.ele("final-shipping-point").txt(finalShippingPoint);
  doc.ele("tracking-pin").txt(s.trackingPin);
  const detail = doc.ele("shipment-detail");
  if (s.groupId) detail.ele("group-id").txt(s.groupId);
  else detail.ele("transmit-shipment").txt("true");
  const spec = request["delivery-spec"];
  if (spec && typeof spec === "object") detail.ele({ "delivery-spec": spec });
  return end(doc);
}

export function manifestsXml(b: LinkBase, manifests: readonly SandboxManifest[]): string {
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(MANIFEST_NS, "manifests");
  for (const m of manifests) link(doc, "manifest", `${rsPath(b)}/manifest/${m.manifestId}`, MANIFEST_TYPE);
  return end(doc);
}

export function manifestXml(b: LinkBase, m: SandboxManifest): string {
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(MANIFEST_NS, "manifest");
  doc.ele("po-number").txt(m.poNumber);
  const links = doc.ele("links");
  const self = `${rsPath(b)}/manifest/${m.manifestId}`;
  link(links, "self", self, MANIFEST_TYPE);
  link(links, "details", `${self}/details`, MANIFEST_TYPE);
  link(links, "manifestShipments", `${rsPath(b)}/shipment?manifestId=${m.manifestId}`, SHIPMENT_TYPE);
  link(links, "artifact", artifactHref(b, m.artifactId), "application/pdf", 0);
  return end(doc);
}

export function refundInfoXml(ticketId: string, ticketDate: string): string {
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(SHIPMENT_NS, "shipment-refund-request-info");
  doc.ele("service-ticket-date").txt(ticketDate);
  doc.ele("service-ticket-id").txt(ticketId);
  return end(doc);
}

const money = (x: number) => x.toFixed(2);

/** shipment.xsd's ShipmentPriceType, in its order. */
function shipmentPriceXml(e: XMLBuilder, q: SandboxQuote): void {
  e.ele("service-code").txt(q.serviceCode);
  e.ele("base-amount").txt(money(q.base));
  const adjustments = e.ele("adjustments");
  for (const a of q.adjustments) {
    const x = adjustments.ele("adjustment");
    x.ele("adjustment-code").txt(a.code);
    x.ele("adjustment-amount").txt(money(a.cost));
  }
  e.ele("pre-tax-amount").txt(money(q.preTax));
  e.ele("gst-amount").txt(money(q.taxes.gst?.amount ?? 0));
  e.ele("pst-amount").txt(money(q.taxes.pst?.amount ?? 0));
  e.ele("hst-amount").txt(money(q.taxes.hst?.amount ?? 0));
  e.ele("due-amount").txt(money(q.due));
  const standard = e.ele("service-standard");
  standard.ele("am-delivery").txt("false");
  standard.ele("guaranteed-delivery").txt(String(q.guaranteed));
  standard.ele("expected-transmit-time").txt(String(q.transitDays));
  standard.ele("expected-delivery-date").txt(q.expectedDeliveryDate);
  e.ele("rated-weight").txt(q.ratedWeightKg.toFixed(3));
}

/** rating.xsd's price-quotes: each quote's elements in the schema's order. */
export function priceQuotesXml(origin: string, quotes: readonly SandboxQuote[]): string {
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(RATE_NS, "price-quotes");
  for (const q of quotes) {
    const e = doc.ele("price-quote");
    e.ele("service-code").txt(q.serviceCode);
    e.ele("service-link", { rel: "service", href: `${origin}/rs/ship/service/${q.serviceCode}?country=CA`, "media-type": RATE_TYPE });
    e.ele("service-name").txt(q.serviceName);
    const details = e.ele("price-details");
    details.ele("base").txt(money(q.base));
    const taxes = details.ele("taxes");
    for (const kind of ["gst", "pst", "hst"] as const) {
      const t = q.taxes[kind];
      taxes.ele(kind, t ? { percent: String(t.percent) } : {}).txt(money(t?.amount ?? 0));
    }
    details.ele("due").txt(money(q.due));
    const adjustments = details.ele("adjustments");
    for (const a of q.adjustments) {
      const x = adjustments.ele("adjustment");
      x.ele("adjustment-code").txt(a.code);
      x.ele("adjustment-name").txt(a.name);
      x.ele("adjustment-cost").txt(money(a.cost));
      x.ele("qualifier").ele("percent").txt("16.50");
    }
    const weight = e.ele("weight-details");
    if (q.cubedWeightKg !== undefined) weight.ele("cubed-weight").txt(q.cubedWeightKg.toFixed(3));
    const standard = e.ele("service-standard");
    standard.ele("am-delivery").txt("false");
    standard.ele("guaranteed-delivery").txt(String(q.guaranteed));
    standard.ele("expected-transit-time").txt(String(q.transitDays));
    standard.ele("expected-delivery-date").txt(q.expectedDeliveryDate);
  }
  return end(doc);
}

/** discovery.xsd's `<services>`: each service with its code, name and Get Service link. */
export function servicesXml(origin: string, services: readonly { code: string; name: string }[], country: string | undefined): string {
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(RATE_NS, "services");
  for (const s of services) {
    const e = doc.ele("service");
    e.ele("service-code").txt(s.code);
    e.ele("service-name").txt(s.name);
    const query = country ? `?country=${country}` : "";
    e.ele("link", { rel: "service", href: `${origin}/rs/ship/service/${s.code}${query}`, "media-type": RATE_TYPE });
  }
  return end(doc);
}
