import { findLink, type Link } from "./links.ts";

/*
 * What Canada Post answers, as the values both adapters give: the XML replies and the Developer
 * Portal's JSON replies are read into these, so the workflows never see which API answered.
 */

/** A shipment as Create Shipment and Get Shipment describe it. */
export interface ShipmentInfo {
  shipmentId: string;
  /** created (grouped, not transmitted), transmitted, suspended, … */
  status: string;
  /** Optional in the XSD; present on every contract label seen. */
  trackingPin: string | undefined;
  requestId: string | undefined;
  poNumber: string | undefined;
  links: ShipmentLinks;
  /** What the label was charged (Create Shipment with provide-pricing-info); absent otherwise. */
  price: ShipmentPrice | undefined;
}

/** `<shipment-price>`: the amounts Canada Post bills for this label. */
export interface ShipmentPrice {
  serviceCode: string | undefined;
  preTax: number;
  /** gst + pst + hst. */
  taxes: number;
  due: number;
  /** YYYY-MM-DD, when Canada Post says. */
  expectedDeliveryDate: string | undefined;
}

export interface ShipmentLinks {
  self: Link;
  details: Link | undefined;
  group: Link | undefined;
  price: Link | undefined;
  receipt: Link | undefined;
  refund: Link | undefined;
  /** The first label page (index 0). */
  label: Link | undefined;
  /** Every link of the reply, labels of several pages included. */
  all: Link[];
}

/** What Get Shipment Details tells beyond shipment-info: the original request's references. */
export interface ShipmentDetails {
  status: string;
  trackingPin: string | undefined;
  requestId: string | undefined;
  groupId: string | undefined;
  transmitShipment: boolean;
  customerRef1: string | undefined;
  customerRef2: string | undefined;
  serviceCode: string | undefined;
}

export interface Manifest {
  poNumber: string | undefined;
  self: Link | undefined;
  details: Link | undefined;
  /** The manifest PDF (Get Artifact). */
  artifact: Link | undefined;
  manifestShipments: Link | undefined;
  all: Link[];
}

/** Request Shipment Refund's answer: Canada Post's service ticket for the refund. */
export interface RefundTicket {
  ticketId: string;
  /** YYYY-MM-DD */
  ticketDate: string;
}

/** A reply's links by their rel: undefined without the `self` link every shipment has. */
export function shipmentLinksOf(all: Link[]): ShipmentLinks | undefined {
  const rel = (name: string) => findLink(all, name);
  const self = rel("self");
  if (!self) return undefined;
  const labels = all.filter((l) => l.rel === "label").sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  return { self, details: rel("details"), group: rel("group"), price: rel("price"), receipt: rel("receipt"), refund: rel("refund"), label: labels[0], all };
}

/** Get Manifest's answer from its PO number and links. */
export function manifestOf(poNumber: string | null | undefined, all: Link[]): Manifest {
  const rel = (name: string) => findLink(all, name);
  return { poNumber: poNumber || undefined, self: rel("self"), details: rel("details"), artifact: rel("artifact"), manifestShipments: rel("manifestShipments"), all };
}

/** gst + pst + hst, to the cent (a tax not charged is absent). */
export function taxesOf(t: { gst?: number | undefined; pst?: number | undefined; hst?: number | undefined } | undefined): number {
  return Math.round(((t?.gst ?? 0) + (t?.pst ?? 0) + (t?.hst ?? 0)) * 100) / 100;
}
