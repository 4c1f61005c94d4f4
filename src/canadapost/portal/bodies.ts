import type { Problem } from "../../address/index.ts";
import { ratesParcel, type RatesRequest } from "../rates.ts";
import type { ShipmentRequest, ShipmentSettings } from "../request.ts";
import { shipmentFields, type AddressFields } from "../shipment-fields.ts";
import { transmitFields } from "../transmit-fields.ts";

/**
 * The Developer Portal's JSON request bodies. Field names are the XML elements camel-cased
 * (devportal.md §4), repeated elements become plain arrays, values get JSON types; the checked
 * values are the ones the XML document is built from (shipment-fields.ts).
 */
export type JsonBody = Record<string, unknown>;

/**
 * The day's manifest group under this API: YYYYMMDD-portal. Labels bought over the XML API sit
 * in YYYYMMDD; keeping the names apart means a group always holds labels of one API, so a shop
 * that switches during a day transmits each group through the API that bought it.
 */
export const portalGroupId = (day: string): string => `${day}-portal`;

export type BuiltJson = { ok: true; body: JsonBody } | { ok: false; problems: Problem[] };

const omitEmpty = (o: Record<string, unknown>): JsonBody =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== "" && v !== undefined));

function addressJson(a: AddressFields, domestic: boolean): JsonBody {
  return omitEmpty({
    addressLine1: a.lines[0],
    addressLine2: a.lines[1],
    city: a.city,
    provState: a.province,
    // The sender's address schema (addressDomestic) still asks for countryCode = CA.
    countryCode: domestic ? "CA" : a.country,
    postalZipCode: a.postalCode,
  });
}

/** Create Shipment's body (`createShipmentRequest`), or the problems that stop it. */
export function buildShipmentJson(req: ShipmentRequest, settings: ShipmentSettings, today: Date = new Date()): BuiltJson {
  const checked = shipmentFields(req, settings, today);
  if (!checked.ok) return checked;
  const f = checked.fields;
  const deliverySpec: JsonBody = {
    serviceCode: f.serviceCode,
    sender: omitEmpty({ name: f.sender.name, company: f.sender.company, contactPhone: f.sender.phone, addressDetails: addressJson(f.sender.address, true) }),
    destination: omitEmpty({
      name: f.destination.name,
      company: f.destination.company,
      additionalAddressInfo: f.destination.additionalInfo,
      clientVoiceNumber: f.destination.phone,
      addressDetails: addressJson(f.destination.address, false),
    }),
    parcelCharacteristics: { weight: f.weightKg, ...(f.dimensionsCm ? { dimensions: { ...f.dimensionsCm } } : {}) },
    ...(f.email !== "" ? { notification: { email: f.email, onShipment: true, onException: false, onDelivery: true } } : {}),
    printPreferences: { outputFormat: f.labelFormat, encoding: f.encoding },
    preferences: { showPackingInstructions: false, showPostageRate: false, showInsuredValue: false },
    references: omitEmpty({ customerRef1: f.orderId, customerRef2: f.reference2 }),
    settlementInfo: omitEmpty({ contractId: f.contractId, intendedMethodOfPayment: f.methodOfPayment }),
  };
  const body: JsonBody = {
    customerRequestId: f.requestId,
    ...(f.transmit ? { transmitShipment: true } : { groupId: portalGroupId(f.groupId) }),
    requestedShippingPoint: f.shippingPoint,
    // What the label costs, kept beside the quote. The spec's text calls this "only
    // applicable" to transmitted shipments (its schema allows it always): when the reply
    // has no price, the client reads the shipment's `price` link instead.
    providePricingInfo: true,
    deliverySpec,
  };
  return { ok: true, body };
}

/** Transmit Shipments' body (`transmitRequest`; values: transmit-fields.ts). */
export function buildTransmitJson(groupIds: readonly string[], settings: Pick<ShipmentSettings, "sender" | "methodOfPayment">): JsonBody {
  const f = transmitFields(groupIds, settings);
  return {
    groupIds: f.groupIds,
    requestedShippingPoint: f.postalCode,
    detailedManifests: true,
    methodOfPayment: f.methodOfPayment,
    manifestAddress: omitEmpty({
      manifestCompany: f.company,
      manifestName: f.name,
      phoneNumber: f.phone,
      addressDetails: omitEmpty({
        addressLine1: f.lines[0],
        addressLine2: f.lines[1],
        city: f.city,
        provState: f.province,
        countryCode: "CA",
        postalZipCode: f.postalCode,
      }),
    }),
  };
}

export const buildRefundJson = (email: string): JsonBody => ({ email: email.trim() });

/**
 * Get Rates' body (rating/v1/prices). No Rating OpenAPI file is public (devportal.md §3.0):
 * this is the XML mailing-scenario under the portal's naming rule, the one shape the
 * Shipping spec's own fields confirm for their XML twins. UNCERTAIN until seen live.
 */
export function buildRatesJson(r: RatesRequest, account: { customerNumber: string; contractId?: string | undefined }): JsonBody {
  const parcel = ratesParcel(r);
  return omitEmpty({
    customerNumber: account.customerNumber,
    contractId: account.contractId,
    quoteType: "commercial",
    expectedMailingDate: r.mailingDate,
    parcelCharacteristics: { weight: parcel.weightKg, ...(parcel.dimensionsCm ? { dimensions: parcel.dimensionsCm } : {}) },
    services: parcel.services,
    originPostalCode: r.originPostalCode,
    destination: { domestic: { postalCode: r.destinationPostalCode } },
  });
}
