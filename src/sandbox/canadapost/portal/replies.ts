import type { SandboxQuote } from "../pricing.ts";
import type { SandboxManifest, SandboxShipment } from "../state.ts";
import type { CreateShipmentBody } from "./checks.ts";

/** Where links point: the sandbox's origin, the path's customer numbers, the artifacts' consumer id. */
export interface PortalBase {
  origin: string;
  mailedBy: string;
  mobo: string;
  consumerId: string;
}

const JSON_TYPE = "application/json";
const shippingPath = (b: PortalBase) => `${b.origin}/shipping/v1/${b.mailedBy}/${b.mobo}`;
const artifactHref = (b: PortalBase, artifactId: string) => `${b.origin}/shipping/v1/artifacts/${b.consumerId}/shipping/${artifactId}/0`;
const link = (rel: string, href: string, mediaType = JSON_TYPE, index?: number) => ({ rel, href, mediaType, ...(index === undefined ? {} : { index }) });
/** A label's link names the encoding it was bought in. */
const labelType = (s: SandboxShipment) => (s.encoding === "ZPL" ? "application/zpl" : "application/pdf");
const money = (x: number) => Math.round(x * 100) / 100;

/** `createShipmentResponse` / `shipmentInfo`: the price inline only when asked (transmitted shipments), else a price link. */
export function shipmentInfoJson(b: PortalBase, s: SandboxShipment, o: { withPrice: boolean }) {
  const self = `${shippingPath(b)}/shipments/${s.shipmentId}`;
  const links = [link("self", self), link("details", `${self}/details`)];
  if (s.groupId && s.status === "created") links.push(link("group", `${shippingPath(b)}/shipments?group-id=${encodeURIComponent(s.groupId)}`));
  if (!o.withPrice && s.price) links.push(link("price", `${self}/price`));
  if (s.status === "transmitted") links.push(link("refund", `${self}/refund`));
  links.push(link("label", artifactHref(b, s.artifactId), labelType(s), 0));
  return {
    ...(s.requestId ? { customerRequestId: s.requestId } : {}),
    shipmentId: s.shipmentId,
    shipmentStatus: s.status,
    trackingPin: s.trackingPin,
    ...(o.withPrice && s.price ? { shipmentPrice: priceJson(s.price) } : {}),
    links,
  };
}

export const shipmentLinks = (b: PortalBase, list: readonly SandboxShipment[]) => list.map((s) => link("shipment", `${shippingPath(b)}/shipments/${s.shipmentId}`));

export const manifestLinks = (b: PortalBase, list: readonly SandboxManifest[]) => list.map((m) => link("manifest", `${shippingPath(b)}/manifests/${m.manifestId}`));

export function linksOfManifest(b: PortalBase, m: SandboxManifest) {
  const self = `${shippingPath(b)}/manifests/${m.manifestId}`;
  return [
    link("self", self),
    link("details", `${self}/details`),
    link("manifestShipments", `${shippingPath(b)}/shipments?manifest-id=${m.manifestId}`),
    link("artifact", artifactHref(b, m.artifactId), "application/pdf", 0),
  ];
}

/** `shipmentPrice`, in the spec's names. */
export function priceJson(q: SandboxQuote) {
  return {
    serviceCode: q.serviceCode,
    baseAmount: money(q.base),
    adjustments: q.adjustments.map((a) => ({ adjustmentCode: a.code, adjustmentAmount: money(a.cost) })),
    preTaxAmount: money(q.preTax),
    gstAmount: money(q.taxes.gst?.amount ?? 0),
    pstAmount: money(q.taxes.pst?.amount ?? 0),
    hstAmount: money(q.taxes.hst?.amount ?? 0),
    dueAmount: money(q.due),
    serviceStandard: { amDelivery: false, guaranteedDelivery: q.guaranteed, expectedTransitTime: q.transitDays, expectedDeliveryDate: q.expectedDeliveryDate },
    ratedWeight: q.ratedWeightKg,
  };
}

/** One price quote: the XML price-quote camel-cased (no published Rating spec; see the client's note). */
export function quoteJson(q: SandboxQuote) {
  return {
    serviceCode: q.serviceCode,
    serviceName: q.serviceName,
    priceDetails: {
      base: money(q.base),
      taxes: { gst: money(q.taxes.gst?.amount ?? 0), pst: money(q.taxes.pst?.amount ?? 0), hst: money(q.taxes.hst?.amount ?? 0) },
      due: money(q.due),
      adjustments: q.adjustments.map((a) => ({ adjustmentCode: a.code, adjustmentName: a.name, adjustmentCost: money(a.cost) })),
    },
    weightDetails: q.cubedWeightKg === undefined ? {} : { cubedWeight: q.cubedWeightKg },
    serviceStandard: { amDelivery: false, guaranteedDelivery: q.guaranteed, expectedTransitTime: q.transitDays, expectedDeliveryDate: q.expectedDeliveryDate },
  };
}

/** Get Groups (which only the sandbox serves): each open group and its Get Shipments link. */
export const groupsJson = (b: PortalBase, groups: readonly string[]) =>
  groups.map((g) => ({ groupId: g, link: link("group", `${shippingPath(b)}/shipments?group-id=${encodeURIComponent(g)}`) }));

/** `shipmentDetails`: status, PIN, and the request's delivery spec and group echoed back. */
export function shipmentDetailsJson(s: SandboxShipment, body: CreateShipmentBody | undefined) {
  return {
    ...(s.requestId ? { customerRequestId: s.requestId } : {}),
    shipmentStatus: s.status,
    finalShippingPoint: body?.requestedShippingPoint ?? "K1A0B1",
    trackingPin: s.trackingPin,
    shipmentDetail: { ...(s.groupId ? { groupId: s.groupId } : { transmitShipment: true }), deliverySpec: body?.deliverySpec ?? {} },
  };
}

/** Discover Services: the XML `<services>` camel-cased, as a plain array. */
export function servicesJson(origin: string, services: readonly { code: string; name: string }[], country: string | undefined) {
  const query = country ? `?country=${country}` : "";
  return services.map((s) => ({ serviceCode: s.code, serviceName: s.name, link: link("service", `${origin}/rating/v1/services/${s.code}${query}`) }));
}
