import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import type { Problem } from "../../address/index.ts";
import { SHIPMENT_NAMESPACE } from "./media-types.ts";
import type { ShipmentRequest, ShipmentSettings } from "../request.ts";
import { shipmentFields, type AddressFields } from "../shipment-fields.ts";

export type BuiltXml = { ok: true; xml: string } | { ok: false; problems: Problem[] };

/** The `<shipment>` document for one request, or the problems that stop it from being valid. */
export function buildShipmentXml(req: ShipmentRequest, settings: ShipmentSettings, today: Date = new Date()): BuiltXml {
  const checked = shipmentFields(req, settings, today);
  if (!checked.ok) return checked;
  const f = checked.fields;

  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(SHIPMENT_NAMESPACE, "shipment");
  add(doc, "customer-request-id", f.requestId);
  if (f.transmit) add(doc, "transmit-shipment", "true");
  else add(doc, "group-id", f.groupId);
  add(doc, "requested-shipping-point", f.shippingPoint);
  // What the label costs comes back in the reply (shipment-price), kept beside the quote.
  add(doc, "provide-pricing-info", "true");

  const spec = doc.ele("delivery-spec");
  add(spec, "service-code", f.serviceCode);

  const sender = spec.ele("sender");
  add(sender, "name", f.sender.name);
  add(sender, "company", f.sender.company);
  add(sender, "contact-phone", f.sender.phone);
  address(sender, f.sender.address);

  const destination = spec.ele("destination");
  add(destination, "name", f.destination.name);
  add(destination, "company", f.destination.company);
  add(destination, "additional-address-info", f.destination.additionalInfo);
  add(destination, "client-voice-number", f.destination.phone);
  address(destination, f.destination.address);

  const parcel = spec.ele("parcel-characteristics");
  add(parcel, "weight", String(f.weightKg));
  if (f.dimensionsCm) {
    const d = parcel.ele("dimensions");
    add(d, "length", String(f.dimensionsCm.length));
    add(d, "width", String(f.dimensionsCm.width));
    add(d, "height", String(f.dimensionsCm.height));
  }

  if (f.email !== "") {
    const n = spec.ele("notification");
    add(n, "email", f.email);
    add(n, "on-shipment", "true");
    add(n, "on-exception", "false");
    add(n, "on-delivery", "true");
  }

  const print = spec.ele("print-preferences");
  add(print, "output-format", f.labelFormat);
  add(print, "encoding", f.encoding);
  const prefs = spec.ele("preferences");
  add(prefs, "show-packing-instructions", "false");
  add(prefs, "show-postage-rate", "false");
  add(prefs, "show-insured-value", "false");

  const refs = spec.ele("references");
  add(refs, "customer-ref-1", f.orderId);
  add(refs, "customer-ref-2", f.reference2);

  const settlement = spec.ele("settlement-info");
  add(settlement, "contract-id", f.contractId);
  add(settlement, "intended-method-of-payment", f.methodOfPayment);

  return { ok: true, xml: doc.end({ prettyPrint: false }) };
}

function add(parent: XMLBuilder, name: string, value: string): void {
  if (value !== "") parent.ele(name).txt(value);
}

function address(parent: XMLBuilder, a: AddressFields): void {
  const e = parent.ele("address-details");
  add(e, "address-line-1", a.lines[0]);
  add(e, "address-line-2", a.lines[1]);
  add(e, "city", a.city);
  add(e, "prov-state", a.province);
  add(e, "country-code", a.country);
  add(e, "postal-zip-code", a.postalCode);
}
