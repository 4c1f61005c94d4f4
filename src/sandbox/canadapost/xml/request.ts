import { localDate } from "../../calendar.ts";
import type { LabelAddress, RatesQuestion, Sale } from "../post-office.ts";
import { sandboxQuote, type SandboxQuote } from "../pricing.ts";
import type { ShipmentToCheck } from "../rules.ts";
import { asList } from "./body.ts";
import { routeOf } from "../tracking/desk.ts";

/*
 * The XML requests, once the schema passed, in the post office's neutral words. Elements
 * parse as text (or objects for groups), absent ones as undefined.
 */

type Element = Record<string, any>;

/** A `<shipment>` for the business rules. */
export function shipmentToCheck(shipment: Element): ShipmentToCheck {
  const spec = shipment["delivery-spec"] as Element;
  const dest = spec.destination["address-details"] as Record<string, string>;
  const settlement = spec["settlement-info"] as Record<string, string>;
  return {
    serviceCode: String(spec["service-code"]),
    country: dest["country-code"]!.toUpperCase(),
    addressLine1: dest["address-line-1"],
    city: dest.city,
    province: dest["prov-state"],
    postalCode: dest["postal-zip-code"],
    name: spec.destination.name,
    company: spec.destination.company,
    hasCustoms: Boolean(spec.customs),
    zplOnLetter: spec["print-preferences"]?.encoding === "ZPL" && spec["print-preferences"]?.["output-format"] !== "4x6",
    hasShippingPoint: shipment["requested-shipping-point"] !== undefined || shipment["shipping-point-id"] !== undefined,
    contractId: settlement["contract-id"],
    methodOfPayment: settlement["intended-method-of-payment"],
  };
}

/** A `<shipment>` as the label it buys; priced only when it asks (provide-pricing-info). */
export function saleOf(shipment: Element): Sale {
  const spec = shipment["delivery-spec"] as Element;
  return {
    requestId: (shipment["customer-request-id"] as string | undefined) || undefined,
    orderId: spec.references?.["customer-ref-1"] || undefined,
    groupId: shipment["group-id"] as string | undefined,
    serviceCode: spec["service-code"],
    labelFormat: spec["print-preferences"]?.["output-format"] === "4x6" ? "4x6" : "8.5x11",
    encoding: spec["print-preferences"]?.encoding === "ZPL" ? "ZPL" : "PDF",
    route: routeOf(
      { postal: String(spec.sender?.["address-details"]?.["postal-zip-code"] ?? "") || undefined, city: spec.sender?.["address-details"]?.city },
      { postal: spec.destination?.["address-details"]?.["postal-zip-code"], city: spec.destination?.["address-details"]?.city, province: spec.destination?.["address-details"]?.["prov-state"] },
    ),
    // Charged exactly what Get Rates quotes for the same parcel, service and day.
    ...(shipment["provide-pricing-info"] !== undefined ? { price: priceOfShipment(shipment) } : {}),
  };
}

/** The price of a Create Shipment's parcel, from the same list as Get Rates. */
function priceOfShipment(shipment: Element): SandboxQuote | undefined {
  const spec = shipment["delivery-spec"];
  const p = spec["parcel-characteristics"] ?? {};
  const d = p.dimensions;
  const sender = spec.sender?.["address-details"]?.["postal-zip-code"];
  return sandboxQuote({
    serviceCode: String(spec["service-code"]),
    originPostal: String(shipment["requested-shipping-point"] ?? sender ?? "K1A0B1").replace(/\s/g, ""),
    destinationPostal: String(spec.destination?.["address-details"]?.["postal-zip-code"] ?? "K1A0B1"),
    weightKg: Number(p.weight ?? 1),
    dimensionsCm: d ? { length: Number(d.length), width: Number(d.width), height: Number(d.height) } : undefined,
    mailingDate: String(shipment["expected-mailing-date"] ?? localDate(new Date(), "-")),
  });
}

/** Where a kept `<shipment>` request sends its label. */
export function addressOfRequest(request: Element | undefined): LabelAddress {
  const d = request?.["delivery-spec"]?.destination ?? {};
  const a = d["address-details"] ?? {};
  return { name: d.name, company: d.company, line1: a["address-line-1"], line2: a["address-line-2"], city: a.city, province: a["prov-state"], postalCode: a["postal-zip-code"] };
}

/** A `<mailing-scenario>` as a Get Rates question. */
export function ratesQuestion(s: Element): RatesQuestion {
  const text = (x: unknown) => (x === undefined ? undefined : String(x));
  const destination = s.destination?.domestic?.["postal-code"];
  const asked = s.services?.["service-code"];
  const p = s["parcel-characteristics"];
  return {
    customerNumber: text(s["customer-number"]),
    contractId: text(s["contract-id"]),
    destinationPostal: destination ? String(destination) : undefined,
    mailingDate: text(s["expected-mailing-date"]),
    services: asked === undefined ? undefined : asList(asked),
    originPostal: String(s["origin-postal-code"]),
    weightKg: Number(p.weight),
    dimensionsCm: p.dimensions ? { length: Number(p.dimensions.length), width: Number(p.dimensions.width), height: Number(p.dimensions.height) } : undefined,
  };
}
