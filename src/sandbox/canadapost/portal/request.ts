import { localDate } from "../../calendar.ts";
import type { LabelAddress, RatesQuestion, Sale } from "../post-office.ts";
import { sandboxQuote, type SandboxQuote } from "../pricing.ts";
import type { ShipmentToCheck } from "../rules.ts";
import type { CreateShipmentBody, RatesBody } from "./checks.ts";
import { routeOf } from "../tracking/desk.ts";

/* The portal's JSON requests, once checked against the schema, in the post office's neutral words. */

/** A Create Shipment body for the business rules. */
export function shipmentToCheck(body: CreateShipmentBody): ShipmentToCheck {
  const spec = body.deliverySpec;
  const dest = spec.destination.addressDetails;
  return {
    serviceCode: spec.serviceCode,
    country: dest.countryCode.toUpperCase(),
    addressLine1: dest.addressLine1,
    city: dest.city,
    province: dest.provState,
    postalCode: dest.postalZipCode,
    name: spec.destination.name,
    company: spec.destination.company,
    hasCustoms: Boolean(spec.customs),
    zplOnLetter: spec.printPreferences?.encoding === "ZPL" && spec.printPreferences?.outputFormat !== "4x6",
    hasShippingPoint: body.requestedShippingPoint !== undefined || body.shippingPointId !== undefined,
    contractId: spec.settlementInfo.contractId,
    methodOfPayment: spec.settlementInfo.intendedMethodOfPayment,
  };
}

/** A Create Shipment body as the label it buys, always priced (the reply says whether it shows the price). */
export function saleOf(body: CreateShipmentBody): Sale {
  const spec = body.deliverySpec;
  return {
    requestId: body.customerRequestId || undefined,
    orderId: spec.references?.customerRef1 || undefined,
    groupId: body.groupId,
    serviceCode: spec.serviceCode,
    labelFormat: spec.printPreferences?.outputFormat === "4x6" ? "4x6" : "8.5x11",
    encoding: spec.printPreferences?.encoding === "ZPL" ? "ZPL" : "PDF",
    route: routeOf(
      { postal: spec.sender.addressDetails.postalZipCode, city: spec.sender.addressDetails.city },
      { postal: spec.destination.addressDetails.postalZipCode, city: spec.destination.addressDetails.city, province: spec.destination.addressDetails.provState },
    ),
    // Charged exactly what Get Rates quotes for the same parcel, service and day.
    price: priceOf(body),
  };
}

function priceOf(body: CreateShipmentBody): SandboxQuote | undefined {
  const spec = body.deliverySpec;
  const p = spec.parcelCharacteristics;
  return sandboxQuote({
    serviceCode: spec.serviceCode,
    originPostal: (body.requestedShippingPoint ?? spec.sender.addressDetails.postalZipCode ?? "K1A0B1").replace(/\s/g, ""),
    destinationPostal: spec.destination.addressDetails.postalZipCode ?? "K1A0B1",
    weightKg: p.weight,
    dimensionsCm: p.dimensions,
    mailingDate: body.expectedMailingDate ?? localDate(new Date(), "-"),
  });
}

/** Where a kept Create Shipment body sends its label. */
export function addressOfBody(body: CreateShipmentBody | undefined): LabelAddress | undefined {
  const d = body?.deliverySpec.destination;
  if (!d) return undefined;
  const a = d.addressDetails;
  return { name: d.name, company: d.company, line1: a.addressLine1, line2: a.addressLine2, city: a.city, province: a.provState, postalCode: a.postalZipCode };
}

/** A Get Rates body as the question. */
export function ratesQuestion(s: RatesBody): RatesQuestion {
  return {
    customerNumber: s.customerNumber,
    contractId: s.contractId,
    destinationPostal: s.destination.domestic?.postalCode,
    mailingDate: s.expectedMailingDate,
    services: s.services,
    originPostal: s.originPostalCode,
    weightKg: s.parcelCharacteristics.weight,
    dimensionsCm: s.parcelCharacteristics.dimensions,
  };
}
